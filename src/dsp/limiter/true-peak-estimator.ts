import { sin } from '../../std/det-math';
import { assert } from '../../std/assert';
import { besselI0 } from '../bessel';

/** Oversampling factor of the true-peak estimate (ITU-R BS.1770-4 Annex 2 asks for at least 4). */
export const TRUE_PEAK_OVERSAMPLING = 4;
/** Input samples the interpolation kernel reaches on each side of a point: 48 taps per phase. */
export const TRUE_PEAK_HALF_TAPS = 24;
/** Kaiser window shape of the kernel: ≈ 81 dB image rejection, passband ripple ≈ 0.001 dB. */
export const TRUE_PEAK_BETA = 8;

const TAPS = 2 * TRUE_PEAK_HALF_TAPS;

/**
 * True-peak estimate after ITU-R BS.1770-4 Annex 2: each channel is upsampled 4× by a polyphase
 * FIR and the peak magnitude of the upsampled signal is the true peak. The one estimator of the
 * project: the loudness meter reports it and the true-peak limiter detects with it, so the
 * limiter's ceiling holds exactly as the meter measures it.
 *
 * The kernel is a Kaiser-windowed sinc (beta {@link TRUE_PEAK_BETA}) cut at the input's Nyquist,
 * h(t) = sinc(t)·kaiser(t / 24) for |t| < 24 input samples, sampled at quarter-sample offsets:
 * 4 phases of 48 taps (the 48-tap table printed in Annex 2 is 4 phases of only 12 taps, with up
 * to +0.6 dB of passband error near Nyquist). Being a Nyquist filter, phase 0 is the input sample
 * itself, so the true peak is never below the sample peak; phases 1–3 are each normalized to unit
 * DC gain. The passband is flat to ≈ 0.001 dB up to 0.447 of the rate (21.4 kHz at 48 kHz,
 * 19.7 kHz at 44.1 kHz). Between the four points of a sample interval the estimate can still miss
 * the continuous peak by up to 1 − cos(π·f / 4fs) (−0.17 dB at fs/4), inherent to 4× (Tech 3341
 * allows +0.2/−0.4 dB). The same 4× is used at every rate.
 *
 * Samples before the first one pushed read as zero; {@link tailPeak} finishes a stream as if
 * zeros followed it. Interpolated points lag the input by {@link TRUE_PEAK_HALF_TAPS} frames (the
 * kernel needs that many samples after a point). Float64 state and accumulation; no allocation
 * after construction.
 */
export class TruePeakEstimator {
  readonly channels: number;
  /** Frames by which the interpolated points of {@link processBlock} lag its input. */
  readonly delay = TRUE_PEAK_HALF_TAPS;

  /** Phase 1 taps (phase 3 is phase 1 reversed, phase 2 is symmetric: both folded in the loop). */
  private readonly phase1: Float64Array;
  private readonly phase2: Float64Array;
  /** Per channel, 2·TAPS: each sample is written twice so the last TAPS samples are contiguous. */
  private readonly history: Float64Array;
  /** Per channel, where the next sample goes (0 … TAPS − 1). */
  private readonly positions: Int32Array;
  /** Per channel, the peak of the points completed by the last {@link processBlock} call. */
  readonly blockPeaks: Float64Array;
  /** Scratch for tailPeak, one channel's history. */
  private readonly scratch = new Float64Array(2 * TAPS);

  constructor(channels: number) {
    assert(Number.isInteger(channels) && channels >= 1 && channels <= 64, `channel count ${channels} is not a whole number in 1…64`);
    this.channels = channels;
    const [phase1, phase2] = truePeakPhases();
    this.phase1 = phase1 as Float64Array;
    this.phase2 = phase2 as Float64Array;
    this.history = new Float64Array(channels * 2 * TAPS);
    this.positions = new Int32Array(channels);
    this.blockPeaks = new Float64Array(channels);
  }

  /** Forgets every channel's past samples, as if the stream started again. */
  reset(): void {
    this.history.fill(0);
    this.positions.fill(0);
    this.blockPeaks.fill(0);
  }

  /**
   * Feeds `input[from, to)` of one channel; the highest magnitude among the points the block
   * completes goes to {@link blockPeaks}[channel] (not returned: V8 boxes a returned float). For each input frame m, with k = m − {@link delay}, the block yields the
   * interval [k, k + 1): |x[k]| and the three interpolated points k + ¼, k + ½, k + ¾. When
   * `peaks` is given, the interval's peak is written to `peaks[peaksOffset + m − from]`.
   */
  processBlock(channel: number, input: Float32Array, from: number, to: number, peaks?: Float64Array, peaksOffset = 0): void {
    const history = this.history;
    const h1 = this.phase1;
    const h2 = this.phase2;
    const base = channel * 2 * TAPS;
    let position = this.positions[channel] as number;
    let blockPeak = 0;
    let m = from;
    // Two frames a step: their windows overlap in 47 samples, so each sample is loaded once for
    // both (each point still sums its terms in the same order as one frame at a time).
    for (; m + 1 < to; m += 2) {
      history[base + position] = input[m] as number;
      history[base + position + TAPS] = input[m] as number;
      position = position + 1 === TAPS ? 0 : position + 1;
      // Frame m's window is a[0 … 47] = history[w …]; frame m + 1's is a[1 … 48], a[48] being
      // the next sample, written over a[0]'s slot once a[0] is read.
      const w = base + position;
      let a0 = history[w] as number;
      history[base + position] = input[m + 1] as number;
      history[base + position + TAPS] = input[m + 1] as number;
      position = position + 1 === TAPS ? 0 : position + 1;
      let a48 = history[w + TAPS] as number;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let j = 0; j < TRUE_PEAK_HALF_TAPS; j++) {
        // a0 = a[j], a48 = a[48 − j]; frame m pairs a[j] with a[47 − j], frame m + 1 a[j + 1] with a[48 − j].
        const a1 = history[w + j + 1] as number;
        const a47 = history[w + TAPS - 1 - j] as number;
        const a = h1[j] as number;
        const b = h1[TAPS - 1 - j] as number;
        const c = h2[j] as number;
        s1 += a0 * a + a47 * b;
        s3 += a47 * a + a0 * b;
        s2 += (a0 + a47) * c;
        t1 += a1 * a + a48 * b;
        t3 += a48 * a + a1 * b;
        t2 += (a1 + a48) * c;
        a0 = a1;
        a48 = a47;
      }
      const first = peakOfPoints(history[w + TRUE_PEAK_HALF_TAPS - 1] as number, s1, s2, s3);
      const second = peakOfPoints(history[w + TRUE_PEAK_HALF_TAPS] as number, t1, t2, t3);
      if (peaks !== undefined) {
        peaks[peaksOffset + m - from] = first;
        peaks[peaksOffset + m + 1 - from] = second;
      }
      if (first > blockPeak) blockPeak = first;
      if (second > blockPeak) blockPeak = second;
    }
    for (; m < to; m++) {
      const x = input[m] as number;
      history[base + position] = x;
      history[base + position + TAPS] = x;
      position = position + 1 === TAPS ? 0 : position + 1;
      // The window is history[base + position … base + position + TAPS − 1], oldest first; it is
      // walked from both ends at once: phase 3 is phase 1 reversed and phase 2 is symmetric.
      const w = base + position;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0, left = w, right = w + TAPS - 1; j < TRUE_PEAK_HALF_TAPS; j++, left++, right--) {
        const vl = history[left] as number;
        const vr = history[right] as number;
        const a = h1[j] as number;
        const b = h1[TAPS - 1 - j] as number;
        s1 += vl * a + vr * b;
        s3 += vr * a + vl * b;
        s2 += (vl + vr) * (h2[j] as number);
      }
      const peak = peakOfPoints(history[w + TRUE_PEAK_HALF_TAPS - 1] as number, s1, s2, s3);
      if (peaks !== undefined) peaks[peaksOffset + m - from] = peak;
      if (peak > blockPeak) blockPeak = peak;
    }
    this.positions[channel] = position;
    this.blockPeaks[channel] = blockPeak;
  }

  /**
   * Highest magnitude among the points the channel still owes (the last {@link delay} intervals),
   * computed as if the stream ended here and zeros followed. Leaves the channel's state untouched.
   */
  tailPeak(channel: number): number {
    const scratch = this.scratch;
    const h1 = this.phase1;
    const h2 = this.phase2;
    const history = this.history;
    const base = channel * 2 * TAPS;
    for (let i = 0; i < 2 * TAPS; i++) scratch[i] = history[base + i] as number;
    let position = this.positions[channel] as number;
    let tail = 0;
    for (let z = 0; z < TRUE_PEAK_HALF_TAPS; z++) {
      scratch[position] = 0;
      scratch[position + TAPS] = 0;
      position = position + 1 === TAPS ? 0 : position + 1;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < TAPS; j++) {
        const v = scratch[position + j] as number;
        s1 += v * (h1[j] as number);
        s2 += v * (h2[j] as number);
        s3 += v * (h1[TAPS - 1 - j] as number);
      }
      tail = Math.max(tail, Math.abs(scratch[position + TRUE_PEAK_HALF_TAPS - 1] as number), Math.abs(s1), Math.abs(s2), Math.abs(s3));
    }
    return tail;
  }
}

/** The largest magnitude of a sample and its three interpolated points. */
function peakOfPoints(centre: number, s1: number, s2: number, s3: number): number {
  let peak = centre < 0 ? -centre : centre;
  if (s1 < 0) s1 = -s1;
  if (s2 < 0) s2 = -s2;
  if (s3 < 0) s3 = -s3;
  if (s1 > peak) peak = s1;
  if (s2 > peak) peak = s2;
  if (s3 > peak) peak = s3;
  return peak;
}

/**
 * The interpolation taps of phases 1, 2 and 3 (48 each): tap j of phase p is h(23 + p/4 − j), the
 * weight of window sample j (oldest first) for the point p/4 after the window's sample 23. Each
 * phase sums to 1. Phase 3 is phase 1 reversed and phase 2 is symmetric, exactly.
 */
export function truePeakPhases(): readonly [Float64Array, Float64Array, Float64Array] {
  const scale = 1 / besselI0(TRUE_PEAK_BETA);
  const phase = (p: number): Float64Array => {
    const taps = new Float64Array(TAPS);
    let sum = 0;
    for (let j = 0; j < TAPS; j++) {
      const t = TRUE_PEAK_HALF_TAPS - 1 + p / TRUE_PEAK_OVERSAMPLING - j;
      const r = t / TRUE_PEAK_HALF_TAPS;
      const h = (sin(Math.PI * t) / (Math.PI * t)) * besselI0(TRUE_PEAK_BETA * Math.sqrt(1 - r * r)) * scale;
      taps[j] = h;
      sum += h;
    }
    for (let j = 0; j < TAPS; j++) taps[j] = (taps[j] as number) / sum;
    return taps;
  };
  const phase1 = phase(1);
  const phase2 = phase(2);
  for (let j = 0; j < TRUE_PEAK_HALF_TAPS; j++) phase2[TAPS - 1 - j] = phase2[j] as number;
  return [phase1, phase2, phase1.slice().reverse()];
}
