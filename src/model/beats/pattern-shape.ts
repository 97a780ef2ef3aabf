/**
 * The note content the beat editors change: a pattern's notes, length, swing and step grid, as
 * format v4 defines them (docs/project-format.md, "Pattern"). The editors' functions take and
 * return these shapes, so they work on `project.patterns[id]` and on any copy of it alike.
 */
import type { Beats } from '../../std/units';

/** A step length the step sequencer shows; `T` = triplet. */
export const stepDivisions = ['1/8', '1/8T', '1/16', '1/16T', '1/32'] as const;
export type StepDivision = (typeof stepDivisions)[number];

/** One note: pitch 0–127, start and length in beats from the pattern's start, velocity in (0, 1]. */
export interface PatternNote {
  readonly pitch: number;
  readonly start: Beats;
  readonly length: Beats;
  readonly velocity: number;
  /** 0–1; absent = 1 (always plays). */
  readonly probability?: number;
  /** 1–8 hits spread over the note; absent = 1. */
  readonly ratchet?: number;
}

export interface StepGrid {
  readonly division: StepDivision;
  /** A row's own cycle in steps (polymeter), by pitch as text; absent = the pattern's step count. */
  readonly rowSteps: Readonly<Record<string, number>>;
}

export interface PatternContent {
  readonly name: string;
  readonly length: Beats;
  readonly notes: readonly PatternNote[];
  /** 50–75 %; absent = the project's swing. */
  readonly swing?: number;
  readonly stepGrid?: StepGrid;
}

/** The format's limits, written once for the editors. */
export const patternLimits = {
  minPitch: 0,
  maxPitch: 127,
  maxLength: 1024,
  minSwing: 50,
  maxSwing: 75,
  minRatchet: 1,
  maxRatchet: 8,
  minRowSteps: 1,
  maxRowSteps: 64,
  /** The shortest note an edit makes (a 1/128 note). */
  minNoteLength: 1 / 32,
  /** The softest velocity an edit writes (the format excludes 0). */
  minVelocity: 1 / 127,
} as const;

/** Positions closer than this are the same position (the format's swing tolerance). */
export const positionEpsilon = 1e-9;

export function clampNumber(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function clampVelocity(velocity: number): number {
  return clampNumber(velocity, patternLimits.minVelocity, 1);
}

/** The format's order: by start, then pitch. Stable for equal notes. */
export function compareNotes(a: PatternNote, b: PatternNote): number {
  return a.start - b.start || a.pitch - b.pitch;
}

/** A copy of `content` with `notes` in the format's order (the input array is not changed). */
export function withNotes<P extends PatternContent>(content: P, notes: readonly PatternNote[]): P {
  return { ...content, notes: [...notes].sort(compareNotes) };
}

/** Where each of `picked` (objects of the new note list) sits after sorting: the new selection. */
export function indicesOf(notes: readonly PatternNote[], picked: ReadonlySet<PatternNote>): number[] {
  const found: number[] = [];
  notes.forEach((note, index) => {
    if (picked.has(note)) found.push(index);
  });
  return found;
}
