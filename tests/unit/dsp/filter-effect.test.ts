import { describe, expect, it } from 'vitest';
import { FilterEffect } from '../../../src/dsp/filter/filter-effect';
import { beats, bpm } from '../../../src/std/units';
import { sineGainDb } from './effect-harness';

const RATE = 48_000;

function filter(mode: 'low-pass' | 'high-pass' | 'band-pass', hz: number, resonance = 0): FilterEffect {
  const effect = new FilterEffect(RATE);
  effect.setMode(mode);
  effect.setCutoffHz(hz);
  effect.setResonance(resonance);
  return effect;
}

function noise(frames: number): Float32Array {
  let state = 7;
  return Float32Array.from({ length: frames }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

describe('FilterEffect', () => {
  it('is a Butterworth low-, high- and band-pass at resonance 0', () => {
    expect(sineGainDb(filter('low-pass', 1000), 1000, RATE)).toBeCloseTo(-3.01, 1);
    expect(sineGainDb(filter('low-pass', 1000), 100, RATE)).toBeCloseTo(0, 2);
    // Two poles: 12 dB per octave well above the cutoff.
    expect(sineGainDb(filter('low-pass', 250), 2000, RATE) - sineGainDb(filter('low-pass', 250), 4000, RATE)).toBeCloseTo(12, 0);
    expect(sineGainDb(filter('high-pass', 1000), 1000, RATE)).toBeCloseTo(-3.01, 1);
    expect(sineGainDb(filter('high-pass', 1000), 10_000, RATE)).toBeCloseTo(0, 1);
    expect(sineGainDb(filter('band-pass', 2000), 2000, RATE)).toBeCloseTo(0, 2);
    expect(sineGainDb(filter('band-pass', 2000), 200, RATE)).toBeLessThan(-15);
  });

  it('peaks at the cutoff with resonance', () => {
    // Q 25 at full resonance: a low-pass is +28 dB at its cutoff.
    expect(sineGainDb(filter('low-pass', 1000, 1), 1000, RATE)).toBeCloseTo(20 * Math.log10(25), 0);
  });

  it('sweeps the cutoff from the transport position: the same beat gives the same cutoff', () => {
    const effect = filter('low-pass', 1000);
    effect.setLfoPeriodBeats(beats(2));
    effect.setLfoDepthOctaves(2);
    const one = new Float32Array(1);
    const cutoffAt = (beat: number): number => {
      effect.setTransport(beats(beat), bpm(120));
      effect.process(one, one, 1);
      return effect.lfoCutoffHz();
    };
    expect(cutoffAt(0)).toBeCloseTo(1000, 6);
    expect(cutoffAt(0.5)).toBeCloseTo(4000, 6);
    expect(cutoffAt(1.5)).toBeCloseTo(250, 6);
    expect(cutoffAt(8.5)).toBeCloseTo(4000, 6);
    // Without a new position the LFO runs on by whole frames: 12,000 frames at 120 BPM is half a beat.
    effect.setTransport(beats(0), bpm(120));
    effect.process(new Float32Array(12_000), new Float32Array(12_000), 12_000);
    effect.process(one, one, 1);
    expect(effect.lfoCutoffHz()).toBeCloseTo(4000, 3);
  });

  it('renders the same samples whatever the block partition', () => {
    const input = noise(RATE);
    const render = (block: number): Float32Array => {
      const effect = filter('band-pass', 800, 0.6);
      effect.setLfoPeriodBeats(beats(1));
      effect.setLfoDepthOctaves(3);
      effect.setTransport(beats(3.25), bpm(97));
      const left = input.slice();
      const right = input.slice();
      for (let start = 0; start < RATE; start += block) {
        const frames = Math.min(block, RATE - start);
        effect.process(left.subarray(start, start + frames), right.subarray(start, start + frames), frames);
      }
      return left;
    };
    const a = render(128);
    expect(Buffer.from(render(100).buffer).equals(Buffer.from(a.buffer))).toBe(true);
    expect(Buffer.from(render(1).buffer).equals(Buffer.from(a.buffer))).toBe(true);
  });
});
