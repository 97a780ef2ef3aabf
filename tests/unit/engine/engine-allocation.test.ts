import { describe, expect, it } from 'vitest';
import { defaultParams, type DeviceType } from '../../../src/devices/catalog';
import { blockFrames } from '../../../src/protocol/engine';
import { createChannel } from '../../../src/model/new-track';
import type { Device } from '../../../src/model/project-schema';
import { scavengesDuring } from '../../support/garbage-collections';
import { clip, constant, engineWith, rate, timeline120, track } from './engine-harness';

/** A device of every type that is not already in the mix below, at settings that make it work. */
const stock = (type: DeviceType, params: Record<string, number> = {}, extra: Partial<Device> = {}): Device => ({ id: `s-${type}`, type, bypass: false, params: { ...defaultParams(type), ...params }, ...extra });

/**
 * The block loop must not allocate: garbage in the audio thread means collector pauses, and
 * pauses mean dropouts. A loop that allocated even a few bytes per block (a double passed to a call that is not inlined is boxed) would fill the young
 * generation many times over in this many blocks and trigger scavenges; a clean loop triggers none.
 */
describe('engine block loop', () => {
  it('renders 100,000 blocks of a busy mix with every stock device without a single garbage collection, while faders and knobs ride, automation plays and a track monitors live input', async () => {
    const source = Float32Array.from({ length: rate }, (_, i) => Math.sin(i / 7));
    const utility = { id: 'd1', type: 'utility' as const, bypass: false, params: { gainDb: -3, pan: 0.2, width: 140, mono: 0, invertLeft: 0, invertRight: 1 } };
    const limiter = (id: string) => ({ id, type: 'limiter' as const, bypass: false, params: { ceilingDb: -6, releaseMs: 40 } });
    const engine = engineWith(
      { a: { sampleRate: 44_100, planes: [source, source] }, b: { planes: [constant(rate, 0.1)] } },
      [
        track('t1', [clip('a', { loop: true, length: 64, rate: 1.5, fadeIn: 0.1 }), clip('b', { id: 'b1', start: 2, reverse: true })], {
          pan: 0.4,
          inserts: [utility, limiter('d2')],
          sends: [{ id: 'x1', target: 'verb', levelDb: -6, tap: 'pre' }],
          output: 'glue',
        }),
        track('t2', [clip('b', { id: 'b2', loop: true, length: 64 })], {
          solo: true,
          sends: [{ id: 'x2', target: 'verb', levelDb: -12, tap: 'post' }],
          inserts: [
            stock('eq', { hpOn: 1, hpSlope: 2, p2GainDb: -6, lpOn: 1 }),
            stock('compressor', { thresholdDb: -40, detectorHpOn: 1, autoMakeup: 1 }, { sidechain: 't1' }),
            stock('saturation', { driveDb: 18 }),
            stock('bitcrusher', { bits: 6.5, downsample: 2.5 }),
            stock('filter', { mode: 2, resonance: 60, lfoDepth: 2, lfoNote: 5 }),
            stock('chorus', { voices: 3, feedback: 40, mix: 60 }),
          ],
        }),
      ],
      timeline120,
      rate,
      {
        buses: [
          { id: 'verb', name: 'Verb', colour: '#000000', channel: { ...createChannel(), output: 'glue', inserts: [{ ...limiter('d3'), bypass: true }, stock('reverb', { mix: 100 }), stock('delay', { pingPong: 1, feedback: 60 })] } },
          { id: 'glue', name: 'Glue', colour: '#000000', channel: { ...createChannel(), pan: -0.3 } },
        ],
        master: { gainDb: -1, pan: 0, inserts: [limiter('d4')] },
        // Every curve, a jump, a send level and a Utility parameter, cutting blocks inside the 16-beat loop.
        automation: [
          { target: 't1', param: 'gainDb', points: [{ beat: 0, value: -20, curve: 'exponential' }, { beat: 3.3, value: 0, curve: 'hold' }, { beat: 7.01, value: -6, curve: 'linear' }, { beat: 7.01, value: -12, curve: 'linear' }, { beat: 15, value: 0, curve: 'linear' }] },
          { target: 'x2', param: 'levelDb', points: [{ beat: 1, value: -30, curve: 'linear' }, { beat: 9.5, value: 0, curve: 'hold' }, { beat: 12, value: -10, curve: 'linear' }] },
          { target: 'd1', param: 'width', points: [{ beat: 0.5, value: 0, curve: 'exponential' }, { beat: 11, value: 200, curve: 'linear' }] },
          { target: 's-eq', param: 'p3GainDb', points: [{ beat: 0, value: -12, curve: 'linear' }, { beat: 8, value: 12, curve: 'exponential' }, { beat: 16, value: -12, curve: 'linear' }] },
        ],
      },
    );
    engine.command({ type: 'set-metronome', enabled: true });
    engine.command({ type: 'set-loop', loop: { start: 0, end: 16 } });
    // A track monitors live input (stereo), handed over before every block as the playback host does.
    engine.command({ type: 'set-monitoring', tracks: ['t1'], channels: [0, 1] });
    const input = [constant(blockFrames, 0.1), constant(blockFrames, -0.1)];
    const left = new Float32Array(blockFrames);
    const right = new Float32Array(blockFrames);
    const ride = (i: number) => {
      // A fader, a pan, a send and a device parameter move now and then, so ramps run in the loop.
      if (i % 500 === 0) engine.command({ type: 'set-param', target: 't1', param: 'pan', value: (i / 500) % 2 === 0 ? -0.5 : 0.5 });
      if (i % 700 === 0) engine.command({ type: 'set-param', target: 'glue', param: 'gainDb', value: (i / 700) % 2 === 0 ? -6 : 0 });
      if (i % 900 === 0) engine.command({ type: 'set-param', target: 'x2', param: 'levelDb', value: (i / 900) % 2 === 0 ? -3 : -20 });
      if (i % 1100 === 0) engine.command({ type: 'set-param', target: 'd1', param: 'width', value: (i / 1100) % 2 === 0 ? 20 : 180 });
      if (i % 1300 === 0) engine.command({ type: 'set-param', target: 's-eq', param: 'p2Hz', value: (i / 1300) % 2 === 0 ? 300 : 3000 });
      if (i % 1500 === 0) engine.command({ type: 'set-param', target: 's-compressor', param: 'thresholdDb', value: (i / 1500) % 2 === 0 ? -30 : -10 });
      if (i % 1700 === 0) engine.command({ type: 'set-param', target: 's-delay', param: 'sync', value: (i / 1700) % 2 });
    };
    // Warm up, rides included, so the JIT has settled (its recompilations allocate), then empty the young generation so that only what the
    // loop itself allocates could trigger a collection.
    for (let i = 0; i < 40_000; i++) {
      ride(i);
      engine.input(input);
      engine.render(left, right, blockFrames);
    }
    const scavenges = await scavengesDuring(() => {
      for (let i = 0; i < 100_000; i++) {
        ride(i);
        engine.input(input);
        engine.render(left, right, blockFrames);
      }
    });
    expect(scavenges).toBe(0);
  }, 300_000);
});
