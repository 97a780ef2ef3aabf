import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FftPlan } from '../../../../src/dsp/fft';
import { SincInterpolator } from '../../../../src/dsp/sinc-interpolator';
import { StretchKernels } from '../../../../src/dsp/wasm/stretch-kernels';

/** Seeded values in [−1, 1). */
function noise(length: number, seed: number): Float64Array {
  let state = seed;
  return Float64Array.from({ length }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** Index of the first element whose bits differ (−0 and 0 differ), or −1. */
function firstDifference(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

const reader = new SincInterpolator({ halfTaps: 32, beta: 8 });

describe('StretchKernels (WebAssembly SIMD) against the TypeScript they stand for', () => {
  it.each([2, 4, 8, 16, 32, 64, 256, 1024, 2048, 4096, 8192])('FFT of size %d, forward and inverse, stage by stage: the same bits as FftPlan', (size) => {
    const plan = new FftPlan(size);
    const kernels = new StretchKernels(plan, 16, reader.kernelFor(reader.rateFor(1)), 8);
    const re = noise(size, size);
    const im = noise(size, size + 1);
    for (const inverse of [false, true]) {
      kernels.re.set(re);
      kernels.im.set(im);
      plan.begin(re, im);
      kernels.begin();
      expect(firstDifference(kernels.re, re)).toBe(-1);
      for (let stage = 0; stage < plan.passCount; stage++) {
        plan.passes(re, im, stage, stage + 1, inverse);
        kernels.passes(stage, stage + 1, inverse);
        expect(firstDifference(kernels.re, re)).toBe(-1);
        expect(firstDifference(kernels.im, im)).toBe(-1);
      }
    }
  });

  it.each([
    ['step 1 (whole positions copy, others read)', 1],
    ['a pitch up (+3 st: the stretched kernel)', 2 ** (3 / 12)],
    ['a pitch down (−5 st)', 2 ** (-5 / 12)],
  ])('stereo read at %s: the same bits as gatherStereo, edges, NaN and odd tap counts included', (_name, step) => {
    const frames = 700;
    const rate = reader.rateFor(step);
    const kernels = new StretchKernels(new FftPlan(8), frames, reader.kernelFor(rate), 128);
    kernels.yLeft.set(noise(frames, 3));
    kernels.yRight.set(noise(frames, 4));
    const offsets = noise(128, 5);
    for (let i = 0; i < 128; i++) {
      // Whole and fractional positions across the planes, some near and past each edge.
      const spread = -60 + (i / 127) * (frames + 120);
      kernels.positions[i] = i % 5 === 0 ? Math.round(spread) : spread + 0.5 * (offsets[i] as number);
    }
    kernels.positions[7] = Number.NaN;
    kernels.positions[8] = 0.5;
    kernels.positions[9] = frames - 1.25;
    const left = new Float64Array(128);
    const right = new Float64Array(128);
    reader.gatherStereo(kernels.yLeft, kernels.yRight, kernels.positions, 0, 128, rate, left, right);
    kernels.gatherStereo(0, 128, step === 1);
    expect(firstDifference(kernels.outLeft, left)).toBe(-1);
    expect(firstDifference(kernels.outRight, right)).toBe(-1);
    expect(left.some((value) => value !== 0)).toBe(true);
  });

  it('the checked-in module is what stretch-kernels.wat builds (npm run build:wasm)', () => {
    expect(() => execFileSync(process.execPath, ['electron/build-wasm.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
