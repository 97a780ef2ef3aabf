import { addSendLabel, removeSendLabel, sendTapLabel } from '../../../src/model/edits/labels';
import { addSend, removeSend, setSendTap } from '../../../src/model/edits/send-edits';
import type { Bus, Send } from '../../../src/model/project-schema';
import { useProject } from '../../state/project-store';
import { describeGain } from './channel-values';
import { Knob } from '../Knob';
import { sendLevelEdit } from './channel-param-edits';
import { gainScale } from './value-scales';

/**
 * A channel's sends: one level knob per send with its bus, a pre/post-fader toggle and remove;
 * "Send" adds one to a bus it does not feed yet (a send that would loop is refused with why).
 */
export function SendControls({ ownerId, name, sends, buses }: { ownerId: string; name: string; sends: readonly Send[]; buses: readonly Bus[] }) {
  const edit = useProject((s) => s.edit);
  const busName = (id: string) => buses.find((bus) => bus.id === id)?.name || id;
  const open = buses.filter((bus) => bus.id !== ownerId && !sends.some((send) => send.target === bus.id));
  return (
    <div className="strip-section strip-sends" role="group" aria-label={`Sends of ${name}`}>
      {sends.map((send) => {
        const target = busName(send.target);
        return (
          <div key={send.id} className="send-row">
            <Knob
              label={`Send from ${name} to ${target}`}
              value={send.levelDb}
              scale={gainScale}
              edit={sendLevelEdit(send.id)}
              describe={describeGain}
              title={`Send to ${target}: drag (Shift: fine), double-click for 0 dB`}
            />
            <div className="send-label">
              <span className="send-target" title={target}>
                {target}
              </span>
              <button
                type="button"
                className="send-tap"
                data-tap={send.tap}
                aria-label={`Send from ${name} to ${target} before the fader`}
                aria-pressed={send.tap === 'pre'}
                title={send.tap === 'pre' ? 'Pre-fader: click for post-fader' : 'Post-fader: click for pre-fader'}
                onClick={() => {
                  const tap = send.tap === 'pre' ? 'post' : 'pre';
                  edit(sendTapLabel(tap), (p) => setSendTap(p, send.id, tap));
                }}
              >
                {send.tap === 'pre' ? 'PRE' : 'POST'}
              </button>
            </div>
            <button type="button" className="send-remove" aria-label={`Remove the send from ${name} to ${target}`} title="Remove send" onClick={() => edit(removeSendLabel(), (p) => removeSend(p, send.id))}>
              ✕
            </button>
          </div>
        );
      })}
      {open.length > 0 && (
        <select
          className="strip-add"
          aria-label={`Add a send from ${name}`}
          value=""
          onChange={(event) => {
            const target = event.target.value;
            if (target) edit(addSendLabel(), (p) => addSend(p, ownerId, target));
          }}
        >
          <option value="">+ Send</option>
          {open.map((bus) => (
            <option key={bus.id} value={bus.id}>
              {bus.name || bus.id}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
