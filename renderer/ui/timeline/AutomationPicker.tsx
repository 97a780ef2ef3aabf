import { automatableParams, automatedParams } from '../../../src/model/automation-params';
import type { Track } from '../../../src/model/project-schema';
import { useAutomationView } from '../../state/automation-view-store';
import { useProject } from '../../state/project-store';

const keyOf = (target: string, param: string) => `${target}/${param}`;

/**
 * The track header's automation controls: "A" shows or hides the track's automation lane (over
 * its clips), and the list picks the parameter it shows — the automated ones first, then every
 * parameter of the channel, its sends and its inserts.
 */
export function AutomationPicker({ track }: { track: Track }) {
  const project = useProject((s) => s.project);
  const shown = useAutomationView((s) => s.shown[track.id]);
  const all = automatableParams(project, track);
  const automated = automatedParams(project, track);
  const toggle = () => useAutomationView.getState().show(track.id, shown ? null : (automated[0] ?? all[0] ?? null));
  return (
    <div className="automation-picker">
      <button type="button" className={`track-toggle ${shown ? 'is-automating' : ''}`} aria-label={`Show automation of ${track.name}`} aria-pressed={!!shown} title="Show automation" onClick={toggle}>
        A
      </button>
      {shown && (
        <select
          className="automation-select"
          aria-label={`Automated parameter of ${track.name}`}
          value={keyOf(shown.target, shown.param)}
          onChange={(event) => {
            const picked = all.find((param) => keyOf(param.target, param.param) === event.target.value);
            if (picked) useAutomationView.getState().show(track.id, { target: picked.target, param: picked.param });
          }}
        >
          {automated.length > 0 && (
            <optgroup label="Automated">
              {automated.map((param) => (
                <option key={`a-${keyOf(param.target, param.param)}`} value={keyOf(param.target, param.param)}>
                  {param.label}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="All parameters">
            {all
              .filter((param) => !automated.includes(param))
              .map((param) => (
                <option key={keyOf(param.target, param.param)} value={keyOf(param.target, param.param)}>
                  {param.label}
                </option>
              ))}
          </optgroup>
        </select>
      )}
    </div>
  );
}
