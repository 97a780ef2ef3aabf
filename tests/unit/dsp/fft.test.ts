import { describe, expect, it } from 'vitest';
import { FftPlan, fft } from '../../../src/dsp/fft';

/** Seeded values in [−1, 1). */
function noise(length: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** The DFT by its definition, X_k = Σ x_t e^{−2πikt/N}, angles reduced exactly (kt mod N). */
function naiveDft(re: Float64Array, im: Float64Array): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sumRe = 0;
    let sumIm = 0;
    for (let t = 0; t < n; t++) {
      const angle = (-2 * Math.PI * ((k * t) % n)) / n;
      sumRe += (re[t] as number) * Math.cos(angle) - (im[t] as number) * Math.sin(angle);
      sumIm += (re[t] as number) * Math.sin(angle) + (im[t] as number) * Math.cos(angle);
    }
    outRe[k] = sumRe;
    outIm[k] = sumIm;
  }
  return [outRe, outIm];
}

function largestError(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
  return worst;
}

describe('FftPlan', () => {
  it.each([2, 4, 8, 16, 32, 64, 128, 512, 1024, 2048])('matches the DFT by definition at size %d (radix-4 stages, after a radix-2 one when log2 is odd)', (size) => {
    const re = noise(size, size);
    const im = noise(size, size + 1);
    const [expectRe, expectIm] = naiveDft(re, im);
    new FftPlan(size).forward(re, im);
    // Errors of a sum of `size` unit terms: both ways round at about 1e-16 per term.
    const tolerance = 1e-12 * size;
    expect(largestError(re, expectRe)).toBeLessThan(tolerance);
    expect(largestError(im, expectIm)).toBeLessThan(tolerance);
  });

  it.each([256, 2048, 4096])('gives the input back through inverse(forward(x)) at size %d', (size) => {
    const re = noise(size, 7);
    const im = noise(size, 8);
    const plan = new FftPlan(size);
    const copyRe = re.slice();
    const copyIm = im.slice();
    plan.forward(re, im);
    plan.inverse(re, im);
    expect(largestError(re, copyRe)).toBeLessThan(1e-14);
    expect(largestError(im, copyIm)).toBeLessThan(1e-14);
  });

  it('puts a pure tone in its own bin only', () => {
    const size = 1024;
    const re = Float64Array.from({ length: size }, (_, t) => Math.cos((2 * Math.PI * 37 * t) / size));
    const im = new Float64Array(size);
    fft(re, im);
    expect(re[37]).toBeCloseTo(size / 2, 9);
    expect(re[size - 37]).toBeCloseTo(size / 2, 9);
    const others = Array.from(re, (value, k) => (k === 37 || k === size - 37 ? 0 : Math.hypot(value, im[k] as number)));
    expect(Math.max(...others)).toBeLessThan(1e-9);
  });

  it('gives the same bits when run whole or in parts, as the stretcher spreads it over blocks', () => {
    for (const size of [1024, 2048]) {
      const plan = new FftPlan(size);
      const wholeRe = noise(size, 3);
      const wholeIm = noise(size, 4);
      const partsRe = wholeRe.slice();
      const partsIm = wholeIm.slice();
      plan.forward(wholeRe, wholeIm);
      plan.begin(partsRe, partsIm);
      for (let stage = 0; stage < plan.passCount; stage++) plan.passes(partsRe, partsIm, stage, stage + 1, false);
      expect(partsRe).toEqual(wholeRe);
      expect(partsIm).toEqual(wholeIm);
    }
  });

  it('says where begin puts each input, so a caller can write its input there and skip begin', () => {
    for (const size of [2, 8, 512, 2048]) {
      const plan = new FftPlan(size);
      const re = noise(size, 5);
      const im = noise(size, 6);
      const placedRe = new Float64Array(size);
      const placedIm = new Float64Array(size);
      for (let i = 0; i < size; i++) {
        placedRe[plan.reversed[i] as number] = re[i] as number;
        placedIm[plan.reversed[i] as number] = im[i] as number;
      }
      plan.begin(re, im);
      expect(placedRe).toEqual(re);
      expect(placedIm).toEqual(im);
    }
  });
});
