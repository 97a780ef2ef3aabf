import { cos, sin } from '../std/det-math';

/**
 * Complex FFT, decimation in time over bit-reversed input: radix-4 stages (two radix-2 passes
 * fused, so each element is loaded and stored half as often and a quarter of the twiddle
 * products fall away), after one radix-2 stage when log2(size) is odd. Twiddles are tabulated
 * per stage, contiguous and in the order the butterflies read them, and the bit-reversal as a
 * list of swaps, once per size.
 *
 * `FftPlan` can run a transform in parts (`begin`, then `passes` a few stages at a time) so a
 * caller on the audio thread can spread one transform over several blocks; `forward` and
 * `inverse` run it whole. Allocation-free after construction; deterministic (the same tables and
 * operation order in every host).
 */
export class FftPlan {
  readonly size: number;
  /** Stages of a whole transform: ⌈log2(size) / 2⌉ (the first one radix-2 when log2(size) is odd). */
  readonly passCount: number;
  /** Whether stage 0 is a radix-2 stage (log2(size) odd). */
  readonly radix2First: boolean;
  /**
   * Per radix-4 stage with quarter block h (4h-point butterflies), at `offsets[stage]`: for
   * k < h the twiddles W^k, W^2k, W^3k of W = e^{−2πi/4h}, interleaved as
   * [cos k, −sin k, cos 2k, −sin 2k, cos 3k, −sin 3k]; `conjugates` holds them with the sines'
   * signs turned, for the inverse.
   */
  readonly twiddles: Float64Array;
  readonly conjugates: Float64Array;
  /**
   * `reversed[i]`: i with its log2(size) bits reversed, the place input i takes when `begin`
   * has run (so a caller can write its input there and skip `begin`).
   */
  readonly reversed: Uint32Array;
  /** Where each radix-4 stage's twiddles start in `twiddles` and `conjugates`. */
  readonly offsets: Int32Array;
  /** The bit-reversal as index pairs to swap. */
  readonly swaps: Uint32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) throw new RangeError(`FFT size ${size} is not a power of two ≥ 2`);
    this.size = size;
    const bits = 31 - Math.clz32(size);
    this.radix2First = bits % 2 === 1;
    this.passCount = (bits + 1) >> 1;
    this.offsets = new Int32Array(this.passCount);
    let total = 0;
    for (let stage = this.radix2First ? 1 : 0, h = this.radix2First ? 2 : 1; stage < this.passCount; stage++, h <<= 2) {
      this.offsets[stage] = total;
      total += 6 * h;
    }
    this.twiddles = new Float64Array(total);
    for (let stage = this.radix2First ? 1 : 0, h = this.radix2First ? 2 : 1; stage < this.passCount; stage++, h <<= 2) {
      const base = this.offsets[stage] as number;
      for (let k = 0; k < h; k++) {
        for (let m = 1; m <= 3; m++) {
          const angle = (2 * Math.PI * m * k) / (4 * h);
          this.twiddles[base + 6 * k + 2 * (m - 1)] = cos(angle);
          this.twiddles[base + 6 * k + 2 * (m - 1) + 1] = -sin(angle);
        }
      }
    }
    this.conjugates = this.twiddles.map((value, i) => (i % 2 === 1 ? -value : value));
    const swaps: number[] = [];
    this.reversed = new Uint32Array(size);
    for (let i = 1, j = 0; i < size; i++) {
      let bit = size >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      this.reversed[i] = j;
      if (i < j) swaps.push(i, j);
    }
    this.swaps = Uint32Array.from(swaps);
  }

  /** In-place forward transform (e^{−iωt} kernel, unscaled). */
  forward(re: Float64Array, im: Float64Array): void {
    this.begin(re, im);
    this.passes(re, im, 0, this.passCount, false);
  }

  /** In-place inverse transform, scaled by 1/size so `inverse(forward(x)) = x`. */
  inverse(re: Float64Array, im: Float64Array): void {
    this.begin(re, im);
    this.passes(re, im, 0, this.passCount, true);
    const scale = 1 / this.size;
    for (let i = 0; i < this.size; i++) {
      re[i] = (re[i] as number) * scale;
      im[i] = (im[i] as number) * scale;
    }
  }

  /** The bit-reversal permutation that starts every transform. */
  begin(re: Float64Array, im: Float64Array): void {
    const swaps = this.swaps;
    for (let s = 0; s < swaps.length; s += 2) {
      const i = swaps[s] as number;
      const j = swaps[s + 1] as number;
      const r = re[i] as number;
      re[i] = re[j] as number;
      re[j] = r;
      const m = im[i] as number;
      im[i] = im[j] as number;
      im[j] = m;
    }
  }

  /**
   * Stages [from, to) of a transform begun with `begin`. `inverse` conjugates the twiddles; the
   * 1/size scale is the caller's.
   */
  passes(re: Float64Array, im: Float64Array, from: number, to: number, inverse: boolean): void {
    for (let stage = from; stage < to; stage++) {
      if (stage === 0 && this.radix2First) radix2(re, im, this.size);
      else {
        const h = this.quarterOf(stage);
        radix4(re, im, this.size, inverse ? this.conjugates : this.twiddles, this.offsets[stage] as number, h, inverse ? 3 * h : h, inverse ? h : 3 * h);
      }
    }
  }

  /** The quarter block h of radix-4 stage `stage` (its butterflies span 4h points). */
  quarterOf(stage: number): number {
    return this.radix2First ? 2 << (2 * (stage - 1)) : 1 << (2 * stage);
  }
}

/** The first stage of an odd-log2 size: 2-point sums and differences (twiddle 1). */
function radix2(re: Float64Array, im: Float64Array, n: number): void {
  for (let a = 0; a < n; a += 2) {
    const br = re[a + 1] as number;
    const bi = im[a + 1] as number;
    const ar = re[a] as number;
    const ai = im[a] as number;
    re[a + 1] = ar - br;
    im[a + 1] = ai - bi;
    re[a] = ar + br;
    im[a] = ai + bi;
  }
}

/**
 * One radix-4 stage: blocks of 4h whose quarters A, B, C, D (in bit-reversed order) hold the
 * transforms of their sub-sequences become the 4h-point transform:
 * X[k] = (A + W²ᵏB) + (WᵏC + W³ᵏD), X[k + 2h] = (A + W²ᵏB) − (WᵏC + W³ᵏD),
 * X[k + h] = (A − W²ᵏB) − i(WᵏC − W³ᵏD), X[k + 3h] = (A − W²ᵏB) + i(WᵏC − W³ᵏD) forward.
 * The inverse conjugates every twiddle (the `conjugates` table) and turns −i into +i, which is
 * the forward's two last outputs trading places: `minusAt` and `plusAt` say where, after k, the
 * −i and the +i output go (h and 3h forward, 3h and h inverse). No sign is multiplied in, so
 * each output is the very sum the signed form made.
 */
function radix4(re: Float64Array, im: Float64Array, n: number, twiddles: Float64Array, offset: number, h: number, minusAt: number, plusAt: number): void {
  const size = 4 * h;
  for (let start = 0; start < n; start += size) {
    for (let k = 0, t = offset; k < h; k++, t += 6) {
      const w1r = twiddles[t] as number;
      const w1i = twiddles[t + 1] as number;
      const w2r = twiddles[t + 2] as number;
      const w2i = twiddles[t + 3] as number;
      const w3r = twiddles[t + 4] as number;
      const w3i = twiddles[t + 5] as number;
      const a = start + k;
      const b = a + h;
      const c = b + h;
      const d = c + h;
      const ar = re[a] as number;
      const ai = im[a] as number;
      const xr = re[b] as number;
      const xi = im[b] as number;
      // W²ᵏ·B, Wᵏ·C, W³ᵏ·D
      const br = xr * w2r - xi * w2i;
      const bi = xr * w2i + xi * w2r;
      const yr = re[c] as number;
      const yi = im[c] as number;
      const cr = yr * w1r - yi * w1i;
      const ci = yr * w1i + yi * w1r;
      const zr = re[d] as number;
      const zi = im[d] as number;
      const dr = zr * w3r - zi * w3i;
      const di = zr * w3i + zi * w3r;
      const sumR = ar + br;
      const sumI = ai + bi;
      const diffR = ar - br;
      const diffI = ai - bi;
      const highR = cr + dr;
      const highI = ci + di;
      const turnR = cr - dr;
      const turnI = ci - di;
      re[a] = sumR + highR;
      im[a] = sumI + highI;
      re[c] = sumR - highR;
      im[c] = sumI - highI;
      // −i·(turn) = turnI − i·turnR; +i·(turn) = −turnI + i·turnR.
      const minus = a + minusAt;
      const plus = a + plusAt;
      re[minus] = diffR + turnI;
      im[minus] = diffI - turnR;
      re[plus] = diffR - turnI;
      im[plus] = diffI + turnR;
    }
  }
}

const plans = new Map<number, FftPlan>();

/** In-place forward FFT; `re.length` must be a power of two (a plan per size is kept). */
export function fft(re: Float64Array, im: Float64Array): void {
  let plan = plans.get(re.length);
  if (!plan) {
    plan = new FftPlan(re.length);
    plans.set(re.length, plan);
  }
  plan.forward(re, im);
}
