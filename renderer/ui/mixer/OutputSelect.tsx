import { routeToNewBusWithId } from '../../../src/model/edits/bus-edits';
import { setChannelOutput } from '../../../src/model/edits/channel-edits';
import { outputLabel, routeToNewBusLabel } from '../../../src/model/edits/labels';
import { masterChannelId, type Bus } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';

const newBus = '\u0000new-bus';

/** Where a track's or bus's signal goes: the master, a bus, or a new bus made for it. A loop is refused with why. */
export function OutputSelect({ ownerId, name, output, buses }: { ownerId: string; name: string; output: string; buses: readonly Bus[] }) {
  const edit = useProject((s) => s.edit);
  return (
    <select
      className="strip-output"
      aria-label={`Output of ${name}`}
      title="Where this channel goes"
      value={output}
      onChange={(event) => {
        const target = event.target.value;
        if (target === newBus) edit(routeToNewBusLabel(1), (p) => routeToNewBusWithId(p, ownerId).project);
        else edit(outputLabel(), (p) => setChannelOutput(p, ownerId, target));
      }}
    >
      <option value={masterChannelId}>Master</option>
      {buses
        .filter((bus) => bus.id !== ownerId)
        .map((bus) => (
          <option key={bus.id} value={bus.id}>
            {bus.name || bus.id}
          </option>
        ))}
      <option value={newBus}>New bus…</option>
    </select>
  );
}
