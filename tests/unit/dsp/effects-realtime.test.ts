import { describe, expect, it } from 'vitest';
import { Chorus } from '../../../src/dsp/chorus/chorus';
import { Bitcrusher } from '../../../src/dsp/distortion/bitcrusher';
import { Saturation } from '../../../src/dsp/distortion/saturation';
import { FilterEffect } from '../../../src/dsp/filter/filter-effect';
import { Delay } from '../../../src/dsp/delay/delay';
import { Compressor } from '../../../src/dsp/dynamics/compressor';
import { Eq } from '../../../src/dsp/eq/eq';
import { InsertLimiter } from '../../../src/dsp/limiter/insert-limiter';
import { Reverb } from '../../../src/dsp/reverb/reverb';
import { beats, bpm, seconds } from '../../../src/std/units';
import { type StereoEffect } from '../../../src/dsp/stereo-effect';
import { scavengesDuring } from '../../support/garbage-collections';
import { BLOCK, runInBlocks } from './effect-harness';

const RATE = 48_000;

/** Every stock kernel, configured so each of its code paths runs (bands on, modulation, feedback). */
const kernels: Record<string, () => StereoEffect> = {
  eq: () => {
    const eq = new Eq(RATE);
    eq.highPass.setEnabled(true);
    eq.highPass.setSlope(48);
    eq.lowPass.setEnabled(true);
    for (const band of eq.peaking) band.setGainDb(3);
    return eq;
  },
  compressor: () => {
    const compressor = new Compressor(RATE);
    compressor.setThresholdDb(-20);
    compressor.setAutoMakeup(true);
    compressor.setDetectorHighPassEnabled(true);
    return compressor;
  },
  'compressor keyed by a sidechain': () => {
    const compressor = new Compressor(RATE);
    compressor.setThresholdDb(-20);
    const key = Float32Array.from({ length: BLOCK }, (_, i) => Math.sin(i / 5));
    return { latencyFrames: 0, process: (l, r, frames) => compressor.process(l, r, frames, key, key), reset: () => compressor.reset() };
  },
  'ping-pong delay, filtered': () => {
    const delay = new Delay(RATE);
    delay.setPingPong(true);
    delay.setLoopFilterEnabled(true);
    delay.setFeedback(0.7);
    delay.setTimeMs(100.01);
    return delay;
  },
  reverb: () => {
    const reverb = new Reverb(RATE);
    reverb.setDamping(0.5);
    reverb.setPreDelayMs(20);
    reverb.setWidth(0.7);
    return reverb;
  },
  saturation: () => {
    const saturation = new Saturation(RATE);
    saturation.setDriveDb(18);
    saturation.setTone(0.5);
    saturation.setMix(0.8);
    return saturation;
  },
  bitcrusher: () => {
    const crusher = new Bitcrusher(RATE);
    crusher.setBits(6.5);
    crusher.setDownsampleFactor(3.3);
    crusher.setMix(0.9);
    return crusher;
  },
  'filter swept by its LFO': () => {
    const effect = new FilterEffect(RATE);
    effect.setMode('band-pass');
    effect.setResonance(0.5);
    effect.setLfoDepthOctaves(2);
    effect.setLfoPeriodBeats(beats(1));
    effect.setTransport(beats(0), bpm(128));
    return effect;
  },
  'chorus, four voices with feedback': () => {
    const chorus = new Chorus(RATE);
    chorus.setVoices(4);
    chorus.setDepthMs(12);
    chorus.setFeedback(0.6);
    chorus.setRateHz(1.7);
    chorus.setTransport(seconds(0.9375));
    return chorus;
  },
  limiter: () => {
    const limiter = new InsertLimiter(RATE);
    limiter.setCeilingDbtp(-12);
    return limiter;
  },
};

function noise(frames: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length: frames }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return (state / 2 ** 32 - 0.5) * 1.5;
  });
}

describe.each(Object.entries(kernels))('%s', (_name, make) => {
  it('gives bit-identical output for the same input after reset()', () => {
    const effect = make();
    const left = noise(RATE, 1);
    const right = noise(RATE, 2);
    const [l1, r1] = runInBlocks(effect, left, right);
    effect.reset();
    const [l2, r2] = runInBlocks(effect, left, right);
    expect(Buffer.from(l2.buffer).equals(Buffer.from(l1.buffer))).toBe(true);
    expect(Buffer.from(r2.buffer).equals(Buffer.from(r1.buffer))).toBe(true);
    expect(l1.some((v, i) => v !== left[i])).toBe(true);
  });

  it('processes 100,000 blocks of 128 frames without a young-generation garbage collection', async () => {
    const effect = make();
    const source = noise(BLOCK * 64, 3);
    const left = new Float32Array(BLOCK);
    const right = new Float32Array(BLOCK);
    const block = (i: number): void => {
      // Copied by hand: subarray() would allocate a view per block in the test itself.
      const at = (i % 64) * BLOCK;
      for (let f = 0; f < BLOCK; f++) left[f] = right[BLOCK - 1 - f] = source[at + f] as number;
      effect.process(left, right, BLOCK);
    };
    for (let i = 0; i < 30_000; i++) block(i);
    // This driver is shared by every kernel in the file, so the JIT may still be re-optimizing it
    // (a few young objects, once) during a run. Allocation by the kernel shows in every run; a
    // transition does not repeat: three runs, and at least one must be clean.
    const runs: number[] = [];
    while (runs.length < 3 && !runs.includes(0)) {
      runs.push(
        await scavengesDuring(() => {
          for (let i = 0; i < 100_000; i++) block(i);
        }),
      );
    }
    expect(runs).toContain(0);
  }, 60_000);
});
