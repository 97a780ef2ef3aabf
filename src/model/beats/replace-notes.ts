/** The shared step of note edits: change the notes at some indices, keep the order, report where they went. */
import { indicesOf, withNotes, type PatternContent, type PatternNote } from './pattern-shape';

export interface NoteEditResult<P extends PatternContent> {
  readonly pattern: P;
  /** Indices of the edited or created notes in the new pattern. */
  readonly selected: number[];
}

export function unchanged<P extends PatternContent>(pattern: P, selected: readonly number[]): NoteEditResult<P> {
  return { pattern, selected: [...selected] };
}

export function pickNotes(pattern: PatternContent, indices: readonly number[]): Set<number> {
  return new Set(indices.filter((i) => Number.isInteger(i) && i >= 0 && i < pattern.notes.length));
}

/** Replaces the notes at `indices` by `change(note)`; the results are the new selection. */
export function replaceNotesAt<P extends PatternContent>(
  pattern: P,
  indices: readonly number[],
  change: (note: PatternNote) => PatternNote,
): NoteEditResult<P> {
  const chosen = pickNotes(pattern, indices);
  if (chosen.size === 0) return unchanged(pattern, []);
  const changed = new Set<PatternNote>();
  let differs = false;
  const notes = pattern.notes.map((note, index) => {
    if (!chosen.has(index)) return note;
    const next = change(note);
    differs ||= next.pitch !== note.pitch || next.start !== note.start || next.length !== note.length || next.velocity !== note.velocity;
    changed.add(next);
    return next;
  });
  if (!differs) return unchanged(pattern, [...chosen]);
  const next = withNotes(pattern, notes);
  return { pattern: next, selected: indicesOf(next.notes, changed) };
}

