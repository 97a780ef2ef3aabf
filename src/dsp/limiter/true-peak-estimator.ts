import { sin } from '../../std/det-math';
import { assert } from '../../std/assert';
import { besselI0 } from '../bessel';
import { truePeakBase64 } from '../wasm/true-peak-wasm';
import { KernelModule, Layout } from '../wasm/wasm-module';

/** The kernel module, compiled once per host. */
const truePeakModule = new KernelModule<InterpolateExports>(truePeakBase64);

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
 * Each point is a folded sum over its 48-sample window a[0 … 47] (oldest first), in Float64:
 * for j = 0 … 23, s1 += a[j]·h1[j] + a[47 − j]·h1[47 − j], s3 += a[47 − j]·h1[j] + a[j]·h1[47 − j]
 * (phase 3 is phase 1 reversed), s2 += (a[j] + a[47 − j])·h2[j] (phase 2 is symmetric). The sums
 * run in WebAssembly (`wasm/true-peak.wat`), two frames at once in SIMD lanes, each lane in that
 * order, so every host gets the same peaks (V8 runs the scalar loop with a bounds check per load).
 *
 * Samples before the first one pushed read as zero; {@link tailPeak} finishes a stream as if
 * zeros followed it. Interpolated points lag the input by {@link TRUE_PEAK_HALF_TAPS} frames (the
 * kernel needs that many samples after a point). No allocation after construction.
 */
export class TruePeakEstimator {
  readonly channels: number;
  /** Frames by which the interpolated points of {@link processBlock} lag its input. */
  readonly delay = TRUE_PEAK_HALF_TAPS;
  /** Per channel, the peak of the points completed by the last {@link processBlock} call. */
  readonly blockPeaks: Float64Array;

  private readonly kernel: InterpolateExports;
  /**
   * Byte addresses in the kernel's memory: per channel its last HISTORY samples (and one more
   * slot, for tailPeak's copy), the taps, the work buffer, the peaks and the block's peak.
   */
  private readonly historyAt: number;
  private readonly tapsAt: number;
  private readonly workAt: number;
  private readonly peaksAt: number;
  private readonly outAt: number;
  /** Views of the same: the histories, the work buffer's frames (after its HISTORY samples), the peaks, the block's peak. */
  private readonly history: Float64Array;
  private readonly frames: Float64Array;
  private readonly peaks: Float64Array;
  private readonly out: Float64Array;

  constructor(channels: number) {
    assert(Number.isInteger(channels) && channels >= 1 && channels <= 64, `channel count ${channels} is not a whole number in 1…64`);
    this.channels = channels;
    this.blockPeaks = new Float64Array(channels);
    const layout = new Layout();
    this.historyAt = layout.take(8 * HISTORY * (channels + 1));
    this.tapsAt = layout.take(8 * 6 * TRUE_PEAK_HALF_TAPS);
    this.workAt = layout.take(8 * (HISTORY + CHUNK_FRAMES + 1));
    this.peaksAt = layout.take(8 * (CHUNK_FRAMES + 1));
    this.outAt = layout.take(8);
    const { exports, buffer } = truePeakModule.instance(layout);
    this.kernel = exports;
    this.history = new Float64Array(buffer, this.historyAt, HISTORY * (channels + 1));
    this.frames = new Float64Array(buffer, this.workAt + 8 * HISTORY, CHUNK_FRAMES + 1);
    this.peaks = new Float64Array(buffer, this.peaksAt, CHUNK_FRAMES + 1);
    this.out = new Float64Array(buffer, this.outAt, 1);
    // Per j, three pairs of equal lanes: phase 1's tap j, phase 1's tap 47 − j, phase 2's tap j.
    const [phase1, phase2] = truePeakPhases();
    const taps = new Float64Array(buffer, this.tapsAt, 6 * TRUE_PEAK_HALF_TAPS);
    for (let j = 0; j < TRUE_PEAK_HALF_TAPS; j++) {
      taps.fill(phase1[j] as number, 6 * j, 6 * j + 2);
      taps.fill(phase1[TAPS - 1 - j] as number, 6 * j + 2, 6 * j + 4);
      taps.fill(phase2[j] as number, 6 * j + 4, 6 * j + 6);
    }
  }

  /** Forgets every channel's past samples, as if the stream started again. */
  reset(): void {
    this.history.fill(0);
    this.blockPeaks.fill(0);
  }

  /**
   * Feeds `input[from, to)` of one channel; the highest magnitude among the points the block
   * completes goes to {@link blockPeaks}[channel] (not returned: V8 boxes a returned float). For
   * each input frame m, with k = m − {@link delay}, the block yields the interval [k, k + 1):
   * |x[k]| and the three interpolated points k + ¼, k + ½, k + ¾. When `peaks` is given, the
   * interval's peak is written to `peaks[peaksOffset + m − from]`.
   */
  processBlock(channel: number, input: Float32Array, from: number, to: number, peaks?: Float64Array, peaksOffset = 0): void {
    let blockPeak = 0;
    const frames = this.frames;
    for (let start = from; start < to; start += CHUNK_FRAMES) {
      const n = Math.min(CHUNK_FRAMES, to - start);
      for (let i = 0; i < n; i++) frames[i] = input[start + i] as number;
      this.kernel.interpolate(this.historyAt + 8 * HISTORY * channel, this.workAt, n, this.tapsAt, this.peaksAt, this.outAt);
      const peak = this.out[0] as number;
      if (peak > blockPeak) blockPeak = peak;
      if (peaks !== undefined) {
        const computed = this.peaks;
        const at = peaksOffset + start - from;
        for (let i = 0; i < n; i++) peaks[at + i] = computed[i] as number;
      }
    }
    this.blockPeaks[channel] = blockPeak;
  }

  /**
   * Highest magnitude among the points the channel still owes (the last {@link delay} intervals),
   * computed as if the stream ended here and zeros followed. Leaves the channel's state untouched.
   */
  tailPeak(channel: number): number {
    const history = this.history;
    // The zeros run through a copy of the channel's history, in the spare slot.
    const spare = HISTORY * this.channels;
    for (let i = 0; i < HISTORY; i++) history[spare + i] = history[HISTORY * channel + i] as number;
    this.frames.fill(0, 0, TRUE_PEAK_HALF_TAPS);
    this.kernel.interpolate(this.historyAt + 8 * spare, this.workAt, TRUE_PEAK_HALF_TAPS, this.tapsAt, this.peaksAt, this.outAt);
    return this.out[0] as number;
  }
}

/** Samples of history a channel keeps: a window's 48 less the newest. */
const HISTORY = TAPS - 1;
/** Frames handed to the kernel at a time. */
const CHUNK_FRAMES = 4096;

interface InterpolateExports {
  interpolate(history: number, x: number, count: number, taps: number, peaks: number, out: number): void;
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
