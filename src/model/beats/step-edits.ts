/**
 * The step sequencer's edits on a pattern: toggle and paint steps, per-step velocity,
 * probability and ratchets, a row's own step count (polymeter), shift, randomise and clear a row,
 * the pattern's step count, division and swing. Each returns a new pattern (the input is never
 * changed) or the same object when nothing changes, so no empty undo step is recorded.
 */
import { seededRandom } from '../../std/seeded-random';
import { beats } from '../../std/units';
import { clampNumber, clampVelocity, patternLimits, withNotes, type PatternContent, type StepDivision } from './pattern-shape';
import { divisionOf, readRow, stepBeats, stepCount, writeRow, type StepCell } from './step-grid';

/** The velocity of a step switched on by a click (FL Studio's and Ableton's default of 100/127). */
export const defaultStepVelocity = 100 / 127;

function newCell<P extends PatternContent>(pattern: P, velocity: number): StepCell {
  return { velocity: clampVelocity(velocity), probability: 1, ratchet: 1, length: stepBeats(divisionOf(pattern)) };
}

/** Sets one step on (with `velocity` when it was off) or off. Steps past the row's cycle are ignored. */
export function setStep<P extends PatternContent>(pattern: P, pitch: number, step: number, on: boolean, velocity = defaultStepVelocity): P {
  const cells = readRow(pattern, pitch);
  if (step < 0 || step >= cells.length || Boolean(cells[step]) === on) return pattern;
  cells[step] = on ? newCell(pattern, velocity) : null;
  return writeRow(pattern, pitch, cells);
}

/** A click: the step flips. */
export function toggleStep<P extends PatternContent>(pattern: P, pitch: number, step: number): P {
  return setStep(pattern, pitch, step, !readRow(pattern, pitch)[step]);
}

export interface StepValues {
  readonly velocity?: number;
  readonly probability?: number;
  readonly ratchet?: number;
}

/** Changes what an on step holds (clamped to the format); an off step is left off. */
export function setStepValues<P extends PatternContent>(pattern: P, pitch: number, step: number, values: StepValues): P {
  const cells = readRow(pattern, pitch);
  const cell = cells[step];
  if (!cell) return pattern;
  const next: StepCell = {
    ...cell,
    velocity: values.velocity === undefined ? cell.velocity : clampVelocity(values.velocity),
    probability: values.probability === undefined ? cell.probability : clampNumber(values.probability, 0, 1),
    ratchet: values.ratchet === undefined ? cell.ratchet : Math.round(clampNumber(values.ratchet, 1, patternLimits.maxRatchet)),
  };
  if (next.velocity === cell.velocity && next.probability === cell.probability && next.ratchet === cell.ratchet) return pattern;
  cells[step] = next;
  return writeRow(pattern, pitch, cells);
}

function withRowSteps<P extends PatternContent>(pattern: P, pitch: number, steps: number | null): P {
  const rowSteps = { ...(pattern.stepGrid?.rowSteps ?? {}) };
  if (steps === null) delete rowSteps[String(pitch)];
  else rowSteps[String(pitch)] = steps;
  return { ...pattern, stepGrid: { division: divisionOf(pattern), rowSteps } };
}

/**
 * A row's own cycle (polymeter): the first `steps` cells repeat over the pattern. Growing a row
 * adds empty steps. The pattern's full step count removes the row's own cycle.
 */
export function setRowSteps<P extends PatternContent>(pattern: P, pitch: number, steps: number): P {
  if (!Number.isFinite(steps)) return pattern;
  const count = stepCount(pattern);
  const wanted = Math.round(clampNumber(steps, patternLimits.minRowSteps, Math.min(patternLimits.maxRowSteps, count)));
  const own = wanted === count ? null : wanted;
  if (own === (pattern.stepGrid?.rowSteps[String(pitch)] ?? null)) return pattern;
  const cells = readRow(pattern, pitch);
  const resized = Array.from({ length: wanted }, (_, index) => cells[index] ?? null);
  return writeRow(withRowSteps(pattern, pitch, own), pitch, resized);
}

/** Rotates a row's cycle by one step: −1 = left (step 1 becomes step 0), +1 = right. */
export function shiftRow<P extends PatternContent>(pattern: P, pitch: number, direction: -1 | 1): P {
  const cells = readRow(pattern, pitch);
  if (cells.every((cell) => cell === null)) return pattern;
  const n = cells.length;
  const shifted = cells.map((_, index) => cells[(((index - direction) % n) + n) % n] ?? null);
  return writeRow(pattern, pitch, shifted);
}

/**
 * Fills a row at random, repeatably: the same seed gives the same row. About `density` (0–1) of
 * the steps are on, with velocities between 60 % and 100 % of full so the row breathes.
 */
export function randomiseRow<P extends PatternContent>(pattern: P, pitch: number, seed: number, density = 0.4): P {
  const random = seededRandom(seed);
  const cells = readRow(pattern, pitch).map((): StepCell | null => {
    const on = random.next() < clampNumber(density, 0, 1);
    const velocity = 0.6 + 0.4 * random.next();
    return on ? newCell(pattern, velocity) : null;
  });
  return writeRow(pattern, pitch, cells);
}

/** Removes every note of the row, on the grid or not. */
export function clearRow<P extends PatternContent>(pattern: P, pitch: number): P {
  const notes = pattern.notes.filter((note) => note.pitch !== pitch);
  return notes.length === pattern.notes.length ? pattern : { ...pattern, notes };
}

/**
 * The pattern's length as a number of steps (1–64: 1–4 bars of 1/16). Notes from the new end on
 * go; rows with their own cycle are written out again over the new length.
 */
export function setStepCount<P extends PatternContent>(pattern: P, steps: number): P {
  if (!Number.isFinite(steps)) return pattern;
  const wanted = Math.round(clampNumber(steps, 1, patternLimits.maxRowSteps));
  const length = beats(wanted * stepBeats(divisionOf(pattern)));
  if (length === pattern.length) return pattern;
  const rowSteps = Object.fromEntries(Object.entries(pattern.stepGrid?.rowSteps ?? {}).filter(([, n]) => n < wanted));
  const cycles = Object.keys(rowSteps).map((pitch) => [Number(pitch), readRow(pattern, Number(pitch))] as const);
  let resized: P = withNotes(
    { ...pattern, length, stepGrid: { division: divisionOf(pattern), rowSteps } },
    pattern.notes.filter((note) => note.start < length),
  );
  for (const [pitch, cells] of cycles) resized = writeRow(resized, pitch, cells);
  return resized;
}

/**
 * Shows the pattern in another division. The notes stay where they are (they are the truth); the
 * length becomes a whole number of the new steps, and rows' own cycles are dropped.
 */
export function setDivision<P extends PatternContent>(pattern: P, division: StepDivision): P {
  if (pattern.stepGrid?.division === division) return pattern;
  const step = stepBeats(division);
  const steps = Math.round(clampNumber(Math.round(pattern.length / step), 1, patternLimits.maxRowSteps));
  const length = beats(steps * step);
  return withNotes({ ...pattern, length, stepGrid: { division, rowSteps: {} } }, pattern.notes.filter((note) => note.start < length));
}

/** The pattern's own swing (50–75 %), or null for the project's. */
export function setPatternSwing<P extends PatternContent>(pattern: P, swing: number | null): P {
  if (swing === null) {
    if (pattern.swing === undefined) return pattern;
    const { swing: _dropped, ...rest } = pattern;
    return rest as P;
  }
  if (!Number.isFinite(swing)) return pattern;
  const value = clampNumber(swing, patternLimits.minSwing, patternLimits.maxSwing);
  return value === pattern.swing ? pattern : { ...pattern, swing: value };
}
