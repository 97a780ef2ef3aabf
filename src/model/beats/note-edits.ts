/**
 * The piano roll's edits on a pattern's notes: add, erase, move (time and pitch; transpose and
 * nudge are moves), resize, duplicate, velocity (set and ramp), copy/paste and fold to a scale.
 * Notes are addressed by index in the pattern's sorted notes; each edit returns the new pattern
 * and where the edited notes are now (the selection after it). Nothing changes → the same pattern.
 */
import { beats } from '../../std/units';
import { foldToScale, type ScaleChoice } from './scales';
import { clampNumber, clampVelocity, indicesOf, patternLimits, withNotes, type PatternContent, type PatternNote } from './pattern-shape';
import { pickNotes, replaceNotesAt, unchanged, type NoteEditResult } from './replace-notes';
import { maxOf, minOf } from '../../std/extremes';

export type { NoteEditResult } from './replace-notes';

/** Adds notes (clamped to the format; starts outside the pattern are dropped). */
export function addNotes<P extends PatternContent>(pattern: P, added: readonly PatternNote[]): NoteEditResult<P> {
  const fitting = added
    .filter((note) => note.start >= 0 && note.start < pattern.length && note.length > 0)
    .map((note) => ({
      ...note,
      pitch: Math.round(clampNumber(note.pitch, patternLimits.minPitch, patternLimits.maxPitch)),
      length: beats(Math.max(patternLimits.minNoteLength, note.length)),
      velocity: clampVelocity(note.velocity),
    }));
  if (fitting.length === 0) return unchanged(pattern, []);
  const next = withNotes(pattern, [...pattern.notes, ...fitting]);
  return { pattern: next, selected: indicesOf(next.notes, new Set(fitting)) };
}

export function deleteNotes<P extends PatternContent>(pattern: P, indices: readonly number[]): P {
  const chosen = pickNotes(pattern, indices);
  if (chosen.size === 0) return pattern;
  return { ...pattern, notes: pattern.notes.filter((_, index) => !chosen.has(index)) };
}

/**
 * Moves notes by Δbeats and Δsemitones as a group: the group stops at the pattern's edges and the
 * pitch range instead of squashing (the shapes between the notes stay). Transpose (±1, ±12) and
 * nudge are moves.
 */
export function moveNotes<P extends PatternContent>(pattern: P, indices: readonly number[], deltaBeats: number, deltaPitch: number): NoteEditResult<P> {
  const chosen = [...pickNotes(pattern, indices)].map((i) => pattern.notes[i]!);
  if (chosen.length === 0 || !Number.isFinite(deltaBeats) || !Number.isFinite(deltaPitch)) return unchanged(pattern, indices);
  const starts = chosen.map((n) => n.start);
  const pitches = chosen.map((n) => n.pitch);
  const db = clampNumber(deltaBeats, -minOf(starts), pattern.length - maxOf(starts) - patternLimits.minNoteLength / 2);
  const dp = Math.round(clampNumber(deltaPitch, patternLimits.minPitch - minOf(pitches), patternLimits.maxPitch - maxOf(pitches)));
  return replaceNotesAt(pattern, indices, (note) => ({ ...note, start: beats(note.start + db), pitch: note.pitch + dp }));
}

/** Lengthens or shortens notes by Δbeats each (never below the shortest note). */
export function resizeNotes<P extends PatternContent>(pattern: P, indices: readonly number[], deltaBeats: number): NoteEditResult<P> {
  if (!Number.isFinite(deltaBeats)) return unchanged(pattern, indices);
  return replaceNotesAt(pattern, indices, (note) => ({ ...note, length: beats(Math.max(patternLimits.minNoteLength, note.length + deltaBeats)) }));
}

/** Sets every chosen note's velocity. */
export function setVelocities<P extends PatternContent>(pattern: P, indices: readonly number[], velocity: number): NoteEditResult<P> {
  if (!Number.isFinite(velocity)) return unchanged(pattern, indices);
  return replaceNotesAt(pattern, indices, (note) => ({ ...note, velocity: clampVelocity(velocity) }));
}

/**
 * A velocity ramp drawn across notes: each note's velocity is the line from (`fromBeat`, `from`)
 * to (`toBeat`, `to`) at its start (flat outside the line's span).
 */
export function rampVelocities<P extends PatternContent>(
  pattern: P,
  indices: readonly number[],
  ramp: { fromBeat: number; from: number; toBeat: number; to: number },
): NoteEditResult<P> {
  const span = ramp.toBeat - ramp.fromBeat;
  return replaceNotesAt(pattern, indices, (note) => {
    const t = span === 0 ? 1 : clampNumber((note.start - ramp.fromBeat) / span, 0, 1);
    return { ...note, velocity: clampVelocity(ramp.from + (ramp.to - ramp.from) * t) };
  });
}

/** The chosen notes as a clipboard: starts relative to the earliest. */
export function copyNotes(pattern: PatternContent, indices: readonly number[]): PatternNote[] {
  const chosen = [...pickNotes(pattern, indices)].map((i) => pattern.notes[i]!);
  if (chosen.length === 0) return [];
  const first = minOf(chosen.map((n) => n.start));
  return chosen.map((note) => ({ ...note, start: beats(note.start - first) }));
}

/** Puts a clipboard's notes down with its earliest at `at` (what falls past the end is dropped). */
export function pasteNotes<P extends PatternContent>(pattern: P, clipboard: readonly PatternNote[], at: number): NoteEditResult<P> {
  return addNotes(pattern, clipboard.map((note) => ({ ...note, start: beats(note.start + at) })));
}

/**
 * Copies the chosen notes right after themselves: the copy starts where the group's span ends,
 * rounded up to `grid` beats when given (so a one-beat riff lands on the next beat).
 */
export function duplicateNotes<P extends PatternContent>(pattern: P, indices: readonly number[], grid: number | null): NoteEditResult<P> {
  const clipboard = copyNotes(pattern, indices);
  if (clipboard.length === 0) return unchanged(pattern, []);
  const chosen = [...pickNotes(pattern, indices)].map((i) => pattern.notes[i]!);
  const first = minOf(chosen.map((n) => n.start));
  const end = maxOf(chosen.map((n) => n.start + n.length));
  const span = grid ? Math.ceil((end - first) / grid - 1e-9) * grid : end - first;
  return pasteNotes(pattern, clipboard, first + span);
}

/** Moves each chosen note to the nearest pitch of the scale. */
export function foldNotes<P extends PatternContent>(pattern: P, indices: readonly number[], choice: ScaleChoice): NoteEditResult<P> {
  return replaceNotesAt(pattern, indices, (note) => ({ ...note, pitch: foldToScale(note.pitch, choice) }));
}

/** Every index, for edits of the whole pattern. */
export function allNotes(pattern: PatternContent): number[] {
  return pattern.notes.map((_, index) => index);
}

/** The pattern's length in beats (within the format's limits); notes from the new end on go. */
export function setPatternLength<P extends PatternContent>(pattern: P, length: number): P {
  if (!Number.isFinite(length)) return pattern;
  const wanted = beats(clampNumber(length, patternLimits.minNoteLength, patternLimits.maxLength));
  if (wanted === pattern.length) return pattern;
  return { ...pattern, length: wanted, notes: pattern.notes.filter((note) => note.start < wanted) };
}
