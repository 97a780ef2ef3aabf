import type { MouseEvent } from 'react';
import { useRef } from 'react';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { useTransport } from '../../state/transport-store';
import { addMarkerLabel } from '../../../src/model/edits/labels';
import { addMarker } from '../../../src/model/edits/marker-edits';
import { beats } from '../../../src/std/units';
import { MarkerFlags } from './MarkerFlags';
import { openRulerMenu } from './meter-actions';
import { MeterFlags } from './MeterFlags';
import { snapToGrid, type SnapRounding } from '../../../src/model/snap';

/**
 * The ruler's pointer surface, loop range and markers (the arrangement canvas paints its bars and
 * times underneath): click to move the playhead there, drag to set the loop range, Shift-drag to
 * set the punch range (recording writes only inside it), double-click to add a marker, right-click
 * for the time signature menu. Alt bypasses the snap grid. Under the bar numbers, the meters' flags
 * and the markers have a row each, so a marker on a meter change's bar leaves its flag readable.
 */
export function Ruler() {
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const snap = useTimeline((s) => s.snap);
  // The song's loop range, or the one "Play selection" borrows while it plays.
  const borrowed = useTransport((s) => s.borrowedLoop);
  const songLoop = useProject((s) => s.project.loop);
  const loop = borrowed ?? songLoop ?? null;
  const looping = borrowed !== null || songLoop?.on === true;
  const punch = useProject((s) => s.project.punch) ?? null;
  const punching = punch?.on === true;
  const drag = useRef<{ from: number; moved: boolean; punch: boolean } | null>(null);

  const beatAt = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.max(0, (event.clientX - rect.left) / pixelsPerBeat);
  };
  const onGrid = (event: MouseEvent<HTMLDivElement>, rounding: SnapRounding = 'nearest') =>
    snapToGrid(beatAt(event), event.altKey ? 'off' : snap, useProject.getState().project, rounding);

  return (
    <div
      className="ruler"
      role="group"
      aria-label="Ruler"
      title="Click to move the playhead, drag to set the loop, Shift-drag to set the punch range, double-click to add a marker, right-click to add a time signature change (Alt: no snap)"
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { from: onGrid(event, 'floor'), moved: false, punch: event.shiftKey };
      }}
      onPointerMove={(event) => {
        const current = drag.current;
        if (!current) return;
        const to = onGrid(event);
        if (Math.abs(to - current.from) * pixelsPerBeat < 4) return;
        current.moved = true;
        const range = { start: Math.min(current.from, to), end: Math.max(current.from, to) };
        if (current.punch) useTransport.getState().setPunchRange(range);
        else useTransport.getState().setLoopRange(range);
      }}
      onPointerUp={(event) => {
        const current = drag.current;
        drag.current = null;
        if (current && !current.moved) useTransport.getState().seekToBeat(onGrid(event));
      }}
      onContextMenu={(event) => openRulerMenu(event, beatAt(event))}
      onDoubleClick={(event) => {
        const at = beats(onGrid(event));
        useProject.getState().edit(addMarkerLabel(), (p) => addMarker(p, at));
      }}
    >
      {loop && (
        <div
          className={`ruler-loop ${looping ? 'is-on' : ''}`}
          style={{ left: loop.start * pixelsPerBeat, width: (loop.end - loop.start) * pixelsPerBeat }}
          aria-hidden="true"
        />
      )}
      {punch && (
        <div
          className={`ruler-punch ${punching ? 'is-on' : ''}`}
          style={{ left: punch.start * pixelsPerBeat, width: (punch.end - punch.start) * pixelsPerBeat }}
          aria-hidden="true"
        />
      )}
      <MeterFlags pixelsPerBeat={pixelsPerBeat} />
      <MarkerFlags pixelsPerBeat={pixelsPerBeat} />
    </div>
  );
}
