import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FftPlan } from '../../../../src/dsp/fft';
import { atan2InPlace, logInPlace, sinCosInPlace } from '../../../../src/std/det-math';
import { SincInterpolator, type SincKernel } from '../../../../src/dsp/sinc-interpolator';
import { StreamRead } from '../../../../src/dsp/wasm/stream-read';
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

/**
 * The stream read as stretch-kernels.wat defines it, in plain TypeScript: each kernel row summed
 * in single precision in eight accumulators (tap j into j mod 8; rows padded with zero taps to a
 * multiple of 8, frames outside the planes read as 0), accumulators m and m + 4 added, then
 * (0 + 1) + (2 + 3); the two rows blended in double.
 */
function readAt(plane: Float32Array, kernel: SincKernel, position: number, unitStep: boolean): number {
  const { halfTaps, phases, rows } = kernel;
  const taps = 2 * halfTaps;
  const base = Math.floor(position);
  if (unitStep && position === base) return position >= 0 && position < plane.length ? (plane[position] as number) : 0;
  if (!(position > -halfTaps && position < plane.length + halfTaps)) return 0;
  const phase = (position - base) * phases;
  const row = phase | 0;
  const weight = phase - row;
  const first = base - halfTaps + 1;
  const sumOfRow = (r: number): number => {
    const sums = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < Math.ceil(taps / 8) * 8; j++) {
      const tap = j < taps ? (rows[r * taps + j] as number) : 0;
      const value = plane[first + j] ?? 0;
      sums[j % 8] = Math.fround((sums[j % 8] as number) + Math.fround(value * tap));
    }
    const [l0, l1, l2, l3] = [0, 1, 2, 3].map((m) => Math.fround((sums[m] as number) + (sums[m + 4] as number))) as [number, number, number, number];
    return Math.fround(Math.fround(l0 + l1) + Math.fround(l2 + l3));
  };
  const a = sumOfRow(row);
  const b = sumOfRow(row + 1);
  return a + weight * (b - a);
}

describe('stretch kernels (WebAssembly SIMD) against the TypeScript they stand for', () => {
  it.each([2, 4, 8, 16, 32, 64, 256, 1024, 2048, 4096, 8192])('FFT of size %d, forward and inverse, stage by stage: the same bits as FftPlan', (size) => {
    const plan = new FftPlan(size);
    const kernels = new StretchKernels(plan, 16);
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

  it.each([256, 2048, 4096])('summed spectrum and turn of size %d: the same bits as the vocoder\'s TypeScript loops', (size) => {
    const bins = size / 2 + 1;
    const kernels = new StretchKernels(new FftPlan(size), 16);
    const re = noise(size, 11);
    const im = noise(size, 12);
    kernels.re.set(re);
    kernels.im.set(im);
    // The summed spectrum, as PhaseVocoder.sumSpectrum did it.
    const sumRe = new Float64Array(bins);
    const sumIm = new Float64Array(bins);
    const magnitude = new Float64Array(bins);
    let loudest = 0;
    for (let k = 0; k < bins; k++) {
      const n = (size - k) & (size - 1);
      const [xr, xi, yr, yi] = [re[k], im[k], re[n], im[n]] as [number, number, number, number];
      const sr = 0.5 * (xr + yr) + 0.5 * (xi + yi);
      const si = 0.5 * (xi - yi) - 0.5 * (xr - yr);
      sumRe[k] = sr;
      sumIm[k] = si;
      magnitude[k] = sr * sr + si * si;
      if ((magnitude[k] as number) > loudest) loudest = magnitude[k] as number;
    }
    kernels.sumSpectrum(1);
    expect(firstDifference(kernels.sumRe[1], sumRe)).toBe(-1);
    expect(firstDifference(kernels.sumIm[1], sumIm)).toBe(-1);
    expect(firstDifference(kernels.magnitude, magnitude)).toBe(-1);
    expect(kernels.loudest[0]).toBe(loudest);
    expect(kernels.sumRe[0].every((value) => value === 0)).toBe(true);
    // The turn, as PhaseVocoder.rotate did it.
    const angles = noise(bins, 13);
    for (let k = 0; k < bins; k++) {
      kernels.turnCos[k] = Math.cos(3 * (angles[k] as number));
      kernels.turnSin[k] = Math.sin(3 * (angles[k] as number));
    }
    for (let k = 0; k < bins; k++) {
      const n = (size - k) & (size - 1);
      const [xr, xi, yr, yi] = [re[k], im[k], re[n], im[n]] as [number, number, number, number];
      const lr = 0.5 * (xr + yr);
      const li = 0.5 * (xi - yi);
      const rr = 0.5 * (xi + yi);
      const ri = -0.5 * (xr - yr);
      if (n === k) {
        re[k] = lr;
        im[k] = rr;
        continue;
      }
      const c = kernels.turnCos[k] as number;
      const s = kernels.turnSin[k] as number;
      const lr2 = lr * c - li * s;
      const li2 = lr * s + li * c;
      const rr2 = rr * c - ri * s;
      const ri2 = rr * s + ri * c;
      re[k] = lr2 - ri2;
      im[k] = li2 + rr2;
      re[n] = lr2 + ri2;
      im[n] = rr2 - li2;
    }
    kernels.rotate();
    expect(firstDifference(kernels.re, re)).toBe(-1);
    expect(firstDifference(kernels.im, im)).toBe(-1);
  });

  it.each([
    ['inside the planes', 300],
    ['cut at their start', -700],
    ['cut at their end', 3000],
  ])('overlap-add of a grain %s: the same bits as a loop over Float32Arrays', (_name, first) => {
    const size = 2048;
    const frames = 4000;
    const kernels = new StretchKernels(new FftPlan(size), frames);
    kernels.re.set(noise(size, 6));
    kernels.im.set(noise(size, 7));
    kernels.window.set(noise(size, 8));
    kernels.yLeft.set(noise(frames, 9));
    kernels.yRight.set(noise(frames, 10));
    const left = Float32Array.from(kernels.yLeft);
    const right = Float32Array.from(kernels.yRight);
    for (let i = Math.max(0, -first); i < Math.min(size, frames - first); i++) {
      left[first + i] = (left[first + i] as number) + (kernels.re[i] as number) * (kernels.window[i] as number);
      right[first + i] = (right[first + i] as number) + (kernels.im[i] as number) * (kernels.window[i] as number);
    }
    kernels.overlapAdd(first);
    expect(firstDifference(Float64Array.from(kernels.yLeft), Float64Array.from(left))).toBe(-1);
    expect(firstDifference(Float64Array.from(kernels.yRight), Float64Array.from(right))).toBe(-1);
  });

  it.each([
    ['step 1 (whole positions copy, others read)', 1],
    ['a pitch up (+3 st: the stretched kernel)', 2 ** (3 / 12)],
    ['a pitch down (−5 st)', 2 ** (-5 / 12)],
  ])('stereo read at %s: the bits its definition gives, edges, NaN and tap counts not a multiple of 4 included; within 1e-6 of gatherStereo', (_name, step) => {
    const frames = 700;
    const rate = reader.rateFor(step);
    const kernels = new StreamRead(reader.kernelFor(rate), frames + 40, 128);
    const planeLeft = Float32Array.from(noise(frames, 3));
    const planeRight = Float32Array.from(noise(frames, 4));
    kernels.left.set(planeLeft);
    kernels.right.set(planeRight);
    // Past `frames` the window holds values the read must not see.
    kernels.left.fill(Number.NaN, frames);
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
    reader.gatherStereo(planeLeft, planeRight, kernels.positions, 0, 128, rate, left, right);
    kernels.read(128, frames, step === 1);
    const kernel = reader.kernelFor(rate);
    const expectedLeft = Float64Array.from(kernels.positions, (position) => readAt(planeLeft, kernel, position, step === 1));
    const expectedRight = Float64Array.from(kernels.positions, (position) => readAt(planeRight, kernel, position, step === 1));
    expect(firstDifference(kernels.outLeft, expectedLeft)).toBe(-1);
    expect(firstDifference(kernels.outRight, expectedRight)).toBe(-1);
    // The double-precision read it stands for, to single-precision rounding.
    for (let i = 0; i < 128; i++) {
      expect(Math.abs((kernels.outLeft[i] as number) - (left[i] as number))).toBeLessThan(1e-6);
      expect(Math.abs((kernels.outRight[i] as number) - (right[i] as number))).toBeLessThan(1e-6);
    }
    expect(left.some((value) => value !== 0)).toBe(true);
  });

  it.each([256, 2048, 4096])('peak search of size %d: the bins the vocoder\'s TypeScript rule finds, ties, NaN and the floor included', (size) => {
    const bins = size / 2 + 1;
    const kernels = new StretchKernels(new FftPlan(size), 16);
    const values = noise(bins, 21);
    const magnitude = kernels.magnitude;
    // Powers in [0, 1) with plateaus (ties on either side of a bin), a NaN and some zeros.
    for (let k = 0; k < bins; k++) magnitude[k] = k % 17 === 5 ? (magnitude[k - 1] as number) : Math.abs(values[k] as number);
    magnitude[40] = Number.NaN;
    magnitude.fill(0, 60, 70);
    for (const floor of [0, 0.3, 0.9, Number.NaN]) {
      const expected: number[] = [];
      for (let k = 2; k < bins - 2; k++) {
        const m = magnitude[k] as number;
        if (m > floor && m > (magnitude[k - 1] as number) && m >= (magnitude[k + 1] as number) && m > (magnitude[k - 2] as number) && m >= (magnitude[k + 2] as number)) expected.push(k);
      }
      const count = kernels.findPeaks(floor);
      expect(Array.from(kernels.peaks.subarray(0, count))).toEqual(expected);
      if (floor === 0) expect(count).toBeGreaterThan(bins / 8);
    }
  });

  it('atan2 and log of the peaks: the bits of det-math, its special cases (zeros, ±0, infinities, NaN, extreme ratios, subnormals) and an odd count included', () => {
    const kernels = new StretchKernels(new FftPlan(2048), 16);
    const bins = 1025;
    const count = bins - 2;
    const magnitudes = noise(bins, 31);
    const signs = noise(bins, 32);
    // Values over many octaves with either sign, each range of the reduction (ratios about ½, 1, 3⁄2, ∞).
    const spread = (i: number, seed: number): number => {
      const m = magnitudes[(i * seed) % bins] as number;
      return Math.sign((signs[(i * 7 + seed) % bins] as number) + 1e-9) * Math.abs(m) * 2 ** (((i * seed) % 61) - 30);
    };
    const special = [0, -0, Infinity, -Infinity, Number.NaN, 1e-310, -1e-310, 1e300, 1e-300, 3e-9];
    for (const span of [false, true]) {
      const ys = span ? kernels.spanY : kernels.advanceY;
      const xs = span ? kernels.spanX : kernels.advanceX;
      for (let i = 0; i < bins; i++) {
        ys[i] = i < 100 ? (special[i % special.length] as number) : spread(i, 3);
        xs[i] = i < 100 ? (special[Math.floor(i / special.length)] as number) : spread(i, 5);
      }
      // Ratios at the reduction's thresholds and beside them.
      for (const [i, ratio] of [0.4375, 0.6875, 1.1875, 2.4375, 3.725290298461914e-9, 1.152921504606847e18, 7.378697629483821e19].entries()) {
        ys[100 + 2 * i] = ratio;
        xs[100 + 2 * i] = 1;
        ys[101 + 2 * i] = -ratio * (1 + 2 ** -52);
        xs[101 + 2 * i] = -1;
      }
      const expected = Float64Array.from(ys);
      atan2InPlace(expected, xs, 0, count);
      kernels.atan2(count, span);
      expect(firstDifference(ys.subarray(0, count), expected.subarray(0, count))).toBe(-1);
    }
    for (const values of [kernels.logBelow, kernels.logAbove]) {
      for (let i = 0; i < bins; i++) values[i] = i < 100 ? (special[i % special.length] as number) * (i % 3 === 0 ? 1 : 7.5) : Math.abs(spread(i, values === kernels.logBelow ? 3 : 5));
      values[100] = 2 ** 1023;
      values[101] = 2 ** -1022;
      values[102] = Math.SQRT2;
      values[103] = Math.SQRT1_2;
      values[104] = 1;
    }
    const below = Float64Array.from(kernels.logBelow);
    const above = Float64Array.from(kernels.logAbove);
    logInPlace(below, 0, count);
    logInPlace(above, 0, count);
    kernels.logRatios(count);
    expect(firstDifference(kernels.logBelow.subarray(0, count), below.subarray(0, count))).toBe(-1);
    expect(firstDifference(kernels.logAbove.subarray(0, count), above.subarray(0, count))).toBe(-1);
  });

  it('sine and cosine of the peaks\' rotations: the bits of det-math\'s sinCosInPlace, over odd ranges that leave their neighbours alone, special cases included', () => {
    const kernels = new StretchKernels(new FftPlan(2048), 16);
    const bins = 1025;
    const angles = noise(bins, 41);
    const { peakSin, peakCos } = kernels;
    for (let i = 0; i < bins; i++) peakSin[i] = i % 3 === 0 ? Math.PI * (angles[i] as number) : 40 * (angles[i] as number) * 2 ** -(i % 40);
    // Tiny, infinite and NaN arguments; near and at multiples of π/2 (the reduction cancels); halfway between quarters (Math.round's ties).
    const special = [0, -0, 1e-9, -7.450580596923828e-9, Infinity, -Infinity, Number.NaN, Math.PI / 2, -Math.PI, Math.PI, 3 * Math.PI / 2 + 1e-12, Math.PI / 4, -Math.PI / 4, 0.75 * Math.PI, -0.75 * Math.PI, 1e300];
    peakSin.set(special, 200);
    const expectedSin = Float64Array.from(peakSin);
    const expectedCos = new Float64Array(bins);
    sinCosInPlace(expectedSin, expectedCos, 0, 1021);
    peakCos.fill(7);
    const split = 511;
    const argumentAtSplit = peakSin[split];
    kernels.sinCos(0, split);
    // The next range is untouched until its own call.
    expect(peakSin[split]).toBe(argumentAtSplit);
    expect(peakCos[split]).toBe(7);
    kernels.sinCos(split, 1021);
    expect(firstDifference(peakSin.subarray(0, 1021), expectedSin.subarray(0, 1021))).toBe(-1);
    expect(firstDifference(peakCos.subarray(0, 1021), expectedCos.subarray(0, 1021))).toBe(-1);
    expect(peakCos[1021]).toBe(7);
  });

  it.each([
    ['continuing from the previous grain', true, false, false],
    ['at an anchor, refined over the span', true, true, true],
    ['at an anchor without a previous grain', false, true, true],
    ['at the first anchor', false, true, false],
  ])('rotations of the peaks %s: the bits of the vocoder\'s TypeScript loop, odd halves, flat arms, ties of the wrap and −0 included', (_name, withPrevious, anchored, withAnchor) => {
    const size = 2048;
    const bins = size / 2 + 1;
    const hop = size / 4;
    const kernels = new StretchKernels(new FftPlan(size), 16);
    const count = 301;
    const random = noise(6 * bins, 51);
    for (let p = 0; p < bins; p++) kernels.peaks[p] = 2 + ((p * 3 + (p % 2)) % (bins - 4));
    for (let p = 0; p < count; p++) {
      // Log ratios ≤ 0, some flat (a zero denominator) or rising; angles in (−π, π], some −0 and exact halves of a turn.
      kernels.logBelow[p] = p % 29 === 0 ? 0 : -8 * Math.abs(random[p] as number) + (p % 31 === 0 ? 9 : 0);
      kernels.logAbove[p] = p % 37 === 0 ? 0 : -8 * Math.abs(random[bins + p] as number);
      kernels.advanceY[p] = p % 41 === 0 ? -0 : Math.PI * (random[2 * bins + p] as number);
      kernels.spanY[p] = p % 43 === 0 ? Math.PI : Math.PI * (random[3 * bins + p] as number);
    }
    for (let k = 0; k < bins; k++) kernels.theta[1][k] = k % 47 === 0 ? -0 : Math.PI * (random[4 * bins + k] as number);
    // Bin 0 with flat arms and an advance of −0 (not a peak the search finds, but it wraps −0: Math.round(−0) is −0).
    kernels.peaks[5] = 0;
    kernels.logBelow[5] = 0;
    kernels.logAbove[5] = 0;
    kernels.advanceY[5] = -0;
    const analysisHop = 427;
    const span = 16 * 427 + 5;
    const displacement = 2900 - 9 * hop;
    const principal = (angle: number): number => angle - 2 * Math.PI * Math.round(angle / (2 * Math.PI));
    const expected = new Float64Array(count);
    for (let p = 0; p < count; p++) {
      const k = kernels.peaks[p] as number;
      const below = kernels.logBelow[p] as number;
      const above = kernels.logAbove[p] as number;
      const denominator = below + above;
      const offset = (0.5 * (below - above)) / (denominator < 0 ? denominator : -Infinity);
      let omega = (2 * Math.PI * (k + offset)) / size;
      const advance = kernels.advanceY[p] as number;
      if (withPrevious) omega += principal(advance - omega * analysisHop) / analysisHop;
      let rotation: number;
      if (anchored) {
        if (withAnchor) {
          const refined = omega + principal((kernels.spanY[p] as number) - omega * span) / span;
          if (Math.abs(refined - omega) < 2e-6) omega = refined;
        }
        rotation = principal(omega * displacement);
      } else rotation = principal((kernels.theta[1][k] as number) + omega * hop - advance);
      expected[p] = rotation;
    }
    kernels.peakCos.fill(7);
    const half = count >> 1;
    kernels.rotations(0, half, 1, analysisHop, span, displacement, withPrevious, anchored, withAnchor);
    expect(kernels.peakCos[half]).toBe(7);
    kernels.rotations(half, count, 1, analysisHop, span, displacement, withPrevious, anchored, withAnchor);
    expect(firstDifference(kernels.peakCos.subarray(0, count), expected)).toBe(-1);
    expect(firstDifference(kernels.peakSin.subarray(0, count), expected)).toBe(-1);
    expect(kernels.peakCos[count]).toBe(7);
  });

  it('the checked-in module is what stretch-kernels.wat builds (npm run build:wasm)', () => {
    expect(() => execFileSync(process.execPath, ['electron/build-wasm.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
