import { describe, expect, it } from 'vitest';
import { defaultInstrumentParams } from '../../../src/devices/instruments/catalog';
import { createTrack } from '../../../src/model/new-track';
import { blockFrames } from '../../../src/protocol/engine';
import { scavengesDuring } from '../../support/garbage-collections';
import { engineWith, rate, timeline120 } from '../engine/engine-harness';
import { drumTrack, hits, noteClip, pattern, samplerTrack, sourcesOf } from './instrument-tracks';

/**
 * Instruments in the block loop must not allocate either: a busy drum pattern at 1/32 with
 * ratchets, chokes and reversed pads, a looping sampler in legato with glide and its filter swept by its envelope and by automation, and a synth, all
 * looping over a loop range (every wrap releases and reschedules), with live notes arriving.
 */
describe('instrument tracks in the block loop', () => {
  it('render 100,000 blocks without a garbage collection', async () => {
    const hit = Float32Array.from({ length: 2400 }, (_, i) => Math.sin(i / 3) * Math.exp(-i / 600));
    const tone = Float32Array.from({ length: rate }, (_, i) => Math.sin((2 * Math.PI * 220 * i) / rate));
    const busy = Array.from({ length: 32 }, (_, i) => ({ pitch: 36 + (i % 4), start: i / 8, length: 1 / 8, velocity: 0.5 + (i % 3) / 6, ...(i % 5 === 0 ? { ratchet: 3 } : {}), ...(i % 7 === 0 ? { probability: 0.5 } : {}) }));
    const tracks = [
      drumTrack('drums', { 0: 'hit', 1: 'hit', 2: 'hit', 3: 'hit' }, [noteClip('n1', 'busy', 0, 16, { loop: true })], { 1: { choke: 2, reverse: 1 }, 2: { choke: 2, pitch: 7 } }),
      samplerTrack('keys', { source: 'tone', rootNote: 57, start: 0, end: 1, loopStart: 0.2, loopEnd: 0.8, slices: [] }, [noteClip('n2', 'line', 0, 16, { loop: true })], { loop: 1, voiceMode: 2, glideMs: 30, filterMode: 1, cutoffHz: 800, resonance: 40, filterEnvOctaves: 3, filterDecayMs: 80, velocityToFilter: 1 }),
      { ...createTrack('bass', 'bass', 2), instrument: { id: 'bass-synth', type: 'synth' as const, params: defaultInstrumentParams('synth') }, clips: [noteClip('n3', 'line', 0, 16, { loop: true })] },
    ];
    const line = [...hits(57, [0, 0.5, 1.5]), ...hits(60, [2, 3.25]), ...hits(64, [2.5])].sort((a, b) => a.start - b.start || a.pitch - b.pitch);
    const engine = engineWith({ hit: { planes: [hit] }, tone: { planes: [tone] } }, tracks, timeline120, rate, {
      sources: sourcesOf('hit', 'tone'),
      patterns: { busy: pattern(4, busy, { swing: 60, stepGrid: { division: '1/32', rowSteps: {} } }), line: pattern(4, line) },
      automation: [{ target: 'keys-sampler', param: 'cutoffHz', points: [{ beat: 0, value: 200, curve: 'exponential' }, { beat: 6, value: 5000, curve: 'linear' }] }],
    });
    engine.command({ type: 'set-loop', loop: { start: 0, end: 8 } });
    const left = new Float32Array(blockFrames);
    const right = new Float32Array(blockFrames);
    const play = (i: number) => {
      if (i % 300 === 0) engine.command({ type: 'live-note', track: 'keys', pitch: 60 + (i % 12), velocity: (i / 300) % 2 === 0 ? 0.8 : 0 });
      engine.render(left, right, blockFrames);
    };
    for (let i = 0; i < 40_000; i++) play(i);
    const scavenges = await scavengesDuring(() => {
      for (let i = 0; i < 100_000; i++) play(i);
    });
    expect(scavenges).toBe(0);
  }, 300_000);
});
