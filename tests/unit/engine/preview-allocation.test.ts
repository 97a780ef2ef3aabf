import { describe, expect, it } from 'vitest';
import { SincInterpolator } from '../../../src/dsp/sinc-interpolator';
import { WarpedPreview } from '../../../src/engine/preview/warped-preview';
import { ResidentSample } from '../../../src/engine/sample-pool';
import { VoiceScratch } from '../../../src/engine/voice-scratch';
import { blockFrames } from '../../../src/protocol/engine';
import { heapGrowthDuring, scavengesDuring } from '../../support/garbage-collections';
import { rate } from './engine-harness';

/**
 * The no-GC rule of the block loop (engine-allocation.test.ts) holds for the library's in-time
 * preview while it follows the song's tempo map
 * and, past a transport loop's end, that loop's tempo again. Alone in its file: run in one process after
 * warp-allocation.test.ts's voices, the same loop sees 1–4 scavenges, and so did the preview
 * before it followed the tempo map (measured; see the session report).
 */
describe('the library preview in the block loop', () => {
  it('render a library preview that follows a tempo ramp for 30,000 blocks without a single garbage collection or an object a block', async () => {
    // 45 s of a 100 BPM loop is 75 beats: about 100 s in a song sliding from 50 to 40 BPM.
    const source = Float32Array.from({ length: rate * 45 }, (_, i) => 0.3 * Math.sin(i / 9) * (i % 28_800 < 300 ? 2 : 1));
    const sample = new ResidentSample(rate, [source, source]);
    const timeline = { tempo: 50, tempoChanges: [{ beat: 2, bpm: 50, ramp: false }, { beat: 60, bpm: 40, ramp: true }] };
    const preview = new WarpedPreview();
    // A transport loop over beats 2–66: past beat 66 the preview plays the loop's tempo (the ramp) again.
    preview.start(sample, { mode: 'tonal', sourceTempo: 100, transpose: 3 }, timeline, { start: 2, end: 66 }, 1_000, 700, rate);
    const interpolator = new SincInterpolator();
    const scratch = new VoiceScratch();
    const left = new Float32Array(blockFrames);
    const right = new Float32Array(blockFrames);
    const play = (blocks: number) => {
      for (let i = 0; i < blocks; i++) preview.mixInto(interpolator, scratch, left, right, blockFrames);
    };
    play(5_000);
    expect(await scavengesDuring(() => play(15_000))).toBe(0);
    // No scavenge can still hide a small object a block (15,000 × 16 bytes is less than a young
    // generation): the heap may not grow by one object a block.
    expect(heapGrowthDuring(() => play(15_000))).toBeLessThan(15_000 * 16);
    expect(preview.sounding).toBe(true);
  }, 300_000);
});
