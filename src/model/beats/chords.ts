/** Chord stamps for the piano roll: one click writes every note of the chord on its root. */
import { beats } from '../../std/units';
import { clampVelocity, indicesOf, patternLimits, withNotes, type PatternContent, type PatternNote } from './pattern-shape';

export const chords = {
  maj: { label: 'Major', intervals: [0, 4, 7] },
  min: { label: 'Minor', intervals: [0, 3, 7] },
  dim: { label: 'Diminished', intervals: [0, 3, 6] },
  aug: { label: 'Augmented', intervals: [0, 4, 8] },
  sus2: { label: 'Sus2', intervals: [0, 2, 7] },
  sus4: { label: 'Sus4', intervals: [0, 5, 7] },
  maj7: { label: 'Major 7th', intervals: [0, 4, 7, 11] },
  min7: { label: 'Minor 7th', intervals: [0, 3, 7, 10] },
  dom7: { label: 'Dominant 7th', intervals: [0, 4, 7, 10] },
  min7b5: { label: 'Half-diminished 7th', intervals: [0, 3, 6, 10] },
  dim7: { label: 'Diminished 7th', intervals: [0, 3, 6, 9] },
} as const satisfies Record<string, { label: string; intervals: readonly number[] }>;
export type ChordName = keyof typeof chords;
export const chordNames = Object.keys(chords) as ChordName[];

export interface ChordStamp {
  readonly chord: ChordName;
  readonly root: number;
  readonly start: number;
  readonly length: number;
  readonly velocity: number;
}

/**
 * Adds the chord's notes; pitches above 127 and notes already there (same pitch and start) are
 * skipped. Returns the pattern and the indices of the stamped notes (the new selection).
 */
export function stampChord<P extends PatternContent>(pattern: P, stamp: ChordStamp): { pattern: P; stamped: number[] } {
  if (stamp.start < 0 || stamp.start >= pattern.length || !(stamp.length > 0)) return { pattern, stamped: [] };
  const taken = new Set(pattern.notes.filter((n) => Math.abs(n.start - stamp.start) < 1e-9).map((n) => n.pitch));
  const added: PatternNote[] = chords[stamp.chord].intervals
    .map((interval) => stamp.root + interval)
    .filter((pitch) => pitch >= patternLimits.minPitch && pitch <= patternLimits.maxPitch && !taken.has(pitch))
    .map((pitch) => ({ pitch, start: beats(stamp.start), length: beats(stamp.length), velocity: clampVelocity(stamp.velocity) }));
  if (added.length === 0) return { pattern, stamped: [] };
  const next = withNotes(pattern, [...pattern.notes, ...added]);
  return { pattern: next, stamped: indicesOf(next.notes, new Set(added)) };
}
