import { describe, expect, it } from 'vitest';
import { DEFAULT_DITHER_SEED, SeededRandom, TpdfDither, quantizeSampleWithTpdf, quantizeWithTpdf } from '../../../src/dsp/dither';

const quantize = (input: Float32Array, bits: 16 | 24, seed = DEFAULT_DITHER_SEED): Int32Array =>
  quantizeWithTpdf(input, bits, new TpdfDither(seed), new Int32Array(input.length));

describe('SeededRandom', () => {
  it('gives a fixed sequence for a seed (the same in every JS engine: integer math only)', () => {
    const draws = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 4 }, () => random.nextUint32());
    };
    const first = draws(1);
    expect(draws(1)).toEqual(first);
    expect(first.every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)).toBe(true);
    expect(new SeededRandom(2).nextUint32()).not.toBe(first[0]);
    // Seed 0 is a usable seed too.
    const zero = new SeededRandom(0);
    expect(new Set(Array.from({ length: 100 }, () => zero.nextUint32())).size).toBe(100);
  });

  it('pins its sequence: changing these numbers changes every dithered export', () => {
    // Checked against a C implementation of splitmix32 seeding + xoshiro128**.
    const one = new SeededRandom(1);
    expect(Array.from({ length: 4 }, () => one.nextUint32())).toEqual([2442144158, 3238099751, 3819917871, 2104621829]);
    const house = new SeededRandom(DEFAULT_DITHER_SEED);
    expect(Array.from({ length: 4 }, () => house.nextUint32())).toEqual([1292791899, 1284423797, 2013314966, 3703690653]);
    const codes = quantizeWithTpdf(Float32Array.from([0, 0.25, -0.5, 1e-4, 0, 0, 0, 0]), 16, new TpdfDither(), new Int32Array(8));
    expect(Array.from(codes)).toEqual([0, 8192, -16383, 4, 0, 0, 0, 1]);
  });

  it('fills triangular values bit for bit as the per-value draws give them, across calls and after single draws', () => {
    const filler = new SeededRandom(DEFAULT_DITHER_SEED);
    const single = new SeededRandom(DEFAULT_DITHER_SEED);
    const filled = new Float64Array(3000);
    const expected = new Float64Array(3000);
    for (let start = 0; start < 3000; start += 1000) {
      filler.fillTriangular(filled.subarray(start, start + 1000), 1000);
      for (let i = start; i < start + 1000; i++) expected[i] = single.nextFloat() - single.nextFloat();
      // Interleaved single draws keep both on the same state.
      expect(filler.nextUint32()).toBe(single.nextUint32());
    }
    expect(Buffer.from(filled.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    expect(new Set(filled).size).toBeGreaterThan(2990);
  });

  it('is uniform: mean 1/2 and variance 1/12 over a million draws', () => {
    const random = new SeededRandom(99);
    const n = 1_000_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const u = random.nextFloat();
      sum += u;
      squares += u * u;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    expect(Math.abs(mean - 0.5), `mean ${mean.toFixed(5)}`).toBeLessThan(0.002);
    expect(Math.abs(variance - 1 / 12), `variance ${variance.toFixed(5)} (1/12 = 0.08333)`).toBeLessThan(0.001);
  });
});

describe('TpdfDither', () => {
  it('is triangular in (−1, 1) LSB: mean 0, variance 1/6, density 1 − |x|', () => {
    const dither = new TpdfDither(7);
    const n = 1_000_000;
    const bins = new Float64Array(20);
    let sum = 0;
    let squares = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const d = dither.next();
      sum += d;
      squares += d * d;
      min = Math.min(min, d);
      max = Math.max(max, d);
      bins[Math.min(19, Math.floor((d + 1) * 10))]! += 1;
    }
    const mean = sum / n;
    const variance = squares / n - mean * mean;
    expect(min).toBeGreaterThan(-1);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean), `mean ${mean.toFixed(5)} LSB`).toBeLessThan(0.002);
    expect(Math.abs(variance - 1 / 6), `variance ${variance.toFixed(5)} LSB² (1/6 = 0.16667)`).toBeLessThan(0.001);
    let worst = 0;
    bins.forEach((count, k) => {
      const lo = -1 + k / 10;
      const hi = lo + 0.1;
      // ∫ (1 − |x|) dx over [lo, hi]
      const cdf = (x: number): number => (x < 0 ? ((1 + x) * (1 + x)) / 2 : 1 - ((1 - x) * (1 - x)) / 2);
      worst = Math.max(worst, Math.abs(count / n - (cdf(hi) - cdf(lo))));
    });
    expect(worst, `largest histogram deviation ${worst.toFixed(5)} of the draws`).toBeLessThan(0.002);
  });
});

describe('quantizeWithTpdf', () => {
  it('gives the same codes for the same seed, other codes for another seed', () => {
    const input = new Float32Array(10_000).map((_, i) => 0.3 * Math.sin(i * 0.05));
    expect(quantize(input, 16, 42)).toEqual(quantize(input, 16, 42));
    expect(quantize(input, 24, 42)).toEqual(quantize(input, 24, 42));
    expect(quantize(input, 16, 42)).not.toEqual(quantize(input, 16, 43));
  });

  it('matches the per-sample form, draw for draw', () => {
    const input = new Float32Array(5000).map((_, i) => 0.9 * Math.sin(i * 0.013) + (i % 97 === 0 ? Number.NaN : 0));
    const dither = new TpdfDither(5);
    const one = Int32Array.from(input, (x) => quantizeSampleWithTpdf(x, 24, dither));
    expect(one).toEqual(quantize(input, 24, 5));
  });

  it('dithers silence to codes −1, 0, 1 in the proportions 1/8, 3/4, 1/8 (error variance 1/4 LSB²)', () => {
    const n = 1_000_000;
    const codes = quantize(new Float32Array(n), 16, 3);
    const counts = new Map<number, number>();
    let squares = 0;
    let sum = 0;
    for (const c of codes) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
      sum += c;
      squares += c * c;
    }
    expect([...counts.keys()].sort()).toEqual([-1, 0, 1]);
    const share = (code: number): number => (counts.get(code) ?? 0) / n;
    const message = `shares −1: ${share(-1).toFixed(4)}, 0: ${share(0).toFixed(4)}, 1: ${share(1).toFixed(4)}`;
    expect(Math.abs(share(-1) - 0.125), message).toBeLessThan(0.002);
    expect(Math.abs(share(0) - 0.75), message).toBeLessThan(0.002);
    expect(Math.abs(share(1) - 0.125), message).toBeLessThan(0.002);
    // TPDF (1/6) plus the rounding's own uniform error (1/12): 1/4 LSB², independent of the signal.
    expect(Math.abs(sum / n), `mean ${(sum / n).toFixed(5)} LSB`).toBeLessThan(0.002);
    expect(Math.abs(squares / n - 0.25), `variance ${(squares / n).toFixed(5)} LSB²`).toBeLessThan(0.002);
  });

  it('clips full scale and beyond to the end codes', () => {
    const input = Float32Array.from([1, 1.5, 100, Infinity, -1.5, -100, -Infinity, 2 ** 100, -(2 ** 100)]);
    for (let seed = 0; seed < 200; seed++) {
      expect(Array.from(quantize(input, 16, seed))).toEqual([32767, 32767, 32767, 32767, -32768, -32768, -32768, 32767, -32768]);
      expect(Array.from(quantize(input, 24, seed))).toEqual([8388607, 8388607, 8388607, 8388607, -8388608, -8388608, -8388608, 8388607, -8388608]);
    }
    // −1.0 sits on the lowest code; dither may lift it by one.
    const low = quantize(new Float32Array(1000).fill(-1), 16);
    expect(low.every((c) => c === -32768 || c === -32767)).toBe(true);
  });

  it('reads NaN as silence', () => {
    const codes = quantize(new Float32Array(1000).fill(Number.NaN), 24);
    expect(codes.every((c) => c >= -1 && c <= 1)).toBe(true);
  });

  it('keeps a −100 dBFS 1 kHz sine at 16 bits, free of truncation distortion', () => {
    // Plain rounding turns this 0.33 LSB sine into silence.
    const input = periodicSine(-100);
    expect(input.every((x) => Math.round(x * 32768) === 0)).toBe(true);
    const { levelDb, harmonicsDb, worstAt } = harmonics(quantize(input, 16, 11), -100);
    expect(Math.abs(levelDb), `fundamental at ${levelDb.toFixed(3)} dB re the input`).toBeLessThan(0.2);
    expect(harmonicsDb, `strongest harmonic (${worstAt} Hz) ${harmonicsDb.toFixed(1)} dB re the fundamental`).toBeLessThan(-40);
  });

  it('shows no distortion where plain rounding distorts badly (−90 dBFS, about 1 LSB)', () => {
    const input = periodicSine(-90);
    const rounded = new Int32Array(input.length);
    for (let i = 0; i < input.length; i++) rounded[i] = Math.round((input[i] as number) * 32768);
    const plain = harmonics(rounded, -90);
    const dithered = harmonics(quantize(input, 16, 12), -90);
    expect(plain.harmonicsDb, `rounding: strongest harmonic ${plain.harmonicsDb.toFixed(1)} dB`).toBeGreaterThan(-30);
    expect(Math.abs(dithered.levelDb), `TPDF: fundamental at ${dithered.levelDb.toFixed(3)} dB`).toBeLessThan(0.1);
    expect(dithered.harmonicsDb, `TPDF: strongest harmonic (${dithered.worstAt} Hz) ${dithered.harmonicsDb.toFixed(1)} dB`).toBeLessThan(-45);
  });

  it('refuses an output too short for the input, or a bit depth it does not know', () => {
    expect(() => quantizeWithTpdf(new Float32Array(10), 16, new TpdfDither(1), new Int32Array(9))).toThrow(RangeError);
    expect(() => quantizeWithTpdf(new Float32Array(10), 8 as 16, new TpdfDither(1), new Int32Array(10))).toThrow(RangeError);
  });
});

// A 1 kHz sine at 48 kHz: one period is exactly 48 samples, repeated bit for bit.
const RATE = 48_000;
const PERIOD = 48;
const PERIODS = 100_000;

function periodicSine(levelDbfs: number): Float32Array {
  const amplitude = 10 ** (levelDbfs / 20);
  const out = new Float32Array(PERIOD * PERIODS);
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * (i % PERIOD)) / PERIOD);
  return out;
}

/**
 * Averages 16-bit codes period by period, so the signal and anything correlated with it (the
 * distortion) add up while the dither noise averages away (its variance falls by 1 / PERIODS),
 * then takes the DFT of that one period: the fundamental's level re the input, and the strongest
 * harmonic re the fundamental.
 */
function harmonics(codes: Int32Array, levelDbfs: number): { levelDb: number; harmonicsDb: number; worstAt: number } {
  const average = new Float64Array(PERIOD);
  for (let i = 0; i < codes.length; i++) average[i % PERIOD]! += (codes[i] as number) / PERIODS;
  const amplitudeOf = (h: number): number => {
    let re = 0;
    let im = 0;
    for (let k = 0; k < PERIOD; k++) {
      re += (average[k] as number) * Math.cos((2 * Math.PI * h * k) / PERIOD);
      im += (average[k] as number) * Math.sin((2 * Math.PI * h * k) / PERIOD);
    }
    return (2 * Math.hypot(re, im)) / PERIOD / 32768; // in full-scale units
  };
  const fundamental = amplitudeOf(1);
  let worst = 0;
  let worstAt = 0;
  for (let h = 2; h < PERIOD / 2; h++) {
    const a = amplitudeOf(h);
    if (a > worst) {
      worst = a;
      worstAt = (h * RATE) / PERIOD;
    }
  }
  return {
    levelDb: 20 * Math.log10(fundamental / 10 ** (levelDbfs / 20)),
    harmonicsDb: 20 * Math.log10(worst / fundamental),
    worstAt,
  };
}
