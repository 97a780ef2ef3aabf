import { useRef, useState, type CSSProperties } from 'react';
import { stepDivisions, type PatternContent, type StepDivision } from '../../../src/model/beats/pattern-shape';
import { divisionOf, readRow, rowStepsOf, stepBeats, stepCount, type StepCell } from '../../../src/model/beats/step-grid';
import {
  clearRow,
  randomiseRow,
  setDivision,
  setPatternSwing,
  setRowSteps,
  setStep,
  setStepCount,
  shiftRow,
} from '../../../src/model/beats/step-edits';
import { NumberField } from './NumberField';
import type { PatternEditing } from './pattern-editing';
import { StepLane, type LaneKind } from './StepLane';
import { usePatternPlayhead } from './use-pattern-playhead';
import { useStroke } from './use-stroke';
import './beats.css';

/** A row of the grid: a drum pad (or any pitch) by name. */
export interface StepRow {
  readonly pitch: number;
  readonly name: string;
}

export interface StepSequencerProps {
  readonly editing: PatternEditing;
  readonly rows: readonly StepRow[];
  /** The project's swing, shown when the pattern has none of its own. */
  readonly projectSwing: number;
  /** The pattern position (beats) at a playhead position (timeline beats), or null outside the clip. */
  readonly playheadBeat: (timelineBeat: number) => number | null;
  /** Plays a row's sound once. */
  readonly audition: (pitch: number) => void;
}

const divisionLabels: Record<StepDivision, string> = { '1/8': '1/8', '1/8T': '1/8 triplet', '1/16': '1/16', '1/16T': '1/16 triplet', '1/32': '1/32' };
const barChoices = [1, 2, 3, 4];

/**
 * The step sequencer (FL Studio's channel rack): pads × steps. A click toggles a step, a drag
 * paints the same value along the row, each stroke one undo step. Each row has its own step count
 * (polymeter), shift, randomise and clear; the lane under the grid edits the chosen row's
 * velocity, probability or ratchets. The column under the playhead lights while playing.
 */
export function StepSequencer({ editing, rows, projectSwing, playheadBeat, audition }: StepSequencerProps) {
  const { pattern } = editing;
  const [focusRow, setFocusRow] = useState<number>(rows[0]?.pitch ?? 36);
  const [lane, setLane] = useState<LaneKind>('velocity');
  const [follow, setFollow] = useState(true);
  const steps = stepCount(pattern);
  const step = stepBeats(divisionOf(pattern));
  const scroller = useRef<HTMLDivElement>(null);
  const column = useRef<HTMLDivElement>(null);
  usePatternPlayhead(playheadBeat, (beat) => {
    const el = column.current;
    if (!el) return;
    const index = beat === null ? null : Math.floor(beat / step + 1e-9);
    el.style.visibility = index === null || index >= steps ? 'hidden' : 'visible';
    if (index === null) return;
    el.style.setProperty('--play-step', String(index));
    const view = scroller.current;
    if (view && follow) {
      const x = el.offsetLeft;
      if (x < view.scrollLeft || x > view.scrollLeft + view.clientWidth - 40) view.scrollLeft = Math.max(0, x - 120);
    }
  });

  const paint = useRef<{ pitch: number; on: boolean; steps: Set<number> } | null>(null);
  const paintRecipe = (target: { pitch: number; on: boolean; steps: Set<number> }) => (p: PatternContent) =>
    [...target.steps].reduce((acc, index) => setStep(acc, target.pitch, index, target.on), p);
  const stroke = useStroke<{ pitch: number; index: number }>({
    begin({ pitch, index }) {
      const on = !readRow(pattern, pitch)[index];
      paint.current = { pitch, on, steps: new Set([index]) };
      setFocusRow(pitch);
      if (on) audition(pitch);
      editing.preview(paintRecipe(paint.current));
    },
    extend({ pitch, index }) {
      const current = paint.current;
      if (!current || current.pitch !== pitch || current.steps.has(index)) return;
      current.steps.add(index);
      editing.preview(paintRecipe(current));
    },
    finish() {
      const current = paint.current;
      paint.current = null;
      if (!current) return;
      const count = current.steps.size;
      editing.end(current.on ? (count === 1 ? 'Add Step' : `Add ${count} Steps`) : count === 1 ? 'Remove Step' : `Remove ${count} Steps`);
    },
    cancel() {
      paint.current = null;
      editing.end(null);
    },
  });

  const swing = pattern.swing ?? projectSwing;
  const grid = { '--steps': steps } as CSSProperties;
  return (
    <div className="step-sequencer" aria-label="Step sequencer">
      <div className="beats-toolbar">
        <label>
          Steps
          <NumberField label="Steps in the pattern" value={steps} min={1} max={64} onSet={(n) => editing.commit('Change Pattern Length', (p) => setStepCount(p, n))} />
        </label>
        <span className="beats-choice" role="group" aria-label="Bars">
          {barChoices.map((bars) => {
            const wanted = Math.round((bars * 4) / step);
            return (
              <button
                key={bars}
                type="button"
                aria-pressed={steps === wanted}
                disabled={wanted > 64}
                title={wanted > 64 ? `${bars} bars of ${divisionLabels[divisionOf(pattern)]} need ${wanted} steps (at most 64)` : undefined}
                onClick={() => editing.commit('Change Pattern Length', (p) => setStepCount(p, wanted))}
              >
                {bars} bar{bars > 1 ? 's' : ''}
              </button>
            );
          })}
        </span>
        <label>
          Step
          <select value={divisionOf(pattern)} aria-label="Step length" onChange={(e) => editing.commit('Change Step Length', (p) => setDivision(p, e.target.value as StepDivision))}>
            {stepDivisions.map((d) => (
              <option key={d} value={d}>
                {divisionLabels[d]}
              </option>
            ))}
          </select>
        </label>
        <label title={pattern.swing === undefined ? `The project's swing (${projectSwing} %)` : "This pattern's own swing"}>
          Swing
          <input
            type="range"
            min={50}
            max={75}
            step={1}
            value={swing}
            aria-label="Swing"
            aria-valuetext={`${swing} %`}
            onChange={(e) => editing.commit('Change Swing', (p) => setPatternSwing(p, Number(e.target.value)))}
          />
          <output>{Math.round(swing)} %</output>
        </label>
        {pattern.swing !== undefined && (
          <button type="button" onClick={() => editing.commit('Use Project Swing', (p) => setPatternSwing(p, null))}>
            Project swing
          </button>
        )}
        <span className="beats-spacer" />
        <label>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
      </div>
      <div className="step-scroller" ref={scroller}>
        <div className="step-grid" style={grid} role="grid" aria-label="Steps" aria-rowcount={rows.length} aria-colcount={steps}>
          <div className="step-playhead" ref={column} aria-hidden />
          {rows.map((row) => (
            <StepRowView
              key={row.pitch}
              row={row}
              pattern={pattern}
              focused={row.pitch === focusRow}
              onFocusRow={() => setFocusRow(row.pitch)}
              audition={audition}
              editing={editing}
              stroke={stroke}
            />
          ))}
          <div className="step-row step-lane-row">
            <div className="step-row-head">
              <span className="step-row-name">{rows.find((r) => r.pitch === focusRow)?.name ?? ''}</span>
              <select value={lane} aria-label="Lane" onChange={(e) => setLane(e.target.value as LaneKind)}>
                <option value="velocity">Velocity</option>
                <option value="probability">Probability</option>
                <option value="ratchet">Ratchet</option>
              </select>
            </div>
            <StepLane editing={editing} pitch={focusRow} kind={lane} rowName={rows.find((r) => r.pitch === focusRow)?.name ?? ''} />
          </div>
        </div>
      </div>
    </div>
  );
}

interface RowProps {
  readonly row: StepRow;
  readonly pattern: PatternContent;
  readonly focused: boolean;
  readonly onFocusRow: () => void;
  readonly audition: (pitch: number) => void;
  readonly editing: PatternEditing;
  readonly stroke: ReturnType<typeof useStroke<{ pitch: number; index: number }>>;
}

function StepRowView({ row, pattern, focused, onFocusRow, audition, editing, stroke }: RowProps) {
  const cells = readRow(pattern, row.pitch);
  const cycle = rowStepsOf(pattern, row.pitch);
  const steps = stepCount(pattern);
  const stepsPerBeat = Math.max(1, Math.round(1 / stepBeats(divisionOf(pattern))));
  const rowEdit = (label: string, recipe: (p: PatternContent) => PatternContent) => {
    onFocusRow();
    editing.commit(label, recipe);
  };
  return (
    <div className={`step-row${focused ? ' focused' : ''}`} role="row" aria-label={row.name}>
      <div className="step-row-head" role="rowheader">
        <button type="button" className="step-row-name" title={`Play ${row.name}`} onClick={() => (onFocusRow(), audition(row.pitch))}>
          {row.name}
        </button>
        <NumberField
          className="step-row-steps"
          label={`${row.name} steps`}
          value={cycle}
          min={1}
          max={steps}
          title="This row's own step count (polymeter)"
          onSet={(n) => rowEdit('Change Row Steps', (p) => setRowSteps(p, row.pitch, n))}
        />
        <button type="button" aria-label={`Shift ${row.name} left`} title="Shift left" onClick={() => rowEdit('Shift Row', (p) => shiftRow(p, row.pitch, -1))}>
          ‹
        </button>
        <button type="button" aria-label={`Shift ${row.name} right`} title="Shift right" onClick={() => rowEdit('Shift Row', (p) => shiftRow(p, row.pitch, 1))}>
          ›
        </button>
        <button
          type="button"
          aria-label={`Randomise ${row.name}`}
          title="Randomise"
          onClick={() => rowEdit('Randomise Row', (p) => randomiseRow(p, row.pitch, (Date.now() ^ (row.pitch << 16)) >>> 0))}
        >
          ⚄
        </button>
        <button type="button" aria-label={`Clear ${row.name}`} title="Clear" onClick={() => rowEdit('Clear Row', (p) => clearRow(p, row.pitch))}>
          ×
        </button>
      </div>
      {Array.from({ length: steps }, (_, index) => {
        const own = index < cycle;
        const cell = cells[index % cycle] ?? null;
        return (
          <button
            key={index}
            type="button"
            role="gridcell"
            className={stepClass(cell, own, index, stepsPerBeat)}
            style={cellStyle(cell)}
            aria-pressed={own ? Boolean(cell) : undefined}
            aria-disabled={!own || undefined}
            aria-label={`${row.name} step ${index + 1}`}
            data-step={index}
            tabIndex={own ? 0 : -1}
            onPointerDown={(e) => own && stroke.down({ pitch: row.pitch, index }, e)}
            onPointerEnter={(e) => own && stroke.enter({ pitch: row.pitch, index }, e)}
            onKeyDown={(e) => {
              if (!own || (e.key !== 'Enter' && e.key !== ' ')) return;
              e.preventDefault();
              const on = !cell;
              if (on) audition(row.pitch);
              editing.commit(on ? 'Add Step' : 'Remove Step', (p) => setStep(p, row.pitch, index, on));
            }}
          >
            {cell && cell.ratchet > 1 ? <span className="step-ratchet">{cell.ratchet}</span> : null}
          </button>
        );
      })}
    </div>
  );
}

/** Every other beat's steps are shaded, so beats read at a glance; a chance below 100 % shows as a dashed edge. */
function stepClass(cell: StepCell | null, own: boolean, index: number, stepsPerBeat: number): string {
  const classes = ['step'];
  if (Math.floor(index / stepsPerBeat) % 2 === 1) classes.push('off-beat');
  if (cell) classes.push('on');
  if (cell && cell.probability < 1) classes.push('chance');
  if (!own) classes.push('echo');
  return classes.join(' ');
}

/** An on step's fill shows its velocity. */
function cellStyle(cell: StepCell | null): CSSProperties | undefined {
  return cell ? ({ '--velocity': cell.velocity } as CSSProperties) : undefined;
}
