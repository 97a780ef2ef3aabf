import { describe, expect, it } from 'vitest';
import { statusSlots } from '../../../src/protocol/engine';
import { heardFrame } from '../../../renderer/state/heard-frame';

const rate = 48_000;

function status(playhead: number, contextFrame: number, playing: boolean): Float64Array {
  const slots = new Float64Array(32);
  slots[statusSlots.playheadFrame] = playhead;
  slots[statusSlots.contextFrame] = contextFrame;
  slots[statusSlots.playing] = playing ? 1 : 0;
  return slots;
}

describe('the frame heard when a key was played', () => {
  // The last block ended on context frame 96,128 with the playhead at timeline frame 48,128; the
  // output device played context time 2.0 s (frame 96,000) at performance time 10,000 ms.
  const stamp = { contextTime: 2, performanceTime: 10_000 };
  const playing = status(48_128, 96_128, true);

  it('carries the last block to the output frame played at the key’s time stamp', () => {
    expect(heardFrame(playing, stamp, 10_000, rate)).toBe(48_000);
    expect(heardFrame(playing, stamp, 10_010, rate)).toBe(48_480);
    // A handler run late reads the same status: a key stamped 5 ms before the output stamp is 240 frames earlier.
    expect(heardFrame(playing, stamp, 9_995, rate)).toBe(47_760);
  });

  it('is the playhead when stopped or before the output has a time stamp, never before the start', () => {
    expect(heardFrame(status(4_800, 96_128, false), stamp, 10_010, rate)).toBe(4_800);
    expect(heardFrame(playing, { contextTime: 0, performanceTime: 0 }, 10_010, rate)).toBe(48_128);
    expect(heardFrame(status(100, 96_128, true), stamp, 9_000, rate)).toBe(0);
  });

  it('refuses a torn status (the engine writing its block)', () => {
    expect(heardFrame(status(48_128, -1, true), stamp, 10_000, rate)).toBeNull();
  });
});
