/**
 * The note content the beat editors change: a pattern's notes, length, swing and step grid, as
 * format v4 defines them (docs/project-format.md, "Pattern"; src/model/note-schema.ts). The
 * editors' functions take and return these shapes, and the limits they clamp to come from there.
 */
import { maxSwing, minSwing, swingTolerance } from '../../devices/instruments/note-grid';
import { maxPatternBeats } from '../note-schema';
import type { Note, Pattern } from '../project-schema';

export { stepDivisions, type StepDivision } from '../../devices/instruments/note-grid';
export type { StepGrid } from '../project-schema';

/** One note: pitch 0–127, start and length in beats from the pattern's start, velocity in (0, 1]. */
export type PatternNote = Note;
/** A pattern as the format holds it (`project.patterns[id]`). */
export type PatternContent = Pattern;

/** The format's limits, written once for the editors. */
export const patternLimits = {
  minPitch: 0,
  maxPitch: 127,
  maxLength: maxPatternBeats,
  minSwing,
  maxSwing,
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
export const positionEpsilon = swingTolerance;

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
