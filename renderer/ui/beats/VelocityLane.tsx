import { useRef, useState, type PointerEvent } from 'react';
import { rampVelocities, setVelocities } from '../../../src/model/beats/note-edits';
import type { PatternContent } from '../../../src/model/beats/pattern-shape';
import type { PatternEditing } from './pattern-editing';
import { beatAt, beatX, type RollView } from './piano-roll-geometry';

const laneHeight = 72;
/** A press this close (px) to a note's stem drags that note's velocity. */
const stemReachPx = 5;

type LaneDrag = { kind: 'set'; indices: number[] } | { kind: 'ramp'; indices: number[]; fromBeat: number; from: number };

/**
 * The piano roll's velocity lane: a stem per note. Drag a stem up or down (the selection moves
 * with it when the note is selected); drag anywhere else to draw a ramp across the notes under
 * the line (the selected ones, when there is a selection). One undo step per drag.
 */
export function VelocityLane({ editing, view, selected }: { editing: PatternEditing; view: RollView; selected: readonly number[] }) {
  const { pattern } = editing;
  const drag = useRef<LaneDrag | null>(null);
  const [line, setLine] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  const valueAt = (y: number) => Math.min(1, Math.max(0, 1 - y / laneHeight));
  const local = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };
  const inRamp = (p: PatternContent, from: number, to: number) => {
    const [low, high] = from < to ? [from, to] : [to, from];
    const pool = selected.length > 0 ? selected : p.notes.map((_, i) => i);
    return pool.filter((i) => {
      const note = p.notes[i];
      return note !== undefined && note.start >= low && note.start <= high;
    });
  };

  return (
    <div
      className="velocity-lane"
      style={{ width: beatX(pattern.length, view), height: laneHeight }}
      role="group"
      aria-label="Velocity"
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        const { x, y } = local(event);
        const stem = pattern.notes.findIndex((note) => Math.abs(beatX(note.start, view) - x) <= stemReachPx);
        if (stem >= 0) {
          const indices = selected.includes(stem) ? [...selected] : [stem];
          drag.current = { kind: 'set', indices };
          editing.preview((p) => setVelocities(p, indices, valueAt(y)).pattern);
        } else {
          drag.current = { kind: 'ramp', indices: [], fromBeat: beatAt(x, view), from: valueAt(y) };
          setLine({ x0: x, y0: y, x1: x, y1: y });
        }
      }}
      onPointerMove={(event) => {
        const current = drag.current;
        if (!current) return;
        const { x, y } = local(event);
        if (current.kind === 'set') {
          editing.preview((p) => setVelocities(p, current.indices, valueAt(y)).pattern);
          return;
        }
        setLine((l) => (l ? { ...l, x1: x, y1: y } : l));
        const toBeat = beatAt(x, view);
        editing.preview((p) => {
          current.indices = inRamp(p, current.fromBeat, toBeat);
          return rampVelocities(p, current.indices, { fromBeat: current.fromBeat, from: current.from, toBeat, to: valueAt(y) }).pattern;
        });
      }}
      onPointerUp={() => {
        const current = drag.current;
        drag.current = null;
        setLine(null);
        if (!current) return;
        editing.end(current.indices.length > 0 ? 'Change Velocity' : null);
      }}
    >
      {pattern.notes.map((note, index) => (
        <div
          key={index}
          className={`velocity-stem${selected.includes(index) ? ' selected' : ''}`}
          style={{ left: beatX(note.start, view), height: `${note.velocity * 100}%` }}
          title={`Velocity ${Math.round(note.velocity * 127)}`}
        />
      ))}
      {line && (
        <svg className="velocity-ramp" aria-hidden>
          <line x1={line.x0} y1={line.y0} x2={line.x1} y2={line.y1} />
        </svg>
      )}
    </div>
  );
}
