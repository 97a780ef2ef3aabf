import { useRef, type CSSProperties, type PointerEvent } from 'react';
import { patternLimits, type PatternContent } from '../../../src/model/beats/pattern-shape';
import { readRow, stepCount, type StepCell } from '../../../src/model/beats/step-grid';
import { setStepValues } from '../../../src/model/beats/step-edits';
import type { PatternEditing } from './pattern-editing';

export type LaneKind = 'velocity' | 'probability' | 'ratchet';

const laneLabels: Record<LaneKind, string> = { velocity: 'Velocity', probability: 'Probability', ratchet: 'Ratchet' };

/** A lane's value of a cell, 0–1 of the lane's height. */
function heightOf(cell: StepCell, kind: LaneKind): number {
  if (kind === 'ratchet') return cell.ratchet / patternLimits.maxRatchet;
  return kind === 'velocity' ? cell.velocity : cell.probability;
}

/** What a height (0–1) sets. */
function valueOf(height: number, kind: LaneKind): number {
  return kind === 'ratchet' ? Math.max(1, Math.ceil(height * patternLimits.maxRatchet)) : height;
}

function valueText(cell: StepCell, kind: LaneKind): string {
  if (kind === 'ratchet') return `${cell.ratchet}×`;
  return kind === 'velocity' ? String(Math.round(cell.velocity * 127)) : `${Math.round(cell.probability * 100)} %`;
}

/**
 * The per-step lane of one row, under the grid: a bar per on step. Drag up and down to set a
 * value, across to draw it over several steps (one undo step per stroke; Escape puts it back).
 */
export function StepLane({ editing, pitch, kind, rowName }: { editing: PatternEditing; pitch: number; kind: LaneKind; rowName: string }) {
  const { pattern } = editing;
  const cells = readRow(pattern, pitch);
  const steps = stepCount(pattern);
  const drawn = useRef<Map<number, number> | null>(null);
  const recipe = (values: Map<number, number>) => (p: PatternContent) =>
    [...values].reduce((acc, [index, value]) => setStepValues(acc, pitch, index, { [kind]: value }), p);

  const at = (event: PointerEvent<HTMLDivElement>): { index: number; value: number } => {
    const box = event.currentTarget.getBoundingClientRect();
    const cellWidth = box.width / steps;
    const index = Math.min(steps - 1, Math.max(0, Math.floor((event.clientX - box.left) / cellWidth)));
    const height = Math.min(1, Math.max(0, 1 - (event.clientY - box.top) / box.height));
    return { index, value: valueOf(height, kind) };
  };
  const draw = (event: PointerEvent<HTMLDivElement>) => {
    const values = drawn.current;
    if (!values) return;
    const { index, value } = at(event);
    if (index >= cells.length || !cells[index]) return;
    values.set(index, value);
    editing.preview(recipe(values));
  };
  return (
    <div
      className="step-lane"
      style={{ '--steps': steps } as CSSProperties}
      role="group"
      aria-label={`${laneLabels[kind]} of ${rowName}`}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drawn.current = new Map();
        draw(event);
      }}
      onPointerMove={draw}
      onPointerUp={() => {
        const values = drawn.current;
        drawn.current = null;
        editing.end(values && values.size > 0 ? `Change ${laneLabels[kind]}` : null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && drawn.current) {
          drawn.current = null;
          editing.end(null);
        }
      }}
    >
      {Array.from({ length: steps }, (_, index) => {
        const cell = index < cells.length ? cells[index] : null;
        return (
          <div key={index} className="step-lane-cell" data-step={index}>
            {cell && (
              <div
                className="step-lane-bar"
                style={{ height: `${heightOf(cell, kind) * 100}%` }}
                role="meter"
                aria-label={`${laneLabels[kind]} step ${index + 1}`}
                aria-valuenow={kind === 'ratchet' ? cell.ratchet : heightOf(cell, kind)}
                aria-valuetext={valueText(cell, kind)}
                title={valueText(cell, kind)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
