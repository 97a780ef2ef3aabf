import { describe, expect, it } from 'vitest';
import { placedNotes, previewRows } from '../../../renderer/ui/timeline/note-preview';

const note = (pitch: number, start: number, length = 0.25, velocity = 1) => ({ pitch, start, length, velocity });
const pattern = { length: 4, notes: [note(36, 0), note(38, 1), note(42, 2.5, 2)] };

describe('the note preview on the timeline', () => {
  it('places a looping clip’s notes every pattern length from its offset, the last cut at the clip’s end', () => {
    const placed = placedNotes({ offset: 1, length: 8, loop: true }, pattern, 0, 8);
    expect(placed.map((p) => [p.note.pitch, p.at, p.length])).toEqual([
      [38, 0, 0.25],
      [42, 1.5, 2],
      [36, 3, 0.25],
      [38, 4, 0.25],
      [42, 5.5, 2],
      [36, 7, 0.25],
    ]);
  });

  it('plays nothing after the pattern’s end when the clip does not loop', () => {
    const placed = placedNotes({ offset: 2, length: 8, loop: false }, pattern, 0, 8);
    expect(placed.map((p) => [p.note.pitch, p.at, p.length])).toEqual([[42, 0.5, 2]]);
  });

  it('keeps to the part in view, and a long note that began before it', () => {
    const placed = placedNotes({ offset: 0, length: 400, loop: true }, pattern, 199.5, 203);
    expect(placed.map((p) => [p.note.pitch, p.at])).toEqual([
      [42, 198.5],
      [36, 200],
      [38, 201],
      [42, 202.5],
    ]);
  });

  it('gives a drum pattern one row per pad, the lowest pad at the bottom', () => {
    const rows = previewRows(pattern, true);
    expect(rows.count).toBe(3);
    expect([42, 38, 36].map(rows.rowOf)).toEqual([0, 1, 2]);
  });

  it('gives a melody its pitch range, at least an octave, high notes on top', () => {
    const narrow = previewRows({ notes: [note(60, 0), note(64, 1)] }, false);
    expect(narrow.count).toBe(13);
    expect(narrow.rowOf(64)).toBeLessThan(narrow.rowOf(60));
    const wide = previewRows({ notes: [note(40, 0), note(80, 1)] }, false);
    expect(wide.count).toBe(41);
    expect([wide.rowOf(80), wide.rowOf(40)]).toEqual([0, 40]);
  });
});
