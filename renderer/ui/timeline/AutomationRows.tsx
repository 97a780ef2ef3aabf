import { useRef } from 'react';
import type { AutomatableParam } from '../../../src/model/automation-params';
import { automatableParams, laneOf } from '../../../src/model/automation-params';
import { withPoints } from '../../../src/model/edits/automation-edits';
import { removeAutomationLabel } from '../../../src/model/edits/labels';
import { laneValueAt } from '../../../src/model/lane-values';
import { statusSlots } from '../../../src/protocol/engine';
import { Clock } from '../../../src/std/clock';
import { hertz, samples } from '../../../src/std/units';
import { useAutomationView } from '../../state/automation-view-store';
import { useProject } from '../../state/project-store';
import { useStatusFrame } from '../use-status-frame';
import { addLaneRowHeight, automationRowHeight, automationRowsOf, type TimelineChannel } from './automation-rows';
import { formatValue } from './automation-geometry';
import { AutomationLane } from './AutomationLane';

const keyOf = (param: { target: string; param: string }) => `${param.target}/${param.param}`;

/**
 * The open automation rows under a channel's row (a track's, a bus's or the master's): one per
 * automated parameter (and each picked to add), its name, its value at the playhead and a remove
 * button beside its lane of points; then a row to add a lane for any other parameter of the
 * channel, its sends or inserts.
 */
export function AutomationRows({ owner, laneBeats }: { owner: TimelineChannel; laneBeats: number }) {
  const project = useProject((s) => s.project);
  const view = useAutomationView();
  const rows = automationRowsOf(project, owner, view);
  const others = automatableParams(project, owner).filter((param) => !rows.some((row) => keyOf(row) === keyOf(param)));
  return (
    <div className="automation-rows" role="group" aria-label={`Automation lanes of ${owner.name}`}>
      {rows.map((param) => (
        <div key={keyOf(param)} className="timeline-row automation-row" style={{ height: automationRowHeight }}>
          <div className="track-header automation-row-header" style={{ borderLeftColor: owner.colour }}>
            <span className="automation-row-name" title={param.label}>
              {param.label}
            </span>
            <ValueReadout param={param} />
            <button type="button" className="track-toggle" aria-label={`Remove ${param.label} automation of ${owner.name}`} title="Remove this lane and its points" onClick={() => removeLane(owner, param)}>
              ✕
            </button>
          </div>
          <div className="lane automation-row-lane">
            <AutomationLane owner={owner} lane={param} height={automationRowHeight} laneBeats={laneBeats} />
          </div>
        </div>
      ))}
      <div className="timeline-row automation-add-row" style={{ height: addLaneRowHeight }}>
        <div className="track-header automation-row-header" style={{ borderLeftColor: owner.colour }}>
          <select
            className="automation-select"
            aria-label={`Add automation lane to ${owner.name}`}
            value=""
            onChange={(event) => {
              const picked = others.find((param) => keyOf(param) === event.target.value);
              if (picked) useAutomationView.getState().addRow(owner.id, { target: picked.target, param: picked.param });
            }}
          >
            <option value="">+ Add lane…</option>
            {others.map((param) => (
              <option key={keyOf(param)} value={keyOf(param)}>
                {param.label}
              </option>
            ))}
          </select>
        </div>
        <div className="automation-add-space" />
      </div>
    </div>
  );
}

/** The parameter's value at the playhead, written on animation frames (never through React state). */
function ValueReadout({ param }: { param: AutomatableParam }) {
  const element = useRef<HTMLSpanElement>(null);
  useStatusFrame((status, sampleRate) => {
    const { project } = useProject.getState();
    // Through the song's clock, so the value is the one heard also after a tempo change.
    const beat = Clock.of(project).beatAtFrame(samples(status[statusSlots.playheadFrame] ?? 0), hertz(sampleRate));
    const text = formatValue(param.spec, laneValueAt(laneOf(project, param.target, param.param)?.points ?? [], param.spec, beat, param.value));
    if (element.current && element.current.textContent !== text) element.current.textContent = text;
  });
  return <span ref={element} className="automation-row-value" aria-label={`${param.label} value`} />;
}

/** Removes a lane and its points (one undo step) and its row. */
function removeLane(owner: TimelineChannel, param: AutomatableParam): void {
  const lane = { target: param.target, param: param.param };
  useProject.getState().edit(removeAutomationLabel(), (project) => withPoints(project, lane, []));
  useAutomationView.getState().removeRow(owner.id, lane);
}
