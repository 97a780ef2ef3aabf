import { afterAll, describe, expect, it } from 'vitest';
import { Reverb } from '../../../src/dsp/reverb/reverb';
import { runInBlocks } from './effect-harness';

const report: string[] = [];
afterAll(() => console.log(`Reverb\n${report.join('\n')}`));

interface Decay {
  /** Seconds from the first sound until the Schroeder curve is 60 dB down. */
  readonly t60: number;
  /** RT60 from a line fitted to the curve between −5 and −35 dB (T30), seconds. */
  readonly t30: number;
}

/** Schroeder backward integration of the stereo impulse response's energy. */
function schroeder(left: Float32Array, right: Float32Array, rate: number): Decay {
  const n = left.length;
  const curve = new Float64Array(n);
  let sum = 0;
  for (let i = n - 1; i >= 0; i--) {
    sum += (left[i] as number) ** 2 + (right[i] as number) ** 2;
    curve[i] = sum;
  }
  const onset = left.findIndex((v, i) => v !== 0 || right[i] !== 0);
  const total = curve[onset] as number;
  const levelDb = (i: number): number => 10 * Math.log10((curve[i] as number) / total);
  let at60 = onset;
  while (levelDb(at60) > -60) at60++;
  // Least-squares line through the curve between −5 and −35 dB.
  let sx = 0, sy = 0, sxx = 0, sxy = 0, count = 0; // prettier-ignore
  for (let i = onset; levelDb(i) > -35; i++) {
    const y = levelDb(i);
    if (y > -5) continue;
    const x = i / rate;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    count++;
  }
  const slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
  return { t60: (at60 - onset) / rate, t30: -60 / slope };
}

function impulseResponse(reverb: Reverb, rate: number, seconds: number): [Float32Array, Float32Array] {
  const input = new Float32Array(Math.round(rate * seconds));
  input[0] = 1;
  return runInBlocks(reverb, input, input);
}

describe('Reverb', () => {
  for (const [rate, decay, size] of [
    [48_000, 0.6, 0.2],
    [48_000, 2, 0.5],
    [44_100, 5, 1],
    [96_000, 1.2, 0.8],
  ] as const) {
    it(`decays 60 dB in its ${decay} s decay time ± 10 % (size ${size}, ${rate} Hz)`, () => {
      const reverb = new Reverb(rate);
      reverb.setMix(1);
      reverb.setSize(size);
      reverb.setDecaySeconds(decay);
      reverb.setDamping(0);
      reverb.setPreDelayMs(0);
      const [left, right] = impulseResponse(reverb, rate, decay * 2);
      const { t60, t30 } = schroeder(left, right, rate);
      const error60 = (100 * (t60 - decay)) / decay;
      const error30 = (100 * (t30 - decay)) / decay;
      report.push(`RT60 ${decay} s, size ${size}, ${rate} Hz: −60 dB after ${t60.toFixed(3)} s (${error60.toFixed(1)} %), T30 ${t30.toFixed(3)} s (${error30.toFixed(1)} %)`);
      expect(Math.abs(error60)).toBeLessThan(10);
      expect(Math.abs(error30)).toBeLessThan(10);
    });
  }

  it('shortens the highs, not the lows, with damping', () => {
    const rate = 48_000;
    const reverb = new Reverb(rate);
    reverb.setMix(1);
    reverb.setDecaySeconds(2);
    reverb.setDamping(0.7);
    const [left, right] = impulseResponse(reverb, rate, 4);
    // A crude split: the first difference stands for the highs, a 32-frame average for the lows.
    const highs = (plane: Float32Array): Float32Array => plane.map((v, i) => v - (plane[i - 1] ?? 0));
    const lows = (plane: Float32Array): Float32Array => plane.map((_, i) => plane.subarray(Math.max(0, i - 31), i + 1).reduce((a, b) => a + b, 0) / 32);
    const low = schroeder(lows(left), lows(right), rate);
    const high = schroeder(highs(left), highs(right), rate);
    report.push(`damping 0.7, RT60 2 s: lows T30 ${low.t30.toFixed(2)} s, highs T30 ${high.t30.toFixed(2)} s`);
    expect(Math.abs(low.t30 - 2) / 2).toBeLessThan(0.15);
    expect(high.t30).toBeLessThan(1);
  });

  it('waits for the pre-delay, keeps the dry signal at mix 0 and narrows to mono at width 0', () => {
    const rate = 48_000;
    const reverb = new Reverb(rate);
    reverb.setMix(1);
    reverb.setPreDelayMs(100);
    const [left] = impulseResponse(reverb, rate, 0.5);
    expect(left.findIndex((v) => v !== 0)).toBeGreaterThanOrEqual(4800);
    reverb.reset();
    reverb.setWidth(0);
    const [l, r] = impulseResponse(reverb, rate, 0.5);
    expect(Array.from(l)).toEqual(Array.from(r));
    reverb.reset();
    reverb.setMix(0);
    const noise = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 1.3));
    expect(Array.from(runInBlocks(reverb, noise)[0])).toEqual(Array.from(noise));
  });
});
