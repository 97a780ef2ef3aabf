import { beats } from '../../../../src/std/units';
import type { PatternContent, PatternNote, StepDivision } from '../../../../src/model/beats/pattern-shape';

/** A pattern of `length` beats shown at `division`, with the given notes (sorted as the format keeps them). */
export function pattern(length: number, division: StepDivision = '1/16', notes: PatternNote[] = []): PatternContent {
  return {
    name: 'Beat',
    length: beats(length),
    notes: [...notes].sort((a, b) => a.start - b.start || a.pitch - b.pitch),
    stepGrid: { division, rowSteps: {} },
  };
}

export function note(pitch: number, start: number, length = 0.25, velocity = 0.8): PatternNote {
  return { pitch, start: beats(start), length: beats(length), velocity };
}

/** The starts of a pitch's notes. */
export function startsOf(p: PatternContent, pitch: number): number[] {
  return p.notes.filter((n) => n.pitch === pitch).map((n) => n.start);
}
