import { describe, expect, it } from 'vitest';
import { blockFrames, type EngineClip } from '../../../src/protocol/engine';
import { scavengesDuring } from '../../support/garbage-collections';
import { clip, engineWith, rate, track } from './engine-harness';

/** The no-GC rule of the block loop (engine-allocation.test.ts) holds for warped clips in every mode, looping, transposed, over loop wraps. */
describe('warped clips in the block loop', () => {
  it('render 40,000 blocks of tonal, beats and repitch clips without a single garbage collection', async () => {
    let state = 1;
    const source = Float32Array.from({ length: rate * 2 }, (_, i) => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return 0.3 * Math.sin(i / 11) * (i % 12_000 < 400 ? 2 : 1) + 0.05 * (state / 2 ** 32 - 0.5);
    });
    const engine = engineWith({ s: { sampleRate: 44_100, planes: [source, source] } }, [track('t', [clip('s')])]);
    const base = { sampleId: 's', start: 0, length: 64, offset: 0.05, gainDb: -6, fadeIn: 0.01, fadeOut: 0.01, loop: true, reverse: false, rate: 1, mute: false };
    const markers = [{ source: 0.4, beat: 1 }];
    const clips: EngineClip[] = [
      { ...base, id: 'tonal', transpose: 5, detune: -20, warp: { mode: 'tonal', sourceTempo: 97, markers } },
      { ...base, id: 'beats', transpose: -3, warp: { mode: 'beats', sourceTempo: 131, markers } },
      { ...base, id: 'repitch', warp: { mode: 'repitch', sourceTempo: 110, markers: [] } },
    ];
    engine.command({ type: 'set-clips', trackId: 't', clips });
    engine.command({ type: 'set-loop', loop: { start: 1, end: 9.7 } });
    const left = new Float32Array(blockFrames);
    const right = new Float32Array(blockFrames);
    for (let i = 0; i < 10_000; i++) engine.render(left, right, blockFrames);
    const scavenges = await scavengesDuring(() => {
      for (let i = 0; i < 40_000; i++) engine.render(left, right, blockFrames);
    });
    expect(scavenges).toBe(0);
  }, 300_000);
});
