import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import { addTempoChangeLabel, deleteTempoChangeLabel, moveTempoChangeLabel, tempoRampLabel } from '../../../src/model/edits/labels';
import { addTempoChange, deleteTempoChange, moveTempoChange, setTempoRamp } from '../../../src/model/edits/tempo-map-edits';
import { snapToGrid } from '../../../src/model/snap';
import type { TempoChange } from '../../../src/model/timing-schema';
import { Clock } from '../../../src/std/clock';
import { beats } from '../../../src/std/units';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { formatBarsBeats } from '../format';
import { openRulerMenu } from './meter-actions';
import { startSlopDrag } from './preview-drag';
import { bpmPerPixel, bpmToY, tempoCurvePoints, tempoRange } from './tempo-lane-geometry';

const formatBpm = (bpm: number) => String(+bpm.toFixed(2));

/**
 * The tempo lane under the ruler: the song's tempo over time, and a handle per tempo change.
 * Double-click the lane to add a change (at the tempo there, snapped); drag a handle sideways to
 * move it (snapped; Alt: free) and up or down to change its tempo (Shift: fine); double-click a
 * handle or press R to switch it between a jump and a ramp; Delete removes it; arrow keys nudge
 * its tempo by 1 BPM (Shift: 0.1). Every gesture is one undo step; Escape cancels a drag.
 */
export function TempoLane({ laneBeats }: { readonly laneBeats: number }) {
  const tempo = useProject((s) => s.project.tempo);
  const changes = useProject((s) => s.project.tempoChanges);
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const snap = useTimeline((s) => s.snap);
  const range = tempoRange(tempo, changes);
  const clock = Clock.of(useProject((s) => s.project));
  const describeChange = (change: TempoChange) => `${formatBpm(change.bpm)} BPM at ${formatBarsBeats(beats(change.beat), clock)}, ${change.ramp ? 'ramping from the point before' : 'a jump'}`;
  const { edit } = useProject.getState();

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget && !(event.target instanceof SVGElement)) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const beat = snapToGrid((event.clientX - rect.left) / pixelsPerBeat, event.altKey ? 'off' : snap, useProject.getState().project);
    edit(addTempoChangeLabel(), (p) => addTempoChange(p, beat));
  };

  const onHandleDown = (event: PointerEvent<HTMLDivElement>, index: number, change: TempoChange) => {
    if (event.button !== 0) return;
    startSlopDrag(event, {
      travel: 'xy',
      to: (dx, dy, move) => {
        const beat = snapToGrid(change.beat + dx / pixelsPerBeat, move.altKey ? 'off' : useTimeline.getState().snap, useProject.getState().project);
        const bpm = change.bpm - dy * bpmPerPixel(range) * (move.shiftKey ? 0.1 : 1);
        return (p) => moveTempoChange(p, index, beat, bpm);
      },
      release: (moved) => (moved ? moveTempoChangeLabel() : null),
    });
  };

  const onHandleKey = (event: KeyboardEvent<HTMLDivElement>, index: number, change: TempoChange) => {
    const step = event.shiftKey ? 0.1 : 1;
    const run = (label: string, recipe: Parameters<typeof edit>[1]) => {
      event.preventDefault();
      event.stopPropagation();
      edit(label, recipe);
    };
    if (event.key === 'Delete' || event.key === 'Backspace') run(deleteTempoChangeLabel(), (p) => deleteTempoChange(p, index));
    else if (event.key === 'r' || event.key === 'R') run(tempoRampLabel(!change.ramp), (p) => setTempoRamp(p, index, !change.ramp));
    else if (event.key === 'ArrowUp') run(moveTempoChangeLabel(), (p) => moveTempoChange(p, index, change.beat, change.bpm + step));
    else if (event.key === 'ArrowDown') run(moveTempoChangeLabel(), (p) => moveTempoChange(p, index, change.beat, change.bpm - step));
  };

  return (
    <div
      className="tempo-lane"
      role="group"
      aria-label="Tempo lane"
      title={`Tempo: ${formatBpm(tempo)} BPM at the start. Double-click to add a tempo change (Alt: no snap); right-click to add a time signature change`}
      onDoubleClick={onDoubleClick}
      onContextMenu={(event) => openRulerMenu(event, (event.clientX - event.currentTarget.getBoundingClientRect().left) / pixelsPerBeat)}
    >
      <svg className="tempo-curve" width={laneBeats * pixelsPerBeat} height="100%" aria-hidden="true">
        <polyline points={tempoCurvePoints(tempo, changes, laneBeats, pixelsPerBeat)} />
      </svg>
      {changes.map((change, index) => (
        <div
          key={`${index}-${change.beat}`}
          className={`tempo-point ${change.ramp ? 'is-ramp' : ''}`}
          style={{ left: change.beat * pixelsPerBeat, top: bpmToY(change.bpm, range) }}
          role="button"
          tabIndex={0}
          aria-label={`Tempo change: ${describeChange(change)}`}
          title={`${describeChange(change)}. Drag to move (Shift: fine, Alt: no snap), double-click or R: ${change.ramp ? 'jump' : 'ramp'}, Delete to remove`}
          onPointerDown={(event) => onHandleDown(event, index, change)}
          onDoubleClick={(event) => {
            event.stopPropagation();
            edit(tempoRampLabel(!change.ramp), (p) => setTempoRamp(p, index, !change.ramp));
          }}
          onKeyDown={(event) => onHandleKey(event, index, change)}
        >
          <span className="tempo-point-label">{formatBpm(change.bpm)}</span>
        </div>
      ))}
    </div>
  );
}
