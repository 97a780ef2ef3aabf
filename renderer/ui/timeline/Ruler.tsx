import type { PointerEvent } from 'react';
import { useRef } from 'react';
import { useProject } from '../../state/project-store';
import { useTimeline } from '../../state/timeline-store';
import { useTransport } from '../../state/transport-store';
import { formatClock } from '../format';
import { floorToGrid, gridBeats, snapBeats } from './snap';

/**
 * Bars and beats (with the time under each bar): click to move the playhead there, drag to set
 * the loop range. Alt bypasses the snap grid.
 */
export function Ruler({ bars }: { bars: number }) {
  const project = useProject((s) => s.project);
  const pixelsPerBeat = useTimeline((s) => s.pixelsPerBeat);
  const snap = useTimeline((s) => s.snap);
  const loop = useTransport((s) => s.loop);
  const looping = useTransport((s) => s.looping);
  const drag = useRef<{ from: number; moved: boolean } | null>(null);
  const beatsPerBar = project.timeSignature[0];
  const barWidth = beatsPerBar * pixelsPerBeat;
  // Label every bar while they are wide enough to read, else every 2nd, 4th, … bar.
  const labelEvery = 2 ** Math.max(0, Math.ceil(Math.log2(48 / barWidth)));

  const beatAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return Math.max(0, (event.clientX - rect.left) / pixelsPerBeat);
  };
  const grid = (event: PointerEvent) => (event.altKey ? null : gridBeats(snap, beatsPerBar));

  return (
    <div
      className="ruler"
      role="group"
      aria-label="Ruler"
      title="Click to move the playhead, drag to set the loop (Alt: no snap)"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { from: floorToGrid(beatAt(event), grid(event)), moved: false };
      }}
      onPointerMove={(event) => {
        const current = drag.current;
        if (!current) return;
        const to = snapBeats(beatAt(event), grid(event));
        if (Math.abs(to - current.from) * pixelsPerBeat < 4) return;
        current.moved = true;
        useTransport.getState().setLoopRange({ start: Math.min(current.from, to), end: Math.max(current.from, to) });
      }}
      onPointerUp={(event) => {
        const current = drag.current;
        drag.current = null;
        if (current && !current.moved) useTransport.getState().seekToBeat(snapBeats(beatAt(event), grid(event)));
      }}
    >
      {loop && (
        <div
          className={`ruler-loop ${looping ? 'is-on' : ''}`}
          style={{ left: loop.start * pixelsPerBeat, width: (loop.end - loop.start) * pixelsPerBeat }}
          aria-hidden="true"
        />
      )}
      {Array.from({ length: Math.ceil(bars / labelEvery) }, (_, i) => {
        const bar = i * labelEvery;
        return (
          <span key={bar} className="ruler-bar" style={{ left: bar * barWidth }} aria-hidden="true">
            {bar + 1}
            <small>{formatClock(((bar * beatsPerBar * 60) / project.tempo)).replace(/\.\d+$/, '')}</small>
          </span>
        );
      })}
    </div>
  );
}
