import { describe, expect, it } from 'vitest';
import { heardPair } from '../../../renderer/state/heard-frame';
import { LoopCounter } from '../../../renderer/state/loop-counter';
import { NoteTake } from '../../../renderer/state/note-take';
import { statusSlots } from '../../../src/protocol/engine';

/** A loop of 96,000 frames (4 beats at 120 BPM, 48 kHz) starting at song frame 96,000. */
const loopStart = 96_000;
const loopFrames = 96_000;

describe('counting loop passes', () => {
  it('counts the wraps from the anchor by context frames, with nothing played in between', () => {
    const counter = new LoopCounter(loopFrames);
    expect(counter.wrapsAt({ frame: loopStart, contextFrame: 10 })).toBeNull();
    counter.anchorAt({ frame: loopStart + 128, contextFrame: 1_000 });
    counter.anchorAt({ frame: loopStart + 256, contextFrame: 5_000 });
    // 2.3 passes later the song is 0.3 of a pass into the loop.
    expect(counter.wrapsAt({ frame: loopStart + 128 + 0.3 * loopFrames, contextFrame: 1_000 + 0.3 * loopFrames })).toBe(0);
    expect(counter.wrapsAt({ frame: loopStart + 128 + 0.3 * loopFrames, contextFrame: 1_000 + 2.3 * loopFrames })).toBe(2);
  });

  it('a key heard just before a wrap the engine has made counts in the pass before; one heard past the loop end in the pass after', () => {
    const counter = new LoopCounter(loopFrames);
    counter.anchorAt({ frame: loopStart, contextFrame: 0 });
    // The engine wrapped at context frame 96,000; a key heard 300 frames before it.
    const status = new Float64Array(32);
    status[statusSlots.playing] = 1;
    status[statusSlots.playheadFrame] = loopStart + 100;
    status[statusSlots.contextFrame] = loopFrames + 100;
    const early = heardPair(status, { contextTime: (loopFrames - 300) / 48_000, performanceTime: 1_000 }, 1_000, 48_000);
    expect(early).toEqual({ frame: loopStart - 300, contextFrame: loopFrames - 300 });
    const take = new NoteTake(4, { start: 4, end: 8 });
    const wraps = counter.wrapsAt(early);
    expect(wraps).toBe(1);
    // 300 frames before the loop's start, a wrap later: the end of the first pass.
    take.note(60, 1, 4 - 300 / 24_000, wraps);
    take.note(60, 0, 4 + 100 / 24_000, wraps);
    const [first] = take.finishPasses(6, 1);
    expect(first?.notes.map((note) => [note.pitch, note.start])).toEqual([[60, expect.closeTo(8 - 300 / 24_000, 9)]]);
  });

  it('two keys at the same place in two passes are two passes (the playhead never seemed to go back between them)', () => {
    const counter = new LoopCounter(loopFrames);
    counter.anchorAt({ frame: loopStart, contextFrame: 0 });
    const take = new NoteTake(4, { start: 4, end: 8 });
    const at = (pass: number) => ({ frame: loopStart + 24_000, contextFrame: pass * loopFrames + 24_000 });
    take.note(60, 1, 5, counter.wrapsAt(at(0)));
    take.note(60, 0, 5.01, counter.wrapsAt({ frame: loopStart + 24_240, contextFrame: 24_240 }));
    take.note(64, 1, 5.02, counter.wrapsAt(at(1)));
    take.note(64, 0, 5.03, counter.wrapsAt({ frame: loopStart + 24_240, contextFrame: loopFrames + 24_240 }));
    const passes = take.finishPasses(5.5, counter.wrapsAt({ frame: loopStart + 36_000, contextFrame: loopFrames + 36_000 }));
    expect(passes.map((pass) => pass.notes.map((note) => note.pitch))).toEqual([[60], [64]]);
    // Without the counter a key a little later in the next pass looks like the same pass.
    const blind = new NoteTake(4, { start: 4, end: 8 });
    blind.note(60, 1, 5);
    blind.note(60, 0, 5.01);
    blind.note(64, 1, 5.02);
    blind.note(64, 0, 5.03);
    expect(blind.finishPasses(5.5).map((pass) => pass.notes.map((note) => note.pitch))).toEqual([[60, 64]]);
  });
});
