import { describe, expect, it } from 'vitest';
import { NoteTake } from '../../../renderer/state/note-take';

describe('a take of notes', () => {
  it('keeps what was heard at the playhead, closing held notes at the end', () => {
    const take = new NoteTake(4, null);
    expect(take.empty).toBe(true);
    take.note(60, 0.8, 4.02);
    take.note(64, 0.5, 4.5);
    take.note(60, 0, 5);
    expect(take.finish(6)).toEqual([
      { pitch: 60, start: 4.02, length: 5 - 4.02, velocity: 0.8, pass: 0 },
      { pitch: 64, start: 4.5, length: 1.5, velocity: 0.5, pass: 0 },
    ]);
  });

  it('counts time across loop wraps: a note held over the loop end keeps its length; later passes fold onto the loop', () => {
    const take = new NoteTake(0, { start: 0, end: 8 });
    take.note(60, 1, 7.5);
    take.note(60, 0, 0.5); // after the wrap
    take.note(62, 1, 2); // second pass
    take.note(62, 0, 3);
    take.note(64, 1, 7.9);
    const notes = take.finish(1); // third pass
    expect(notes).toEqual([
      { pitch: 62, start: 2, length: 1, velocity: 1, pass: 1 },
      { pitch: 60, start: 7.5, length: 1, velocity: 1, pass: 0 },
      { pitch: 64, start: 7.9, length: 1 + 0.1, velocity: 1, pass: 1 },
    ].map((n) => ({ ...n, length: expect.closeTo(n.length, 9) as unknown as number })));
  });

  it('a retriggered pitch ends the note before it; a tap within one block lasts 1/128 beat', () => {
    const take = new NoteTake(0, null);
    take.note(60, 1, 1);
    take.note(60, 0.5, 2);
    take.note(60, 0, 2);
    expect(take.finish(3)).toEqual([
      { pitch: 60, start: 1, length: 1, velocity: 1, pass: 0 },
      { pitch: 60, start: 2, length: 1 / 128, velocity: 0.5, pass: 0 },
    ]);
  });

  it('splits a looped take into its passes: each the loop range, the last cut where the take ended, each with the notes begun in it', () => {
    const take = new NoteTake(4, { start: 4, end: 8 });
    take.note(60, 1, 4.5);
    take.note(60, 0, 5);
    take.note(62, 1, 7.75); // held over the wrap: it belongs to the pass it began in
    take.note(62, 0, 4.25);
    take.note(64, 1, 6); // the second pass
    take.note(64, 0, 7);
    take.note(65, 1, 5); // the third pass, stopped at 6.5
    const passes = take.finishPasses(6.5);
    expect(passes.map((pass) => [pass.start, pass.length, pass.notes.map((note) => [note.pitch, note.start, note.length])])).toEqual([
      [4, 4, [[60, 4.5, 0.5], [62, 7.75, 0.5]]],
      [4, 4, [[64, 6, 1]]],
      [4, 2.5, [[65, 5, 1.5]]],
    ]);
    expect(new NoteTake(0, null).finishPasses(3)).toEqual([]);
  });
});
