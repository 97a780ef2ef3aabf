/**
 * Notes in the project (format v4): patterns hold the notes, note clips place a pattern on an
 * instrument track (linked copies share one pattern). Positions and lengths in beats.
 */
import { z } from 'zod';
import { maxSwing, minSwing, stepDivisions } from '../devices/instruments/note-grid';
import { TakeSchema } from './recording-schema';
import { checkSorted, finite, id, name, nonNegative } from './schema-parts';

/** The longest pattern, in beats: 256 bars of 4/4. */
export const maxPatternBeats = 1024;

export const swing = finite.min(minSwing).max(maxSwing);

export const NoteSchema = z.strictObject({
  /** MIDI note number: 60 = C4, 69 = A4. */
  pitch: z.number().int().min(0).max(127),
  /** From the pattern's start, in beats; before the pattern's end. */
  start: nonNegative,
  length: finite.positive(),
  /** 0 < velocity ≤ 1. */
  velocity: finite.positive().max(1),
  /** The chance the note plays on a pass, 0–1; absent = always. */
  probability: finite.min(0).max(1).optional(),
  /** Plays the note this many times, evenly over its length; absent = once. */
  ratchet: z.number().int().min(1).max(8).optional(),
});

/** A row's key in `rowSteps`: a pitch 0–127 written as a whole number. */
const pitchKey = z.string().regex(/^(0|[1-9][0-9]?|1[01][0-9]|12[0-7])$/, 'be a MIDI pitch from "0" to "127"');

export const StepGridSchema = z.strictObject({
  division: z.enum(stepDivisions),
  /** Per pitch row, the cycle in steps the step sequencer keeps when it writes that row (polymeter). */
  rowSteps: z.record(pitchKey, z.number().int().min(1).max(64)),
});

export const PatternSchema = z
  .strictObject({
    name,
    length: finite.positive().max(maxPatternBeats),
    /** Sorted by start, then pitch. */
    notes: z.array(NoteSchema),
    /** 50–75 %; absent = the project's swing. */
    swing: swing.optional(),
    /** How the step sequencer shows the pattern; the notes are the truth. */
    stepGrid: StepGridSchema.optional(),
  })
  .superRefine((pattern, context) => {
    pattern.notes.forEach((note, n) => {
      if (note.start >= pattern.length) {
        context.addIssue({ code: 'custom', path: ['notes', n, 'start'], message: `must be before the pattern's end at beat ${pattern.length} (got ${note.start})` });
      }
    });
    const order = { compare: (a: Note, b: Note) => a.start - b.start || a.pitch - b.pitch, unique: false, what: 'notes', show: (note: Note) => `pitch ${note.pitch} at beat ${note.start}` };
    checkSorted(pattern.notes, order, context, ['notes']);
  });

export const NoteClipSchema = z.strictObject({
  kind: z.literal('notes'),
  id,
  name,
  /** A key of the project's `patterns`. */
  pattern: id,
  /** Timeline position in beats from the start. */
  start: nonNegative,
  length: finite.positive(),
  /** Where in the pattern the clip starts, in beats. */
  offset: nonNegative,
  /** true: the pattern repeats every `pattern.length` to fill `length`; false: silence after it ends. */
  loop: z.boolean(),
  mute: z.boolean(),
  /** A recorded pass of notes (format v5), as an audio clip's `take`. */
  take: TakeSchema.optional(),
});

export type Note = z.infer<typeof NoteSchema>;
export type Pattern = z.infer<typeof PatternSchema>;
export type StepGrid = z.infer<typeof StepGridSchema>;
export type NoteClip = z.infer<typeof NoteClipSchema>;
