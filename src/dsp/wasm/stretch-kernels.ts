import { atan2InPlace, logInPlace, sinCosInPlace } from '../../std/det-math';
import type { FftPlan } from '../fft';
import { type KernelExports, kernelInstance } from './stretch-instance';
import { Layout } from './wasm-module';

/**
 * The phase vocoder's FFT stages, summed spectrum, peak search, regions, turn of the spectrum and overlap-add, run by `stretch-kernels.wat` (WebAssembly with
 * 128-bit SIMD, nothing relaxed, no fused multiply-add) over arrays that live in its memory, so
 * the worklet and Node compute the same bits. The FFT's lanes do the operations of
 * `FftPlan.begin`/`passes` in the same order (bit-identical to it), as do the others of the
 * TypeScript loops they replaced (tests/unit/dsp/wasm compares them). Why WebAssembly: V8 runs
 * these loops scalar with a bounds check per access (see the stretch README for the measured load).
 *
 * Each instance has its own memory, laid out once: re, im and the synthesis window (`size` f64
 * each), the twiddles of every radix-4 stage and their conjugates (per pair of butterflies k,
 * k + 1, six f64x2: W^k, W^2k, W^3k as cos, −sin), the bit-reversal swaps, the stretched
 * stream's planes (f32), and per bin (size/2 + 1, f64) two summed spectra (re, im: the current
 * grain's and the previous one's, which trade places), the power, the peaks' bins (i32), the turn's cosine and sine; per peak two values, per bin two region rotations. The views below are those arrays: callers write and read them in place.
 * Allocation-free after construction.
 */
export class StretchKernels {
  readonly re: Float64Array;
  readonly im: Float64Array;
  /** The synthesis window `overlapAdd` applies (f64, the FFT's size); the caller fills it. */
  readonly window: Float64Array;
  readonly yLeft: Float32Array;
  readonly yRight: Float32Array;
  /** Summed spectra (re and im) 0 and 1: `sumSpectrum(into)` writes one. */
  readonly sumRe: readonly [Float64Array, Float64Array];
  readonly sumIm: readonly [Float64Array, Float64Array];
  /** Power per bin (`sumSpectrum`) and the loudest of them at [0]. */
  readonly magnitude: Float64Array;
  readonly loudest: Float64Array;
  /** The peaks' bins `findPeaks` found, in increasing order. */
  readonly peaks: Int32Array;
  /** Per bin, the cosine and sine `rotate` turns it by (`fillTurns`). */
  readonly turnCos: Float64Array;
  readonly turnSin: Float64Array;
  /** Per peak (in `peaks`' order): a value each, spread over its region by `fillTurns`/`fillTheta`. */
  readonly peakCos: Float64Array;
  readonly peakSin: Float64Array;
  /** Per bin, two region rotations (`fillTheta(count, into)` writes one). */
  readonly theta: readonly [Float64Array, Float64Array];
  /** Per peak, the y and x whose angle `atan2` takes, in place of y: the advance since the previous grain and since the anchor. */
  readonly advanceY: Float64Array;
  readonly advanceX: Float64Array;
  readonly spanY: Float64Array;
  readonly spanX: Float64Array;
  /** Per peak, the two magnitude ratios whose log `logRatios` takes, in place. */
  readonly logBelow: Float64Array;
  readonly logAbove: Float64Array;
  private readonly exports: KernelExports;
  private readonly plan: FftPlan;
  /** Byte addresses in the memory. */
  private readonly reAt: number;
  private readonly imAt: number;
  private readonly windowAt: number;
  private readonly swapsAt: number;
  private readonly yLeftAt: number;
  private readonly yRightAt: number;
  private readonly sumReAt: Int32Array;
  private readonly sumImAt: Int32Array;
  private readonly magnitudeAt: number;
  private readonly loudestAt: number;
  private readonly peaksAt: number;
  private readonly turnCosAt: number;
  private readonly turnSinAt: number;
  private readonly peakCosAt: number;
  private readonly peakSinAt: number;
  private readonly thetaAt: Int32Array;
  private readonly advanceYAt: number;
  private readonly advanceXAt: number;
  private readonly spanYAt: number;
  private readonly spanXAt: number;
  private readonly logBelowAt: number;
  private readonly logAboveAt: number;
  /** Which entries the last `atan2`/`log` left to det-math (i32). */
  private readonly specialsAt: number;
  private readonly specials: Int32Array;
  /** Per stage: where its twiddles and its conjugates start. */
  private readonly twiddlesAt: Int32Array;
  private readonly conjugatesAt: Int32Array;

  constructor(plan: FftPlan, streamFrames: number) {
    const size = plan.size;
    const layout = new Layout();
    this.reAt = layout.take(8 * size);
    this.imAt = layout.take(8 * size);
    this.windowAt = layout.take(8 * size);
    this.twiddlesAt = new Int32Array(plan.passCount);
    this.conjugatesAt = new Int32Array(plan.passCount);
    for (let stage = plan.radix2First ? 1 : 0; stage < plan.passCount; stage++) {
      const bytes = 8 * 6 * plan.quarterOf(stage);
      this.twiddlesAt[stage] = layout.take(bytes);
      this.conjugatesAt[stage] = layout.take(bytes);
    }
    this.swapsAt = layout.take(4 * plan.swaps.length);
    this.yLeftAt = layout.take(4 * streamFrames);
    this.yRightAt = layout.take(4 * streamFrames);
    const bins = size / 2 + 1;
    this.sumReAt = Int32Array.of(layout.take(8 * bins), layout.take(8 * bins));
    this.sumImAt = Int32Array.of(layout.take(8 * bins), layout.take(8 * bins));
    this.magnitudeAt = layout.take(8 * bins);
    this.loudestAt = layout.take(8);
    this.peaksAt = layout.take(4 * bins);
    this.turnCosAt = layout.take(8 * bins);
    this.turnSinAt = layout.take(8 * bins);
    this.peakCosAt = layout.take(8 * bins);
    this.peakSinAt = layout.take(8 * bins);
    this.thetaAt = Int32Array.of(layout.take(8 * bins), layout.take(8 * bins));
    this.advanceYAt = layout.take(8 * bins);
    this.advanceXAt = layout.take(8 * bins);
    this.spanYAt = layout.take(8 * bins);
    this.spanXAt = layout.take(8 * bins);
    this.logBelowAt = layout.take(8 * bins);
    this.logAboveAt = layout.take(8 * bins);
    this.specialsAt = layout.take(4 * bins);
    const { exports, buffer } = kernelInstance(layout);
    this.exports = exports;
    this.re = new Float64Array(buffer, this.reAt, size);
    this.im = new Float64Array(buffer, this.imAt, size);
    this.window = new Float64Array(buffer, this.windowAt, size);
    this.yLeft = new Float32Array(buffer, this.yLeftAt, streamFrames);
    this.yRight = new Float32Array(buffer, this.yRightAt, streamFrames);
    const view = (at: number | undefined, length: number) => new Float64Array(buffer, at, length);
    this.sumRe = [view(this.sumReAt[0], bins), view(this.sumReAt[1], bins)];
    this.sumIm = [view(this.sumImAt[0], bins), view(this.sumImAt[1], bins)];
    this.magnitude = view(this.magnitudeAt, bins);
    this.loudest = view(this.loudestAt, 1);
    this.peaks = new Int32Array(buffer, this.peaksAt, bins);
    this.turnCos = view(this.turnCosAt, bins);
    this.turnSin = view(this.turnSinAt, bins);
    this.peakCos = view(this.peakCosAt, bins);
    this.peakSin = view(this.peakSinAt, bins);
    this.theta = [view(this.thetaAt[0], bins), view(this.thetaAt[1], bins)];
    this.advanceY = view(this.advanceYAt, bins);
    this.advanceX = view(this.advanceXAt, bins);
    this.spanY = view(this.spanYAt, bins);
    this.spanX = view(this.spanXAt, bins);
    this.logBelow = view(this.logBelowAt, bins);
    this.logAbove = view(this.logAboveAt, bins);
    this.specials = new Int32Array(buffer, this.specialsAt, bins);
    for (let stage = plan.radix2First ? 1 : 0; stage < plan.passCount; stage++) {
      const h = plan.quarterOf(stage);
      const from = plan.offsets[stage] as number;
      lanesInto(new Float64Array(buffer, this.twiddlesAt[stage], 6 * h), plan.twiddles, from, h);
      lanesInto(new Float64Array(buffer, this.conjugatesAt[stage], 6 * h), plan.conjugates, from, h);
    }
    new Uint32Array(buffer, this.swapsAt, plan.swaps.length).set(plan.swaps);
    this.plan = plan;
  }

  /** The bit-reversal permutation of re and im that starts a transform (`FftPlan.begin`). */
  begin(): void {
    this.exports.begin(this.reAt, this.imAt, this.swapsAt, this.plan.swaps.length >> 1);
  }

  /** Stages [from, to) of a transform of re and im (`FftPlan.passes`). */
  passes(from: number, to: number, inverse: boolean): void {
    const { plan, exports } = this;
    const size = plan.size;
    for (let stage = from; stage < to; stage++) {
      if (stage === 0 && plan.radix2First) {
        exports.radix2(this.reAt, this.imAt, size);
        continue;
      }
      const h = plan.quarterOf(stage);
      const twiddles = (inverse ? this.conjugatesAt[stage] : this.twiddlesAt[stage]) as number;
      const minus = inverse ? 3 * h : h;
      const plus = inverse ? h : 3 * h;
      if (h === 1) exports.radix4First(this.reAt, this.imAt, size, twiddles, minus, plus);
      else exports.radix4(this.reAt, this.imAt, size, twiddles, h, minus, plus);
    }
  }

  /**
   * The summed (left + right) spectrum of the packed transform in re and im into summed spectrum
   * `into` (0 or 1), its power per bin into `magnitude` and the loudest into `loudest[0]`.
   */
  sumSpectrum(into: number): void {
    this.exports.sumSpectrum(this.reAt, this.imAt, this.sumReAt[into] as number, this.sumImAt[into] as number, this.magnitudeAt, this.plan.size, this.loudestAt);
  }

  /**
   * The bins of `magnitude` in [2, bins − 2) above `floor`, above both bins before and at least
   * both bins after, into `peaks`; returns how many.
   */
  findPeaks(floor: number): number {
    return this.exports.findPeaks(this.magnitudeAt, this.plan.size / 2 + 1, floor, this.peaksAt);
  }

  /** Each bin's `turnCos`/`turnSin`: its region's `peakCos`/`peakSin` (regions reach midway to the next of the first `count` ≥ 1 peaks). */
  fillTurns(count: number): void {
    const bins = this.plan.size / 2 + 1;
    this.exports.fillRegions(this.peaksAt, count, this.peakCosAt, this.turnCosAt, bins);
    this.exports.fillRegions(this.peaksAt, count, this.peakSinAt, this.turnSinAt, bins);
  }

  /** Each bin of `theta[into]`: its region's `peakCos` (as `fillTurns`). */
  fillTheta(count: number, into: number): void {
    this.exports.fillRegions(this.peaksAt, count, this.peakCosAt, this.thetaAt[into] as number, this.plan.size / 2 + 1);
  }

  /**
   * `advanceY[p]` ← the angle of (`advanceX[p]`, `advanceY[p]`) for the first `count` peaks,
   * or with `span` the same of `spanY`/`spanX`: det-math's `atan2InPlace`, bit for bit (the
   * kernel does its general path two peaks at a time; zeros, infinities, NaN and extreme ratios
   * go through det-math itself).
   */
  atan2(count: number, span: boolean): void {
    const ys = span ? this.spanY : this.advanceY;
    const xs = span ? this.spanX : this.advanceX;
    const found = this.exports.atan2(span ? this.spanYAt : this.advanceYAt, span ? this.spanXAt : this.advanceXAt, count, this.specialsAt);
    for (let s = 0; s < found; s++) {
      const p = this.specials[s] as number;
      atan2InPlace(ys, xs, p, p + 1);
    }
  }

  /** `logBelow` and `logAbove` ← their natural logs for the first `count` peaks: det-math's `logInPlace`, bit for bit (as `atan2`: what is not a normal x in (0, 2^1023) goes through det-math). */
  logRatios(count: number): void {
    this.logOf(this.logBelow, this.logBelowAt, count);
    this.logOf(this.logAbove, this.logAboveAt, count);
  }

  private logOf(values: Float64Array, at: number, count: number): void {
    const found = this.exports.log(at, count, this.specialsAt);
    for (let s = 0; s < found; s++) {
      const p = this.specials[s] as number;
      logInPlace(values, p, p + 1);
    }
  }

  /**
   * Peaks [from, to): `peakSin[p]` ← sin `peakSin[p]` and `peakCos[p]` ← its cosine: det-math's
   * `sinCosInPlace`, bit for bit (as `atan2`: tiny, infinite or NaN arguments and those whose
   * first reduction by π/2 cancels go through det-math).
   */
  sinCos(from: number, to: number): void {
    const found = this.exports.sinCos(this.peakSinAt, this.peakCosAt, from, to, this.specialsAt);
    for (let s = 0; s < found; s++) {
      const p = this.specials[s] as number;
      sinCosInPlace(this.peakSin, this.peakCos, p, p + 1);
    }
  }

  /**
   * Peaks [from, to)'s rotations into `peakCos` and `peakSin` (PhaseVocoder's `rotations`, the same
   * operations per peak): ω from the log ratios (`logBelow`, `logAbove`), refined by the advance
   * (`advanceY`'s angles) over `analysisHop` source frames when `withPrevious`; at an anchor
   * refined by `spanY`'s angles over `span` frames when `withAnchor` and steady, then
   * ω·displacement (the grain's y-frame minus its source frame); else continuing from
   * `theta[previous]`. Every angle wrapped as `principal`. The peaks' bins past `to` must be bins
   * (`findPeaks` leaves only bins there).
   */
  rotations(from: number, to: number, previous: number, analysisHop: number, span: number, displacement: number, withPrevious: boolean, anchored: boolean, withAnchor: boolean): void {
    this.exports.rotations(
      this.peaksAt,
      this.logBelowAt,
      this.logAboveAt,
      this.advanceYAt,
      this.spanYAt,
      this.thetaAt[previous] as number,
      this.peakCosAt,
      this.peakSinAt,
      from,
      to,
      this.plan.size,
      analysisHop,
      span,
      displacement,
      this.plan.size / 4,
      withPrevious ? 1 : 0,
      anchored ? 1 : 0,
      withAnchor ? 1 : 0,
    );
  }

  /** Turns both channels of the packed spectrum in re and im by each bin's `turnCos`/`turnSin` and packs them again. */
  rotate(): void {
    this.exports.rotate(this.reAt, this.imAt, this.turnCosAt, this.turnSinAt, this.plan.size);
  }

  /**
   * Adds re (left) and im (right) times `window` into the stream planes from plane frame `first`
   * on (it may be negative), clipped to the planes: `plane[first + i] += re[i]·window[i]`, the sum
   * rounded to f32 as a Float32Array store rounds it.
   */
  overlapAdd(first: number): void {
    const from = first < 0 ? -first : 0;
    const to = Math.min(this.plan.size, this.yLeft.length - first);
    this.exports.overlapAdd(this.reAt, this.imAt, this.windowAt, this.yLeftAt + 4 * first, this.yRightAt + 4 * first, from, to);
  }
}

/** A stage's twiddles from the plan's order (per k: six values) into pairs of k side by side, one f64x2 per value. */
function lanesInto(into: Float64Array, table: Float64Array, from: number, h: number): void {
  if (h === 1) {
    into.set(table.subarray(from, from + 6));
    return;
  }
  for (let k = 0; k < h; k += 2) {
    for (let value = 0; value < 6; value++) {
      into[6 * k + 2 * value] = table[from + 6 * k + value] as number;
      into[6 * k + 2 * value + 1] = table[from + 6 * (k + 1) + value] as number;
    }
  }
}
