/**
 * How the step sequencer sees a pattern: rows of pitches (a drum pad each) and steps of one
 * division. Notes are the truth; a row's cells are read from the notes that start exactly on its
 * steps, and writing a row writes its cycle out in full over the pattern's length (a polymeter
 * row of 3 steps in a 16-step pattern becomes notes on steps 0, 3, 6, …).
 */
import { defaultSwingDivision, stepDivisionBeats } from '../../devices/instruments/note-grid';
import { beats, type Beats } from '../../std/units';
import {
  clampNumber,
  patternLimits,
  positionEpsilon,
  withNotes,
  type PatternContent,
  type PatternNote,
  type StepDivision,
} from './pattern-shape';

/** What one step holds when it is on. */
export interface StepCell {
  readonly velocity: number;
  readonly probability: number;
  readonly ratchet: number;
  /** The note's length; a new step lasts one step. */
  readonly length: Beats;
}

/** The length of one step in beats. */
export function stepBeats(division: StepDivision): Beats {
  return beats(stepDivisionBeats[division]);
}

/** The division the grid shows: the pattern's own, else the format's default (1/16). */
export function divisionOf(pattern: PatternContent): StepDivision {
  return pattern.stepGrid?.division ?? defaultSwingDivision;
}

/** How many whole steps fit the pattern (at least 1). */
export function stepCount(pattern: PatternContent): number {
  return Math.max(1, Math.floor(pattern.length / stepBeats(divisionOf(pattern)) + positionEpsilon));
}

/** A row's cycle in steps: its own (polymeter) or the pattern's step count. */
export function rowStepsOf(pattern: PatternContent, pitch: number): number {
  const own = pattern.stepGrid?.rowSteps[String(pitch)];
  return own === undefined ? stepCount(pattern) : Math.min(own, stepCount(pattern));
}

/** The step index a start lies exactly on, or null when it is between steps. */
export function stepAt(start: number, step: number): number | null {
  const index = Math.round(start / step);
  return Math.abs(index * step - start) <= positionEpsilon ? index : null;
}

/** The cells of a row over its cycle: a cell per step, null where no note starts. */
export function readRow(pattern: PatternContent, pitch: number): (StepCell | null)[] {
  const step = stepBeats(divisionOf(pattern));
  const cells: (StepCell | null)[] = new Array<StepCell | null>(rowStepsOf(pattern, pitch)).fill(null);
  for (const note of pattern.notes) {
    if (note.pitch !== pitch) continue;
    const index = stepAt(note.start, step);
    if (index === null || index >= cells.length || cells[index]) continue;
    cells[index] = cellOf(note);
  }
  return cells;
}

function cellOf(note: PatternNote): StepCell {
  return { velocity: note.velocity, probability: note.probability ?? 1, ratchet: note.ratchet ?? 1, length: beats(note.length) };
}

function noteOf(pitch: number, start: number, cell: StepCell): PatternNote {
  return {
    pitch,
    start: beats(start),
    length: cell.length,
    velocity: cell.velocity,
    ...(cell.probability < 1 ? { probability: clampNumber(cell.probability, 0, 1) } : {}),
    ...(cell.ratchet > 1 ? { ratchet: Math.round(clampNumber(cell.ratchet, 1, patternLimits.maxRatchet)) } : {}),
  };
}

/**
 * Writes a row's cycle out over the whole pattern. Notes of the pitch that start on a step are
 * replaced; notes of the pitch between steps (played in, or drawn off the grid) stay.
 */
export function writeRow<P extends PatternContent>(pattern: P, pitch: number, cells: readonly (StepCell | null)[]): P {
  const step = stepBeats(divisionOf(pattern));
  const count = stepCount(pattern);
  const kept = pattern.notes.filter((note) => note.pitch !== pitch || stepAt(note.start, step) === null);
  const written: PatternNote[] = [];
  if (cells.length > 0) {
    for (let index = 0; index < count; index++) {
      const cell = cells[index % cells.length];
      if (cell) written.push(noteOf(pitch, index * step, cell));
    }
  }
  return withNotes(pattern, [...kept, ...written]);
}

/** The pitches that have notes, lowest first (the rows a drum clip uses). */
export function usedPitches(pattern: PatternContent): number[] {
  return [...new Set(pattern.notes.map((note) => note.pitch))].sort((a, b) => a - b);
}
