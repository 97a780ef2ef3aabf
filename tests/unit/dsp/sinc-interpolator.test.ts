import { describe, expect, it } from 'vitest';
import { MAX_STRETCH, SincInterpolator } from '../../../src/dsp/sinc-interpolator';
import { fitSine, peakFrequency, sine } from './signal-analysis';

const interpolator = new SincInterpolator();

/** Seeded noise that also exercises extreme float32 values. */
function awkwardSamples(frames: number): Float32Array {
  const out = new Float32Array(frames);
  let state = 12345;
  for (let i = 0; i < frames; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = (state / 2 ** 32 - 0.5) * 2;
  }
  out.set([0, -0, 1, -1, 1e-45, -1e-40, 3.4e38, -3.4e38, 0.1, 1 / 3], 100);
  return out;
}

/** Output frame n reads position n · step, as the engine does for a varispeed voice. */
function varispeed(source: Float32Array, step: number, frames: number, at = 0): Float32Array {
  const out = new Float32Array(frames);
  for (let n = 0; n < frames; n++) out[n] = interpolator.valueAt(source, (at + n) * step, step);
  return out;
}

describe('SincInterpolator', () => {
  it('passes samples through bit for bit at step 1 and integer positions', () => {
    const source = awkwardSamples(4096);
    let mismatches = 0;
    for (let i = 0; i < source.length; i++) {
      if (!Object.is(Math.fround(interpolator.valueAt(source, i, 1)), source[i])) mismatches++;
    }
    expect(mismatches, `${mismatches} of ${source.length} samples changed`).toBe(0);
    expect(Object.is(interpolator.valueAt(source, 101, 1), -0)).toBe(true);
  });

  it('reads frames outside the source as 0', () => {
    const ones = new Float32Array(1000).fill(1);
    for (const step of [0.25, 1, 1.5, 2, 8, 20]) {
      const reach = interpolator.reach(step);
      expect(interpolator.valueAt(ones, -reach - 0.001, step), `step ${step}`).toBe(0);
      expect(interpolator.valueAt(ones, 1000 + reach, step), `step ${step}`).toBe(0);
      expect(interpolator.valueAt(ones, -1e9, step)).toBe(0);
      expect(interpolator.valueAt(ones, 1e9, step)).toBe(0);
      expect(interpolator.valueAt(ones, Number.NaN, step)).toBe(0);
    }
    expect(interpolator.valueAt(ones, -1, 1)).toBe(0);
    expect(interpolator.valueAt(ones, 1000, 1)).toBe(0);
    expect(interpolator.valueAt(new Float32Array(0), 0.5, 0.9)).toBe(0);
    // Halfway between the silence before frame 0 and the first 1: the band-limited step is at 0.5.
    expect(interpolator.valueAt(ones, -0.5, 0.5)).toBeCloseTo(0.5, 4);
  });

  it('fades the buffer edges symmetrically, the same at the start as at the end', () => {
    const ones = new Float32Array(1000).fill(1);
    for (const step of [0.5, 1, 1.5, 2, 8]) {
      const reach = interpolator.reach(step);
      let worst = 0;
      for (let d = -reach + 0.25; d < reach; d += 0.5) {
        const atStart = interpolator.valueAt(ones, -d, step);
        const atEnd = interpolator.valueAt(ones, 999 + d, step);
        expect(Number.isFinite(atStart) && Number.isFinite(atEnd), `step ${step}, ${d} frames out`).toBe(true);
        worst = Math.max(worst, Math.abs(atStart - atEnd));
      }
      expect(worst, `step ${step}: start and end differ by ${worst.toExponential(2)}`).toBeLessThan(1e-9);
    }
  });

  it('reaches exactly reach(step) frames each side', () => {
    const impulse = new Float32Array(4000);
    impulse[2000] = 1;
    for (const step of [0.3, 1, 1.25, 2, 3.5, MAX_STRETCH, 12]) {
      const reach = interpolator.reach(step);
      expect(reach).toBe(Math.ceil(interpolator.halfTaps * Math.min(Math.max(step, 1), MAX_STRETCH)));
      for (const side of [-1, 1]) {
        expect(interpolator.valueAt(impulse, 2000 + side * (reach + 0.01), step), `step ${step} beyond reach`).toBe(0);
        expect(interpolator.valueAt(impulse, 2000 + side * (reach - 0.6), step), `step ${step} inside reach`).not.toBe(0);
      }
    }
  });

  it('has unity gain at DC for every step', () => {
    const ones = new Float32Array(10_000).fill(1);
    for (const step of [0.1, 0.5, 0.9, 1, 1.0884, 1.5, 2, 3, 8, 10]) {
      let worst = 0;
      for (let k = 0; k < 500; k++) {
        const position = 3000 + k * 7.123;
        worst = Math.max(worst, Math.abs(interpolator.valueAt(ones, position, step) - 1));
      }
      expect(worst, `step ${step}: DC gain off by ${worst.toExponential(2)}`).toBeLessThan(1e-5);
    }
  });

  it('is deterministic: the same call gives the same bits whatever came before', () => {
    const source = awkwardSamples(20_000);
    const positions = Array.from({ length: 400 }, (_, k) => 50 + k * 47.318);
    for (const step of [0.73, 1, 1.5, 2]) {
      const first = positions.map((p) => interpolator.valueAt(source, p, step));
      const other = new SincInterpolator();
      const reversed = [...positions].reverse().map((p) => {
        interpolator.valueAt(source, p * 0.5, 3);
        return other.valueAt(source, p, step);
      });
      expect(reversed.reverse()).toEqual(first);
      expect(positions.map((p) => interpolator.valueAt(source, p, step))).toEqual(first);
    }
  });

  it('reads two planes at once exactly as it reads each alone, at every step and at the edges', () => {
    const left = awkwardSamples(6_000);
    const right = awkwardSamples(6_100).subarray(100);
    const positions = Float64Array.from({ length: 300 }, (_, k) => -90 + k * 20.713);
    positions.set([0, 1, 5_999, 6_040, Number.NaN], 3);
    for (const step of [0.61, 1, 1.27, 2.5, 9]) {
      const rate = { step, kernel: null };
      const alone = [new Float64Array(positions.length), new Float64Array(positions.length)] as const;
      interpolator.gather(left, positions, 3, positions.length, rate, alone[0]);
      interpolator.gather(right, positions, 3, positions.length, rate, alone[1]);
      const together = [new Float64Array(positions.length), new Float64Array(positions.length)] as const;
      interpolator.gatherStereo(left, right, positions, 3, positions.length, rate, together[0], together[1]);
      expect(together[0]).toEqual(alone[0]);
      expect(together[1]).toEqual(alone[1]);
      expect(together[0]).not.toEqual(together[1]);
      // Frames before `from` are left alone; NaN reads as 0.
      expect([...together[0].slice(0, 3), together[0][7], together[1][7]]).toEqual([0, 0, 0, 0, 0]);
      // Each plane's value is the single-position read: no state carries from one frame to the next.
      expect(together[1][40]).toBe(interpolator.valueAt(right, positions[40] as number, step));
    }
  });

  it('gives the same samples whatever the block partition of a render', () => {
    const source = sine(440, 48_000, 48_000);
    const step = 1.5;
    const whole = varispeed(source, step, 20_000);
    const blocks = new Float32Array(whole.length);
    let at = 0;
    let size = 1;
    while (at < blocks.length) {
      const frames = Math.min(size, blocks.length - at);
      blocks.set(varispeed(source, step, frames, at), at);
      at += frames;
      size = (size * 7 + 3) % 300; // 1, 10, 73, 214, …, and 0-frame blocks too
    }
    expect(blocks).toEqual(whole);
  });

  it.each([0.5, 1.5, 2])('varispeed step %d moves a 1 kHz tone to step × 1 kHz at full level', (step) => {
    const rate = 48_000;
    const source = sine(1000, rate, 1.5 * rate);
    const frames = Math.floor((source.length - interpolator.reach(step)) / step);
    const out = varispeed(source, step, frames);
    const edge = Math.ceil(interpolator.reach(step) / step) + 2400;
    const expected = 1000 * step;
    const measured = peakFrequency(out, rate, edge, out.length - 2 * edge);
    expect(Math.abs(measured - expected), `tone at ${measured.toFixed(3)} Hz, expected ${expected} Hz`).toBeLessThan(0.5);
    const fit = fitSine(out, expected, rate, edge, out.length - edge);
    const gainDb = 20 * Math.log10(fit.amplitude / 0.5);
    expect(Math.abs(gainDb), `level ${gainDb.toFixed(5)} dB`).toBeLessThan(0.001);
    expect(fit.thdPlusNoiseDb, `THD+N ${fit.thdPlusNoiseDb.toFixed(1)} dB`).toBeLessThan(-100);
  });

  it('removes what a speed-up would push above Nyquist', () => {
    // 15 kHz at step 2 would land at 30 kHz, above the 24 kHz Nyquist: it must vanish, not fold to 18 kHz.
    const rate = 48_000;
    const source = sine(15_000, rate, rate);
    const out = varispeed(source, 2, rate / 2 - 200);
    let peak = 0;
    for (let i = 200; i < out.length - 200; i++) peak = Math.max(peak, Math.abs(out[i] ?? 0));
    const levelDb = 20 * Math.log10(peak / 0.5);
    expect(levelDb, `folded residue peaks at ${levelDb.toFixed(1)} dB`).toBeLessThan(-95);
  });

  it('rejects unusable options', () => {
    expect(() => new SincInterpolator({ halfTaps: 1.5 })).toThrow(/halfTaps/);
    expect(() => new SincInterpolator({ phases: 0 })).toThrow(/phases/);
    expect(() => new SincInterpolator({ beta: -1 })).toThrow(/beta/);
  });
});
