import { exp, log10 } from '../../std/det-math';
import { assert } from '../../std/assert';
import { decibelsToGain } from '../../std/units';
import { TRUE_PEAK_HALF_TAPS, TruePeakEstimator } from './true-peak-estimator';

export interface TruePeakLimiterOptions {
  /** Highest true peak the output may reach, dBTP (as measured by the loudness meter). */
  ceilingDbtp: number;
  /** Delay given to the audio so the gain is down before a peak arrives, ms (default 1.5). */
  lookaheadMs?: number;
  /** Time constant of the exponential recovery after a peak, ms (default 50). */
  releaseMs?: number;
}

/** Frames handled per inner pass; any block size is accepted and split into passes this long. */
const PASS = 128;
/** Gains are kept as integers in units of 2^-32 so the smoothing sums are exact (see class doc). */
const ONE = 2 ** 32;
/**
 * How far under the ceiling the detector aims, in dB. The gain is never above what each frame's
 * oversampled input peak allows, but while the gain moves across the 48-tap interpolation kernel
 * the oversampled output is not exactly gain × oversampled input: a fast gain change modulates
 * the signal and the interpolated points can land a little higher. Measured on a stress set (white
 * and high-frequency noise, ±1 bursts of 30 frames, 6–36 dB over, 44.1/48/96 kHz, release 5 and
 * 50 ms) that overshoot is at most 0.026 dB; this margin covers it about twice over.
 */
export const TRUE_PEAK_LIMITER_MARGIN_DB = 0.05;

/**
 * Linked true-peak lookahead limiter: the output's true peak, as {@link TruePeakEstimator}
 * measures it (the estimator of the loudness meter), does not exceed the ceiling.
 *
 * Per frame, the input's 4× oversampled peak P (max over channels of the sample and the points
 * either side of it) asks for a gain r = min(1, ceiling / P). The look-ahead minimum of r over the
 * next A frames is released exponentially (it drops at once and recovers with the release time
 * constant) and then smoothed by two moving averages whose lengths add up to A + 1. So the gain
 * reduction ramps in over A frames along an S-shaped, piecewise-quadratic curve, the release's
 * corners are rounded off too, and the reduction is fully in place on the frame that needs it:
 * each average only mixes values already ≤ that frame's r. The gain never exceeds r at any frame;
 * the oversampled output then stays under the ceiling up to the modulation overshoot that
 * {@link TRUE_PEAK_LIMITER_MARGIN_DB} absorbs (the detector aims that far under the ceiling).
 *
 * Latency is exactly the lookahead: D = round(lookaheadMs · rate / 1000) frames, of which the
 * detector's kernel uses {@link TRUE_PEAK_HALF_TAPS} (24) and the ramp the rest (A = D − 23: 49
 * frames, ≈ 1 ms, at 48 kHz with 1.5 ms). The first D output frames are the (silent) past;
 * {@link flush} releases the last D. Material whose true peak stays under ceiling − margin passes
 * bit for bit, only delayed: the gain is then exactly 1 (gains are integers in units of 2^-32, so
 * the smoothing sums are exact in float64, and the release lands exactly on its target).
 *
 * Float64 gain arithmetic; no allocation after construction.
 */
export class TruePeakLimiter {
  readonly sampleRate: number;
  readonly channels: number;
  /** Delay of the output behind the input, in frames: the lookahead. */
  readonly latencyFrames: number;

  private ceilingDb: number;
  private ceiling: number;
  private release: number;
  private releaseTimeMs: number;
  private readonly estimator: TruePeakEstimator;
  /** Window of the look-ahead minimum, and the two moving averages (A1 + A2 = A + 1). */
  private readonly window: number;
  private readonly average1: number;
  private readonly average2: number;

  /** Interval peaks of the current pass, PASS per channel. */
  private readonly peaks: Float64Array;
  /** Per channel, the previous interval peak (the points just before the current frame). */
  private readonly previousPeaks: Float64Array;
  /** Monotonic deque of (frame, gain) for the sliding minimum, as a ring. */
  private readonly dequeFrames: Float64Array;
  private readonly dequeGains: Float64Array;
  private dequeHead = 0;
  private dequeLength = 0;
  /** Moving-average rings and their integer sums. */
  private readonly ring1: Float64Array;
  private readonly ring2: Float64Array;
  private sum1 = 0;
  private sum2 = 0;
  private ringPosition1 = 0;
  private ringPosition2 = 0;
  /** Per channel, the last latencyFrames input frames. */
  private readonly delayLines: Float32Array[];
  private delayPosition = 0;
  private frame = 0;
  private gain = 1;
  /** The released look-ahead minimum, in units of 2^-32. */
  private held = ONE;
  /** Lowest gain applied since the last reset, for reports. */
  private lowestGain = 1;
  /** Zero planes that flush feeds through. */
  private readonly zeros: Float32Array[];

  constructor(sampleRate: number, channels: number, options: TruePeakLimiterOptions) {
    const lookaheadMs = options.lookaheadMs ?? 1.5;
    const releaseMs = options.releaseMs ?? 50;
    assert(Number.isFinite(sampleRate) && sampleRate >= 8000 && sampleRate <= 768_000, `sample rate ${sampleRate} is not in 8000…768000 Hz`);
    assert(Number.isInteger(channels) && channels >= 1 && channels <= 64, `channel count ${channels} is not a whole number in 1…64`);
    assert(Number.isFinite(options.ceilingDbtp) && options.ceilingDbtp <= 6 && options.ceilingDbtp >= -60, `ceiling ${options.ceilingDbtp} dBTP is not in −60…6`);
    assert(Number.isFinite(releaseMs) && releaseMs > 0 && releaseMs <= 10_000, `release ${releaseMs} ms is not in (0, 10000]`);
    const latency = Math.round((lookaheadMs * sampleRate) / 1000);
    const minimum = TRUE_PEAK_HALF_TAPS + 2;
    assert(Number.isFinite(lookaheadMs) && latency >= minimum && lookaheadMs <= 100, `lookahead ${lookaheadMs} ms is not in ${((minimum * 1000) / sampleRate).toFixed(2)}…100 ms at ${sampleRate} Hz`);
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.latencyFrames = latency;
    this.ceilingDb = options.ceilingDbtp;
    this.ceiling = decibelsToGain(options.ceilingDbtp - TRUE_PEAK_LIMITER_MARGIN_DB);
    this.releaseTimeMs = releaseMs;
    this.release = exp(-1000 / (releaseMs * sampleRate));
    this.estimator = new TruePeakEstimator(channels);
    this.window = latency - TRUE_PEAK_HALF_TAPS + 1;
    this.average1 = Math.ceil((this.window + 1) / 2);
    this.average2 = this.window + 1 - this.average1;
    this.peaks = new Float64Array(channels * PASS);
    this.previousPeaks = new Float64Array(channels);
    this.dequeFrames = new Float64Array(this.window + 1);
    this.dequeGains = new Float64Array(this.window + 1);
    this.ring1 = new Float64Array(this.average1);
    this.ring2 = new Float64Array(this.average2);
    this.delayLines = Array.from({ length: channels }, () => new Float32Array(latency));
    this.zeros = Array.from({ length: channels }, () => new Float32Array(latency));
    this.reset();
  }

  /** Highest true peak the output may reach, dBTP. */
  get ceilingDbtp(): number {
    return this.ceilingDb;
  }

  /**
   * Moves the ceiling mid-stream (an insert's knob), clamped to −60…6 dBTP. A lower ceiling holds
   * from the frames still to enter the lookahead: audio already inside it was limited to the old one.
   */
  setCeilingDbtp(db: number): void {
    const clamped = Math.min(6, Math.max(-60, db));
    if (clamped === this.ceilingDb) return;
    this.ceilingDb = clamped;
    this.ceiling = decibelsToGain(clamped - TRUE_PEAK_LIMITER_MARGIN_DB);
  }

  /** Changes the release time constant mid-stream, clamped to 0.1…10,000 ms. */
  setReleaseMs(ms: number): void {
    this.releaseTimeMs = Math.min(10_000, Math.max(0.1, ms));
    this.release = exp(-1000 / (this.releaseTimeMs * this.sampleRate));
  }

  /** Time constant of the recovery after a peak, ms. */
  get releaseMs(): number {
    return this.releaseTimeMs;
  }

  /** Gain reduction applied to the last frame processed, in dB (≤ 0): what a meter shows. */
  currentGainReductionDb(): number {
    return 20 * log10(this.gain);
  }

  /** Forgets the stream (silent past, gain 1) and the gain-reduction statistic. */
  reset(): void {
    this.restart();
    this.lowestGain = 1;
  }

  /** Forgets the stream but keeps {@link maxGainReductionDb} (what flush does). */
  private restart(): void {
    this.estimator.reset();
    this.previousPeaks.fill(0);
    this.dequeHead = 0;
    this.dequeLength = 0;
    this.ring1.fill(ONE);
    this.ring2.fill(ONE);
    this.sum1 = ONE * this.average1;
    this.sum2 = ONE * this.average2;
    this.ringPosition1 = 0;
    this.ringPosition2 = 0;
    for (const line of this.delayLines) line.fill(0);
    this.delayPosition = 0;
    this.frame = 0;
    this.gain = 1;
    this.held = ONE;
  }

  /** Deepest gain reduction applied since construction or the last reset (not flush), in dB (≤ 0). */
  maxGainReductionDb(): number {
    return 20 * log10(this.lowestGain);
  }

  /**
   * Limits `frames` frames of `planes` starting at `offset`, writing the output (delayed by
   * {@link latencyFrames}) into `outputs` at the same offset, or in place when `outputs` is
   * omitted. Any block size; the output does not depend on how the stream is split.
   */
  process(planes: readonly Float32Array[], frames: number, outputs: readonly Float32Array[] = planes, offset = 0): void {
    // Static messages: a template string here would allocate on every call.
    assert(planes.length >= this.channels && outputs.length >= this.channels, 'fewer input or output planes than channels');
    for (let c = 0; c < this.channels; c++) {
      assert((planes[c] as Float32Array).length >= offset + frames && (outputs[c] as Float32Array).length >= offset + frames, 'a plane is shorter than offset + frames');
    }
    for (let start = offset; start < offset + frames; start += PASS) {
      const count = Math.min(offset + frames - start, PASS);
      this.pass(planes, start, outputs, start, count);
    }
  }

  /**
   * Ends the stream: writes the last {@link latencyFrames} output frames into `outputs` from
   * `offset` (as if silence followed the input), returns that count and readies the limiter for a
   * new stream (keeping {@link maxGainReductionDb} until {@link reset}).
   */
  flush(outputs: readonly Float32Array[], offset = 0): number {
    const latency = this.latencyFrames;
    assert(outputs.length >= this.channels && outputs.every((out) => out.length >= offset + latency), `flush needs ${latency} frames of room in every output plane`);
    for (let done = 0; done < latency; done += PASS) {
      const count = Math.min(latency - done, PASS);
      this.pass(this.zeros, done, outputs, offset + done, count);
    }
    this.restart();
    return latency;
  }

  /** Limits planes[inStart, inStart + frames) into outputs[outStart, …); frames ≤ PASS. */
  private pass(planes: readonly Float32Array[], inStart: number, outputs: readonly Float32Array[], outStart: number, frames: number): void {
    const channels = this.channels;
    const peaks = this.peaks;
    for (let c = 0; c < channels; c++) this.estimator.processBlock(c, planes[c] as Float32Array, inStart, inStart + frames, peaks, c * PASS);

    const ceiling = this.ceiling;
    const window = this.window;
    const dequeFrames = this.dequeFrames;
    const dequeGains = this.dequeGains;
    const capacity = dequeFrames.length;
    const ring1 = this.ring1;
    const ring2 = this.ring2;
    const average1 = this.average1;
    const average2 = this.average2;
    const latency = this.latencyFrames;
    const release = this.release;
    const previousPeaks = this.previousPeaks;
    let head = this.dequeHead;
    let length = this.dequeLength;
    let sum1 = this.sum1;
    let sum2 = this.sum2;
    let position1 = this.ringPosition1;
    let position2 = this.ringPosition2;
    let delayPosition = this.delayPosition;
    let gain = this.gain;
    let held = this.held;
    let lowest = this.lowestGain;
    let frame = this.frame;

    for (let i = 0; i < frames; i++, frame++) {
      // The interval peaks on both sides of frame k = frame − 24, over all channels.
      let peak = 0;
      for (let c = 0; c < channels; c++) {
        const right = peaks[c * PASS + i] as number;
        const left = previousPeaks[c] as number;
        previousPeaks[c] = right;
        if (right > peak) peak = right;
        if (left > peak) peak = left;
      }
      // ONE when peak ≤ ceiling (the quotient is ≥ 1); Math.min, not a conditional with ONE: a module
      // constant merged with a double boxes it (see src/dsp/README).
      const required = Math.min(ONE, Math.floor((ceiling / peak) * ONE));

      // Sliding minimum of the required gain over frames k − window + 1 … k.
      while (length > 0 && (dequeGains[(head + length - 1) % capacity] as number) >= required) length--;
      dequeFrames[(head + length) % capacity] = frame;
      dequeGains[(head + length) % capacity] = required;
      length++;
      while ((dequeFrames[head] as number) <= frame - window) {
        head = head + 1 === capacity ? 0 : head + 1;
        length--;
      }
      const minimum = dequeGains[head] as number;

      // Release before smoothing, so the smoothing rounds off its corners too: the held gain
      // drops to the minimum at once and recovers towards it exponentially (integer steps; the
      // floor lands exactly on the minimum once the gap is under one unit).
      held = minimum <= held ? minimum : minimum - Math.floor((minimum - held) * release);

      // Two moving averages: exact integer sums, floored so the result never rounds up.
      sum1 += held - (ring1[position1] as number);
      ring1[position1] = held;
      position1 = position1 + 1 === average1 ? 0 : position1 + 1;
      const smooth1 = Math.floor(sum1 / average1);
      sum2 += smooth1 - (ring2[position2] as number);
      ring2[position2] = smooth1;
      position2 = position2 + 1 === average2 ? 0 : position2 + 1;
      gain = Math.floor(sum2 / average2) / ONE;
      if (gain < lowest) lowest = gain;

      for (let c = 0; c < channels; c++) {
        const line = this.delayLines[c] as Float32Array;
        const input = (planes[c] as Float32Array)[inStart + i] as number;
        const delayed = line[delayPosition] as number;
        line[delayPosition] = input;
        (outputs[c] as Float32Array)[outStart + i] = gain === 1 ? delayed : delayed * gain;
      }
      delayPosition = delayPosition + 1 === latency ? 0 : delayPosition + 1;
    }

    this.dequeHead = head;
    this.dequeLength = length;
    this.sum1 = sum1;
    this.sum2 = sum2;
    this.ringPosition1 = position1;
    this.ringPosition2 = position2;
    this.delayPosition = delayPosition;
    this.gain = gain;
    this.held = held;
    this.lowestGain = lowest;
    this.frame = frame;
  }
}
