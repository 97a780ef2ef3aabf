import { describe, expect, it } from 'vitest';
import { SincInterpolator } from '../../../src/dsp/sinc-interpolator';
import { WarpedVoice } from '../../../src/engine/warp/warped-voice';
import { ResidentSample } from '../../../src/engine/sample-pool';
import { VoiceScratch } from '../../../src/engine/voice-scratch';
import { blockFrames, type EngineClip } from '../../../src/protocol/engine';
import { Clock } from '../../../src/std/clock';
import { scavengesDuring } from '../../support/garbage-collections';
import { rate } from './engine-harness';

/**
 * The no-GC rule of the block loop (engine-allocation.test.ts) holds for warped voices: tonal
 * (transposed, so the stretched stream is resampled), beats and repitch clips, looping, with
 * warp markers, under a tempo map, played through jumps back like transport loop wraps. The
 * voices are driven directly, so the test measures them and nothing else of the engine.
 */
describe('warped voices in the block loop', () => {
  it('render 40,000 blocks of tonal, beats and repitch clips without a single garbage collection', async () => {
    let state = 1;
    const source = Float32Array.from({ length: rate * 2 }, (_, i) => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return 0.3 * Math.sin(i / 11) * (i % 12_000 < 400 ? 2 : 1) + 0.05 * (state / 2 ** 32 - 0.5);
    });
    const sample = new ResidentSample(44_100, [source, source]);
    const clock = Clock.of({ tempo: 120, tempoChanges: [{ beat: 3, bpm: 100, ramp: true }, { beat: 6, bpm: 130, ramp: false }] });
    const interpolator = new SincInterpolator();
    const scratch = new VoiceScratch();
    const base = { sampleId: 's', start: 0, length: 64, offset: 0.05, gainDb: -6, fadeIn: 0.01, fadeOut: 0.01, loop: true, reverse: false, rate: 1, mute: false };
    const markers = [{ source: 0.4, beat: 1 }];
    const clips: EngineClip[] = [
      { ...base, id: 'tonal', transpose: 5, detune: -20, warp: { mode: 'tonal', sourceTempo: 97, markers } },
      { ...base, id: 'beats', transpose: -3, warp: { mode: 'beats', sourceTempo: 131, markers } },
      { ...base, id: 'repitch', warp: { mode: 'repitch', sourceTempo: 110, markers: [] } },
    ];
    const voices = clips.map((clip) => new WarpedVoice(clip, clip.warp!, sample, clock, rate));
    const left = new Float32Array(blockFrames);
    const right = new Float32Array(blockFrames);
    const pan = { left: 0.7, right: 0.7 };
    // Blocks 0…2,999 again and again: a loop wrap every 3,000 blocks (8 s).
    const play = (blocks: number) => {
      for (let i = 0; i < blocks; i++) {
        const frame = (i % 3000) * blockFrames;
        for (let v = 0; v < voices.length; v++) voices[v]!.mixInto(interpolator, scratch, left, right, 0, frame, blockFrames, pan);
      }
    };
    play(10_000);
    expect(await scavengesDuring(() => play(40_000))).toBe(0);
  }, 300_000);
});
