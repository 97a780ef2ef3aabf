/**
 * What a note clip shows inside its box on the timeline: its pattern's notes where the engine
 * plays them (from the clip's offset, repeating every pattern length while it loops, nothing after
 * the pattern's end when it does not; see src/engine/instruments/note-schedule.ts), as a mini
 * piano roll over the pattern's pitch range, or for a drum machine as ticks on one row per pad
 * the pattern uses. Swing is left out: the preview shows the grid the notes were written on.
 */
import type { Note, NoteClip, Pattern } from '../../../src/model/project-schema';

/** A pattern's note placed in its clip: `at` beats from the clip's start, cut at the clip's end. */
export interface PlacedNote {
  readonly note: Note;
  readonly at: number;
  readonly length: number;
}

/**
 * The notes of `pattern` that `clip` plays and that start before `toBeat` and end after `fromBeat`
 * (both from the clip's start), in play order. A note sounding past the clip's end is cut there.
 */
export function placedNotes(clip: Pick<NoteClip, 'offset' | 'length' | 'loop'>, pattern: Pick<Pattern, 'length' | 'notes'>, fromBeat: number, toBeat: number): PlacedNote[] {
  const placed: PlacedNote[] = [];
  const end = Math.min(clip.length, toBeat);
  const passes = clip.loop ? Math.ceil((clip.offset + clip.length) / pattern.length) : 1;
  const firstPass = clip.loop ? Math.max(0, Math.floor((clip.offset + fromBeat) / pattern.length) - 1) : 0;
  for (let pass = firstPass; pass < passes; pass++) {
    const passStart = pass * pattern.length - clip.offset;
    if (passStart >= end) break;
    for (const note of pattern.notes) {
      const at = passStart + note.start;
      if (at < 0 || at >= end) continue;
      const length = Math.min(note.length, clip.length - at);
      if (at + length > fromBeat) placed.push({ note, at, length });
    }
  }
  return placed;
}

/** Which row of the preview each pitch takes, and how many rows there are; row 0 is the top. */
export interface PreviewRows {
  readonly count: number;
  readonly rowOf: (pitch: number) => number;
}

/** At least this many semitones tall, so a one-note line does not fill the clip. */
const minPitchSpan = 12;

/**
 * A drum pattern: one row per pitch it uses (its pads), the lowest pad at the bottom. Anything
 * else: the pattern's pitch range (at least an octave, centred on the notes), high notes on top.
 */
export function previewRows(pattern: Pick<Pattern, 'notes'>, drums: boolean): PreviewRows {
  const pitches = [...new Set(pattern.notes.map((note) => note.pitch))].sort((a, b) => a - b);
  if (drums) {
    const index = new Map(pitches.map((pitch, i) => [pitch, pitches.length - 1 - i]));
    return { count: Math.max(1, pitches.length), rowOf: (pitch) => index.get(pitch) ?? 0 };
  }
  const low = pitches[0] ?? 60;
  const high = pitches[pitches.length - 1] ?? 60;
  const pad = Math.max(0, minPitchSpan - (high - low));
  const bottom = low - Math.floor(pad / 2);
  const top = high + Math.ceil(pad / 2);
  return { count: top - bottom + 1, rowOf: (pitch) => top - pitch };
}
