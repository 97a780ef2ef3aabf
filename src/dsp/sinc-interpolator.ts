import { sin } from '../std/det-math';
import { assert } from '../std/assert';
import { besselI0 } from './bessel';

/**
 * Band-limited interpolation with a Kaiser-windowed sinc, for varispeed and for sources whose
 * rate differs from the engine's.
 *
 * The kernel is h(x) = 2·fc·sinc(2·fc·x)·kaiser(x / halfTaps, beta) on |x| < halfTaps, x in frames
 * of the lower of the two rates. Its cutoff fc is placed so the Kaiser transition band ends right
 * at Nyquist: fc = 0.5 − Δf/2 with Δf = (A − 7.95) / (14.36 · 2·halfTaps), where A = beta / 0.1102
 * + 8.7 is the stopband attenuation beta stands for. With the defaults (halfTaps 64 = 128 taps,
 * phases 512, beta 10.3, so A ≈ 102 dB and fc ≈ 0.4744) the passband is flat to within 0.001 dB
 * up to 0.4535 of the rate (20 kHz at 44.1 kHz) and content from 0.5 of the rate up is more than
 * 100 dB down, so nothing folds back into the audible band whichever way the rate goes. Measured
 * (tests/unit/dsp): THD+N of a 1 kHz sine taken 44.1 → 48 kHz ≈ −128 dB; aliasing of a sweep
 * above 22.05 kHz taken 48 → 44.1 kHz ≤ −103 dB.
 *
 * - step ≤ 1 (upsampling, slowing down): the kernel cuts at the source's Nyquist; 2·halfTaps taps
 *   per value, read from a polyphase table (a row of all taps for each of `phases` offsets per
 *   frame; the two rows around the position are blended linearly).
 * - step > 1 (downsampling, speeding up): the kernel is stretched by `step` so it cuts at the
 *   output's Nyquist; 2·⌈halfTaps·step⌉ taps, from a polyphase table of the stretched kernel
 *   built once per stretch (rows sampled from a finely tabulated one-sided kernel; kept in a
 *   small cache and in the voice's `ReadRate`), read like the step ≤ 1 table: the per-tap
 *   table lookups and blends of a stretched read are done once, when the table is built. The
 *   stretch is capped at {@link MAX_STRETCH} = 8, so at most 16·halfTaps taps (1024 with the
 *   defaults). Above step 8 the kernel still cuts at source Nyquist / 8, so content between
 *   source Nyquist / step and source Nyquist / 8 aliases; steps that large are far outside
 *   musical varispeed and rate conversion.
 * - step === 1 at an integer position returns the source sample itself, bit for bit.
 *
 * Stateless but for its table cache (the step ≤ 1 tables are built once: ~390 KB of float32
 * with the defaults; a stretched table, ~0.3–2 MB, when a stretch is first read): valueAt
 * depends only on its arguments and accumulates in float64. Reads never allocate once their
 * `ReadRate` holds its table (`rateFor`, or after its first read).
 */
export class SincInterpolator {
  /** Taps on each side of the position at step ≤ 1. */
  readonly halfTaps: number;
  /** Kernel offsets tabulated per source frame. */
  readonly phases: number;
  /** Kaiser window shape parameter. */
  readonly beta: number;
  /** Cutoff as a fraction of the (lower) rate: −6 dB point of the kernel. */
  readonly cutoff: number;

  /** The kernel at step ≤ 1: (phases + 1) rows of 2·halfTaps taps, row k, tap j holding h(k/phases + halfTaps − 1 − j). */
  private readonly unstretched: SincKernel;
  /** h(m / phases) for m = 0 … halfTaps·phases − 1, then two zeros (the kernel's end): what stretched tables are sampled from. */
  private readonly fine: Float32Array;
  /** Stretched kernels by stretch; emptied when it grows past `KERNEL_CACHE` (voices keep theirs). */
  private readonly stretchedKernels = new Map<number, SincKernel>();
  /** One-element scratch so valueAt can share gather's code without allocating. */
  private readonly onePosition = new Float64Array(1);
  private readonly oneValue = new Float64Array(1);
  private readonly oneRate: ReadRate = { step: 1, kernel: null };

  constructor(options: { halfTaps?: number; phases?: number; beta?: number } = {}) {
    const halfTaps = options.halfTaps ?? DEFAULT_HALF_TAPS;
    const phases = options.phases ?? DEFAULT_PHASES;
    const beta = options.beta ?? DEFAULT_BETA;
    assert(Number.isInteger(halfTaps) && halfTaps >= 2 && halfTaps <= 512, `halfTaps ${halfTaps} is not a whole number in 2…512`);
    assert(Number.isInteger(phases) && phases >= 1 && phases <= 4096, `phases ${phases} is not a whole number in 1…4096`);
    assert(Number.isFinite(beta) && beta >= 0 && beta <= 40, `beta ${beta} is not in 0…40`);
    this.halfTaps = halfTaps;
    this.phases = phases;
    this.beta = beta;

    const transition = Math.min(0.5, (kaiserAttenuation(beta) - 7.95) / (14.36 * 2 * halfTaps));
    const cutoff = 0.5 - transition / 2;
    this.cutoff = cutoff;

    const windowScale = 1 / besselI0(beta);
    const kernel = (x: number): number => {
      const r = x / halfTaps;
      if (r >= 1 || r <= -1) return 0;
      const arg = 2 * cutoff * x;
      const sinc = arg === 0 ? 1 : sin(Math.PI * arg) / (Math.PI * arg);
      return 2 * cutoff * sinc * besselI0(beta * Math.sqrt(1 - r * r)) * windowScale;
    };

    const taps = 2 * halfTaps;
    const rows = new Float32Array((phases + 1) * taps);
    for (let k = 0; k <= phases; k++) {
      for (let j = 0; j < taps; j++) rows[k * taps + j] = kernel(k / phases + halfTaps - 1 - j);
    }
    this.unstretched = { stretch: 1, halfTaps, phases, rows };
    this.fine = new Float32Array(halfTaps * phases + 2);
    for (let m = 0; m < halfTaps * phases; m++) this.fine[m] = kernel(m / phases);
  }

  /**
   * Band-limited value of `source` at fractional frame index `position` (frames outside
   * [0, source.length) read as 0). `step` is how many source frames one output frame advances;
   * when step > 1 the kernel is stretched by `step` so it low-passes at the output's Nyquist
   * (anti-aliasing); when step <= 1 it low-passes at the source's Nyquist. Deterministic: the
   * result depends only on (source, position, step), never on earlier calls, so any block
   * partition of a render gives identical samples. Never allocates.
   */
  valueAt(source: Float32Array, position: number, step: number): number {
    this.onePosition[0] = position;
    this.oneRate.step = step;
    this.gather(source, this.onePosition, 0, 1, this.oneRate, this.oneValue);
    return this.oneValue[0] as number;
  }

  /**
   * `out[i] = valueAt(source, positions[i], rate.step)` for i in [from, to): the same values,
   * computed in one call so a block costs no per-sample call overhead. The step travels inside
   * an object because V8 boxes a fractional number passed as an argument, and the audio thread
   * must not allocate; callers keep one such object per voice.
   */
  gather(source: Float32Array, positions: Float64Array, from: number, to: number, rate: ReadRate, out: Float64Array): void {
    this.gatherStereo(source, source, positions, from, to, rate, out, out);
  }

  /**
   * `gather` of two planes read at the same positions (a stereo source): each kernel weight is
   * worked out once and applied to both planes, and each plane's sum is the very one `gather`
   * makes of it, bit for bit. `outLeft` and `outRight` may be the same array when the planes are.
   */
  gatherStereo(left: Float32Array, right: Float32Array, positions: Float64Array, from: number, to: number, rate: ReadRate, outLeft: Float64Array, outRight: Float64Array): void {
    this.polyphaseInto(this.kernelFor(rate), left, right, positions, from, to, rate.step === 1, outLeft, outRight);
  }

  /** The polyphase table a read at this rate goes through (the stretched one above step 1). */
  kernelFor(rate: ReadRate): SincKernel {
    const step = rate.step;
    if (step <= 1) return this.unstretched;
    let kernel = rate.kernel;
    // Math.min keeps the stretch a double: a phi of the constant and the step would box it.
    if (kernel === null || kernel.stretch !== Math.min(step, MAX_STRETCH)) {
      kernel = this.stretchedKernel(rate);
      rate.kernel = kernel;
    }
    return kernel;
  }

  /** A read rate of `step` holding its kernel table, so no read of it builds or looks one up. */
  rateFor(step: number): ReadRate {
    const rate: ReadRate = { step, kernel: null };
    if (step > 1) rate.kernel = this.stretchedKernel(rate);
    return rate;
  }

  /**
   * The polyphase table of the kernel stretched by `rate.step` (capped at MAX_STRETCH): rows for
   * `phases` + 1 offsets of 2·⌈halfTaps·stretch⌉ taps, each h(x / stretch) / stretch sampled from
   * the fine table by linear interpolation, as the stretched read did tap by tap. Built once per
   * stretch and cached (allocates: done when a voice is made, or on its first read).
   */
  private stretchedKernel(rate: ReadRate): SincKernel {
    const stretch = Math.min(rate.step, MAX_STRETCH);
    const cached = this.stretchedKernels.get(stretch);
    if (cached) return cached;
    const { fine, phases } = this;
    const halfTaps = Math.ceil(this.halfTaps * stretch);
    const taps = 2 * halfTaps;
    const end = this.halfTaps * phases;
    const scale = phases / stretch;
    const rows = new Float32Array((phases + 1) * taps);
    for (let k = 0; k <= phases; k++) {
      for (let j = 0; j < taps; j++) {
        const u = Math.abs(k / phases + halfTaps - 1 - j) * scale;
        const m = Math.floor(u);
        if (m >= end) continue;
        const c0 = fine[m] as number;
        rows[k * taps + j] = (c0 + (u - m) * ((fine[m + 1] as number) - c0)) / stretch;
      }
    }
    if (this.stretchedKernels.size >= KERNEL_CACHE) this.stretchedKernels.clear();
    const kernel: SincKernel = { stretch, halfTaps, phases, rows };
    this.stretchedKernels.set(stretch, kernel);
    return kernel;
  }

  /** Frames of source the kernel reaches on each side of `position` at this step (for callers that pre-roll). */
  reach(step: number): number {
    return step > 1 ? Math.ceil(this.halfTaps * (step > MAX_STRETCH ? MAX_STRETCH : step)) : this.halfTaps;
  }

  /** Reads through a polyphase table: the two rows around the position's offset, blended; with `unitStep`, whole positions copy the source sample exactly. */
  private polyphaseInto(kernel: SincKernel, left: Float32Array, right: Float32Array, positions: Float64Array, from: number, to: number, unitStep: boolean, outLeft: Float64Array, outRight: Float64Array): void {
    const length = left.length;
    const halfTaps = kernel.halfTaps;
    const taps = 2 * halfTaps;
    const rows = kernel.rows;
    const phases = kernel.phases;
    for (let n = from; n < to; n++) {
      const position = positions[n] as number;
      const base = Math.floor(position);
      if (unitStep && position === base) {
        const inside = position >= 0 && position < length;
        outLeft[n] = inside ? (left[position] as number) : 0;
        outRight[n] = inside ? (right[position] as number) : 0;
        continue;
      }
      // Also rejects NaN and positions so far out that no tap touches the source.
      if (!(position > -halfTaps && position < length + halfTaps)) {
        outLeft[n] = 0;
        outRight[n] = 0;
        continue;
      }
      const phase = (position - base) * phases;
      const row = phase | 0;
      const weight = phase - row;
      const first = base - halfTaps + 1;
      const start = first < 0 ? -first : 0;
      const end = first + taps > length ? length - first : taps;
      const a = row * taps;
      const b = a + taps;
      // Per plane: rows a and b over even taps (A, B) and odd taps (C, D).
      let leftA = 0;
      let leftB = 0;
      let leftC = 0;
      let leftD = 0;
      let rightA = 0;
      let rightB = 0;
      let rightC = 0;
      let rightD = 0;
      let j = start;
      let i = first + start;
      let ra = a + start;
      let rb = b + start;
      for (; j + 1 < end; j += 2, i += 2, ra += 2, rb += 2) {
        const ka0 = rows[ra] as number;
        const kb0 = rows[rb] as number;
        const ka1 = rows[ra + 1] as number;
        const kb1 = rows[rb + 1] as number;
        const l0 = left[i] as number;
        const l1 = left[i + 1] as number;
        const r0 = right[i] as number;
        const r1 = right[i + 1] as number;
        leftA += l0 * ka0;
        leftB += l0 * kb0;
        leftC += l1 * ka1;
        leftD += l1 * kb1;
        rightA += r0 * ka0;
        rightB += r0 * kb0;
        rightC += r1 * ka1;
        rightD += r1 * kb1;
      }
      if (j < end) {
        const ka0 = rows[ra] as number;
        const kb0 = rows[rb] as number;
        const l0 = left[i] as number;
        const r0 = right[i] as number;
        leftA += l0 * ka0;
        leftB += l0 * kb0;
        rightA += r0 * ka0;
        rightB += r0 * kb0;
      }
      leftA += leftC;
      leftB += leftD;
      rightA += rightC;
      rightB += rightD;
      outLeft[n] = leftA + weight * (leftB - leftA);
      outRight[n] = rightA + weight * (rightB - rightA);
    }
  }
}

/** How many source frames one output frame advances (see `gather`), and the kernel table for that step (null: looked up on the first read). */
export interface ReadRate {
  step: number;
  kernel: SincKernel | null;
}

/** A polyphase kernel table: `phases` + 1 rows of 2·halfTaps taps (row k: the kernel at offset k / phases of a frame). */
export interface SincKernel {
  /** The factor the kernel is stretched by (1: unstretched). */
  readonly stretch: number;
  readonly halfTaps: number;
  readonly phases: number;
  readonly rows: Float32Array;
}

/** Stretched kernels kept before the cache starts over. */
const KERNEL_CACHE = 16;

/** Largest factor the kernel is stretched by for step > 1 (see the class comment). */
export const MAX_STRETCH = 8;
export const DEFAULT_HALF_TAPS = 64;
export const DEFAULT_PHASES = 512;
export const DEFAULT_BETA = 10.3;

/**
 * Stopband attenuation in dB that a Kaiser window of this beta stands for: the inverse of
 * Kaiser's design formula (beta = 0.1102·(A − 8.7) above 50 dB, 0.5842·(A − 21)^0.4 +
 * 0.07886·(A − 21) from 21 to 50 dB, 0 below).
 */
function kaiserAttenuation(beta: number): number {
  if (beta >= 0.1102 * (50 - 8.7)) return beta / 0.1102 + 8.7;
  let low = 21;
  let high = 50;
  for (let i = 0; i < 60; i++) {
    const a = (low + high) / 2;
    if (0.5842 * (a - 21) ** 0.4 + 0.07886 * (a - 21) < beta) low = a;
    else high = a;
  }
  return (low + high) / 2;
}
