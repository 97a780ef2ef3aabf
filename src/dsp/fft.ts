/**
 * Radix-2 complex FFT with its twiddles and bit-reversal tabulated once per size.
 *
 * `FftPlan` can run a transform in parts (`begin`, then `passes` a few butterfly passes at a time)
 * so a caller on the audio thread can spread one transform over several blocks; `forward` and
 * `inverse` run it whole. Allocation-free after construction; deterministic (the same tables and
 * operation order in every host).
 */
export class FftPlan {
  readonly size: number;
  /** Butterfly passes of a whole transform: log2(size). */
  readonly passCount: number;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly swaps: Uint32Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) throw new RangeError(`FFT size ${size} is not a power of two ≥ 2`);
    this.size = size;
    this.passCount = Math.round(Math.log2(size));
    // Twiddles per pass, contiguous: pass p (half = 2^p) reads cos/sin[half − 1 + k], k < half.
    this.cos = new Float64Array(size);
    this.sin = new Float64Array(size);
    for (let half = 1; half < size; half <<= 1) {
      for (let k = 0; k < half; k++) {
        this.cos[half - 1 + k] = Math.cos((Math.PI * k) / half);
        this.sin[half - 1 + k] = -Math.sin((Math.PI * k) / half);
      }
    }
    const swaps: number[] = [];
    for (let i = 1, j = 0; i < size; i++) {
      let bit = size >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
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
   * Butterfly passes [from, to) of a transform begun with `begin` (pass p combines blocks of
   * 2^(p+1)). `inverse` conjugates the twiddles; the 1/size scale is the caller's.
   */
  passes(re: Float64Array, im: Float64Array, from: number, to: number, inverse: boolean): void {
    const n = this.size;
    const cos = this.cos;
    const sin = this.sin;
    const sign = inverse ? -1 : 1;
    for (let p = from; p < to; p++) {
      const half = 1 << p;
      const size = half << 1;
      if (p === 0) {
        // Twiddle 1: sums and differences.
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
        continue;
      }
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = cos[half - 1 + k] as number;
          const wi = sign * (sin[half - 1 + k] as number);
          const a = start + k;
          const b = a + half;
          const br = re[b] as number;
          const bi = im[b] as number;
          const tr = br * wr - bi * wi;
          const ti = br * wi + bi * wr;
          const ar = re[a] as number;
          const ai = im[a] as number;
          re[b] = ar - tr;
          im[b] = ai - ti;
          re[a] = ar + tr;
          im[a] = ai + ti;
        }
      }
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
