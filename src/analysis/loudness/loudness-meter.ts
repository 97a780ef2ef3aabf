import { TruePeakEstimator } from '../../dsp/limiter/true-peak-estimator';
import { assert } from '../../std/assert';
import { decibels, type Decibels } from '../../std/units';
import { kWeighting } from './k-weighting';

/**
 * What a programme measures, after ITU-R BS.1770-4 and EBU R 128 (Tech 3341, Tech 3342).
 *
 * Silence reads −Infinity (not a number a JSON encoder keeps: `JSON.stringify(-Infinity)` is
 * `null`, so consumers map it explicitly): `integratedLufs` when no 400 ms block passes both gates
 * (digital silence, everything under −70 LUFS, or less than 400 ms of audio); `momentaryMaxLufs`
 * and `shortTermMaxLufs` when there is not even 10 ms of signal energy; `truePeakDbtp` and
 * `samplePeakDbfs` for all-zero samples. `loudnessRangeLu` is 0 when no 3 s short-term block
 * passes its gates, as for a steady tone.
 */
export interface LoudnessResult {
  /** Gated programme loudness (BS.1770-4: −70 LUFS absolute gate, −10 LU relative gate), LUFS. */
  integratedLufs: Decibels;
  /** Highest momentary loudness (400 ms window), LUFS. */
  momentaryMaxLufs: Decibels;
  /** Highest short-term loudness (3 s window), LUFS. */
  shortTermMaxLufs: Decibels;
  /** Loudness range (EBU Tech 3342), LU. */
  loudnessRangeLu: Decibels;
  /** Highest 4× oversampled magnitude over all channels (BS.1770-4 Annex 2), dBTP; NaN from a meter made without it. */
  truePeakDbtp: Decibels;
  /** Highest sample magnitude over all channels, dBFS. */
  samplePeakDbfs: Decibels;
}

/** Length of the meter's time grid, in seconds: windows move and maxima are taken every 10 ms. */
export const LOUDNESS_STEP_SECONDS = 0.01;
const MOMENTARY_STEPS = 40;
const SHORT_TERM_STEPS = 300;
/** Gating blocks (400 ms) and LRA blocks (3 s) start every 100 ms: 75 % overlap and 10 Hz. */
const BLOCK_HOP_STEPS = 10;
const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;
const LRA_RELATIVE_GATE_LU = -20;
const LRA_LOW_PERCENTILE = 0.1;
const LRA_HIGH_PERCENTILE = 0.95;
/** Block histograms: 0.01 LU bins from the absolute gate up; louder blocks share the top bin. */
const BINS_PER_LU = 100;
const HISTOGRAM_BINS = 100 * BINS_PER_LU;

/**
 * Streaming loudness meter: ITU-R BS.1770-4 and EBU R 128 "EBU Mode" (Tech 3341, Tech 3342) for
 * planar float PCM at any sample rate.
 *
 * - K-weighting for the actual rate ({@link kWeighting}), Float64 filter state; a state under
 *   1e-150 is set to 0 at the end of each step (see `TINY_STATE`: no reading changes).
 * - Mean square per channel, weighted (1.0 by default; pass 1.41 for surround channels) and
 *   summed; loudness = −0.691 + 10·log10(sum). Mono is measured as one channel, so a 0 dBFS 1 kHz
 *   sine in mono reads −3.0 LUFS, and in both channels of a stereo file 0.0 LUFS.
 * - Energy is kept per 10 ms step ({@link LOUDNESS_STEP_SECONDS}, round(rate / 100) frames).
 *   Momentary (40 steps = 400 ms) and short-term (300 steps = 3 s) are evaluated at the end of
 *   every step, and their maxima taken over those: a 10 ms grid instead of the 10 Hz minimum of
 *   Tech 3341, so a window misses a burst's exact position by at most 5 ms. Windows reaching
 *   before the start of the stream count that time as silence (a 200 ms one-shot has a momentary
 *   maximum 3 dB under its level).
 * - Integrated: 400 ms gating blocks every 100 ms from the start (75 % overlap), only whole
 *   blocks; absolute gate −70 LUFS, then relative gate 10 LU under the power mean of the blocks
 *   that passed it.
 * - Loudness range (Tech 3342): short-term (3 s) blocks every 100 ms, only whole blocks; absolute
 *   gate −70 LUFS, relative gate 20 LU under their power mean; LRA = 95th − 10th percentile of the
 *   rest (percentiles interpolated between ranks of the sorted values).
 * - True peak: {@link TruePeakEstimator} (4×, 48 taps per phase), as if zeros followed the last
 *   sample pushed; also the sample peak.
 *
 * Blocks are stored in two histograms of 0.01 LU bins that keep each bin's count and exact energy
 * sum, so memory is fixed whatever the programme's length and `push` never allocates. The
 * integrated value is an exact power mean; only a block within 0.005 LU of the relative gate can
 * be classed with its bin's centre instead of itself, and LRA percentiles are bin centres.
 *
 * `result()` may be called at any time and does not disturb the stream.
 */
export class LoudnessMeter {
  readonly sampleRate: number;
  readonly channels: number;
  /** Frames per 10 ms step. */
  readonly stepFrames: number;

  private readonly weights: Float64Array;
  // K-weighting coefficients, unpacked for the hot loop.
  private readonly sb0: number;
  private readonly sb1: number;
  private readonly sb2: number;
  private readonly sa1: number;
  private readonly sa2: number;
  private readonly ha1: number;
  private readonly ha2: number;
  /** Per channel: shelf s1, s2, high-pass s1, s2 (transposed direct form II). */
  private readonly filterState: Float64Array;
  /** Null when made without true peak: oversampling is most of the meter's work. */
  private readonly estimator: TruePeakEstimator | null;

  /** Per channel, the K-weighted energy of the step being filled (carried across pushes, so the
   * sums do not depend on how the stream is split), and the step's frame count. */
  private readonly stepSums: Float64Array;
  private stepFill = 0;
  /** Energy of the last SHORT_TERM_STEPS completed steps, by step index modulo the length. */
  private readonly steps = new Float64Array(SHORT_TERM_STEPS);
  private completedSteps = 0;

  private momentaryMeanSquare = 0;
  private shortTermMeanSquare = 0;
  private momentaryMax = 0;
  private shortTermMax = 0;
  private truePeak = 0;
  private samplePeak = 0;

  private readonly gateCounts = new Float64Array(HISTOGRAM_BINS);
  private readonly gateEnergies = new Float64Array(HISTOGRAM_BINS);
  private readonly rangeCounts = new Float64Array(HISTOGRAM_BINS);
  private readonly rangeEnergies = new Float64Array(HISTOGRAM_BINS);

  /**
   * @param weights BS.1770 channel weights, one per channel (default 1.0 each: right for mono and
   *   stereo; use 1.41 for Ls/Rs and leave out the LFE).
   * @param options.truePeak false skips the 4× oversampled true peak (then NaN in the result):
   *   it costs about 60 % of the meter's time, and a library thumbnail needs only loudness.
   */
  constructor(sampleRate: number, channels: number, weights?: readonly number[], options: { readonly truePeak?: boolean } = {}) {
    assert(Number.isFinite(sampleRate) && sampleRate >= 8000 && sampleRate <= 768_000, `sample rate ${sampleRate} is not in 8000…768000 Hz`);
    assert(Number.isInteger(channels) && channels >= 1 && channels <= 64, `channel count ${channels} is not a whole number in 1…64`);
    assert(weights === undefined || (weights.length === channels && weights.every((w) => Number.isFinite(w) && w >= 0)), 'need one finite, non-negative weight per channel');
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.stepFrames = Math.round(sampleRate * LOUDNESS_STEP_SECONDS);
    this.weights = weights === undefined ? new Float64Array(channels).fill(1) : Float64Array.from(weights);
    const { shelf, highPass } = kWeighting(sampleRate);
    this.sb0 = shelf.b0;
    this.sb1 = shelf.b1;
    this.sb2 = shelf.b2;
    this.sa1 = shelf.a1;
    this.sa2 = shelf.a2;
    this.ha1 = highPass.a1;
    this.ha2 = highPass.a2;
    this.filterState = new Float64Array(4 * channels);
    this.stepSums = new Float64Array(channels);
    this.estimator = options.truePeak === false ? null : new TruePeakEstimator(channels);
  }

  /** Starts a new programme: forgets every block, maximum, peak and filter state. */
  reset(): void {
    this.filterState.fill(0);
    this.estimator?.reset();
    this.stepSums.fill(0);
    this.stepFill = 0;
    this.steps.fill(0);
    this.completedSteps = 0;
    this.momentaryMeanSquare = 0;
    this.shortTermMeanSquare = 0;
    this.momentaryMax = 0;
    this.shortTermMax = 0;
    this.truePeak = 0;
    this.samplePeak = 0;
    this.gateCounts.fill(0);
    this.gateEnergies.fill(0);
    this.rangeCounts.fill(0);
    this.rangeEnergies.fill(0);
  }

  /**
   * Measures `frames` frames of `planes` (one Float32Array per channel) from index `offset`.
   * Any block size; the result does not depend on how a stream is split. Never allocates.
   */
  push(planes: readonly Float32Array[], frames: number, offset = 0): void {
    // Static messages: a template string here would allocate on every call.
    assert(planes.length >= this.channels, 'fewer planes than channels');
    const end = offset + frames;
    const estimator = this.estimator;
    for (let c = 0; c < this.channels; c++) {
      const plane = planes[c] as Float32Array;
      assert(plane.length >= end, 'a plane is shorter than offset + frames');
      if (estimator === null) continue;
      estimator.processBlock(c, plane, offset, end);
      const peak = estimator.blockPeaks[c] as number;
      if (peak > this.truePeak) this.truePeak = peak;
    }
    let start = offset;
    while (start < end) {
      const stop = Math.min(end, start + this.stepFrames - this.stepFill);
      for (let c = 0; c < this.channels; c += 2) {
        const b = Math.min(c + 1, this.channels - 1);
        this.filterPair(c, planes[c] as Float32Array, b, planes[b] as Float32Array, start, stop);
      }
      this.stepFill += stop - start;
      start = stop;
      if (this.stepFill === this.stepFrames) this.completeStep();
    }
  }

  /** Momentary loudness of the 400 ms ending at the last completed 10 ms step, LUFS. */
  momentaryLufs(): Decibels {
    return decibels(lufs(this.momentaryMeanSquare));
  }

  /** Short-term loudness of the 3 s ending at the last completed 10 ms step, LUFS. */
  shortTermLufs(): Decibels {
    return decibels(lufs(this.shortTermMeanSquare));
  }

  /** The programme so far. Leaves the stream untouched: pushing more and asking again is fine. */
  result(): LoudnessResult {
    let truePeak = this.estimator === null ? Number.NaN : this.truePeak;
    for (let c = 0; c < this.channels && this.estimator !== null; c++) truePeak = Math.max(truePeak, this.estimator.tailPeak(c));
    return {
      integratedLufs: decibels(this.integrated()),
      momentaryMaxLufs: decibels(lufs(this.momentaryMax)),
      shortTermMaxLufs: decibels(lufs(this.shortTermMax)),
      loudnessRangeLu: decibels(this.loudnessRange()),
      truePeakDbtp: decibels(20 * Math.log10(truePeak)),
      samplePeakDbfs: decibels(20 * Math.log10(this.samplePeak)),
    };
  }

  /**
   * K-weights plane[start, stop) of channels `a` and `b`, adding the squares to each one's step
   * sum. Two channels in one loop: each filter waits on its own last output (a chain of about 16
   * cycles per sample), so two independent chains run in the time of one. A lone channel passes
   * itself as both: the two chains then compute the same values and write them to the same place.
   */
  private filterPair(a: number, planeA: Float32Array, b: number, planeB: Float32Array, start: number, stop: number): void {
    const state = this.filterState;
    const b0 = this.sb0;
    const b1 = this.sb1;
    const b2 = this.sb2;
    const a1 = this.sa1;
    const a2 = this.sa2;
    const h1 = this.ha1;
    const h2 = this.ha2;
    let s1 = state[4 * a] as number;
    let s2 = state[4 * a + 1] as number;
    let t1 = state[4 * a + 2] as number;
    let t2 = state[4 * a + 3] as number;
    let sum = this.stepSums[a] as number;
    let u1 = state[4 * b] as number;
    let u2 = state[4 * b + 1] as number;
    let v1 = state[4 * b + 2] as number;
    let v2 = state[4 * b + 3] as number;
    let sumB = this.stepSums[b] as number;
    let peak = this.samplePeak;
    for (let i = start; i < stop; i++) {
      const x = planeA[i] as number;
      const w = planeB[i] as number;
      const magnitude = Math.abs(x);
      if (magnitude > peak) peak = magnitude;
      const magnitudeB = Math.abs(w);
      if (magnitudeB > peak) peak = magnitudeB;
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      const yB = b0 * w + u1;
      u1 = b1 * w - a1 * yB + u2;
      u2 = b2 * w - a2 * yB;
      // High pass: b = (1, −2, 1).
      const z = y + t1;
      t1 = -2 * y - h1 * z + t2;
      t2 = y - h2 * z;
      const zB = yB + v1;
      v1 = -2 * yB - h1 * zB + v2;
      v2 = yB - h2 * zB;
      sum += z * z;
      sumB += zB * zB;
    }
    state[4 * a] = flushTiny(s1);
    state[4 * a + 1] = flushTiny(s2);
    state[4 * a + 2] = flushTiny(t1);
    state[4 * a + 3] = flushTiny(t2);
    this.stepSums[a] = sum;
    state[4 * b] = flushTiny(u1);
    state[4 * b + 1] = flushTiny(u2);
    state[4 * b + 2] = flushTiny(v1);
    state[4 * b + 3] = flushTiny(v2);
    this.stepSums[b] = sumB;
    this.samplePeak = peak;
  }

  private completeStep(): void {
    const steps = this.steps;
    let energy = 0;
    for (let c = 0; c < this.channels; c++) {
      energy += (this.weights[c] as number) * (this.stepSums[c] as number);
      this.stepSums[c] = 0;
    }
    steps[this.completedSteps % SHORT_TERM_STEPS] = energy;
    this.completedSteps++;
    this.stepFill = 0;
    const completed = this.completedSteps;
    let momentary = 0;
    let shortTerm = 0;
    const available = Math.min(completed, SHORT_TERM_STEPS);
    for (let back = 1; back <= available; back++) {
      const energy = steps[(completed - back) % SHORT_TERM_STEPS] as number;
      shortTerm += energy;
      if (back === MOMENTARY_STEPS) momentary = shortTerm;
    }
    if (available < MOMENTARY_STEPS) momentary = shortTerm;
    this.momentaryMeanSquare = momentary / (MOMENTARY_STEPS * this.stepFrames);
    this.shortTermMeanSquare = shortTerm / (SHORT_TERM_STEPS * this.stepFrames);
    if (this.momentaryMeanSquare > this.momentaryMax) this.momentaryMax = this.momentaryMeanSquare;
    if (this.shortTermMeanSquare > this.shortTermMax) this.shortTermMax = this.shortTermMeanSquare;
    if (completed % BLOCK_HOP_STEPS === 0) {
      if (completed >= MOMENTARY_STEPS) addBlock(this.gateCounts, this.gateEnergies, this.momentaryMeanSquare);
      if (completed >= SHORT_TERM_STEPS) addBlock(this.rangeCounts, this.rangeEnergies, this.shortTermMeanSquare);
    }
  }

  private integrated(): number {
    const counts = this.gateCounts;
    const energies = this.gateEnergies;
    let count = 0;
    let energy = 0;
    for (let b = 0; b < HISTOGRAM_BINS; b++) {
      count += counts[b] as number;
      energy += energies[b] as number;
    }
    if (count === 0) return -Infinity;
    const first = firstBinAbove(lufs(energy / count) + RELATIVE_GATE_LU);
    count = 0;
    energy = 0;
    for (let b = first; b < HISTOGRAM_BINS; b++) {
      count += counts[b] as number;
      energy += energies[b] as number;
    }
    return count === 0 ? -Infinity : lufs(energy / count);
  }

  private loudnessRange(): number {
    const counts = this.rangeCounts;
    const energies = this.rangeEnergies;
    let count = 0;
    let energy = 0;
    for (let b = 0; b < HISTOGRAM_BINS; b++) {
      count += counts[b] as number;
      energy += energies[b] as number;
    }
    if (count === 0) return 0;
    const first = firstBinAbove(lufs(energy / count) + LRA_RELATIVE_GATE_LU);
    let kept = 0;
    for (let b = first; b < HISTOGRAM_BINS; b++) kept += counts[b] as number;
    if (kept === 0) return 0;
    return percentile(counts, first, kept, LRA_HIGH_PERCENTILE) - percentile(counts, first, kept, LRA_LOW_PERCENTILE);
  }
}

/**
 * Measures a whole programme at once: `channels` are the planes (all the same length).
 * See {@link LoudnessMeter} and {@link LoudnessResult} (silence reads −Infinity).
 */
export function measureLoudness(channels: readonly Float32Array[], sampleRate: number, weights?: readonly number[]): LoudnessResult {
  assert(channels.length >= 1, 'need at least one channel');
  const frames = (channels[0] as Float32Array).length;
  assert(
    channels.every((c) => c.length === frames),
    'channels differ in length',
  );
  const meter = new LoudnessMeter(sampleRate, channels.length, weights);
  meter.push(channels, frames);
  return meter.result();
}

/**
 * Under this magnitude a filter state is set to 0 at the end of a step. In digital silence the
 * states decay into subnormal doubles, where each operation costs tens of times more (a one-shot
 * with silence after it, a drum loop with gaps, took 2 to 4 times as long as music), and can
 * hover there without ever reaching 0. Nothing measurable changes: the squares of what such a
 * state adds are far below the −70 LUFS gate and below the energy of any non-zero float sample,
 * and next to such a sample the state is under half a unit in the last place.
 */
const TINY_STATE = 1e-150;

function flushTiny(state: number): number {
  return state < TINY_STATE && state > -TINY_STATE ? 0 : state;
}

/** BS.1770 loudness of a weighted mean square; −Infinity for 0. */
function lufs(meanSquare: number): number {
  return -0.691 + 10 * Math.log10(meanSquare);
}

function addBlock(counts: Float64Array, energies: Float64Array, meanSquare: number): void {
  const loudness = lufs(meanSquare);
  if (!(loudness > ABSOLUTE_GATE_LUFS)) return;
  const bin = Math.min(HISTOGRAM_BINS - 1, Math.floor((loudness - ABSOLUTE_GATE_LUFS) * BINS_PER_LU));
  counts[bin] = (counts[bin] as number) + 1;
  energies[bin] = (energies[bin] as number) + meanSquare;
}

/** First bin whose centre lies above `threshold` (blocks "louder than the gate"). */
function firstBinAbove(threshold: number): number {
  const bin = Math.floor((threshold - ABSOLUTE_GATE_LUFS) * BINS_PER_LU - 0.5) + 1;
  return Math.min(HISTOGRAM_BINS, Math.max(0, bin));
}

/** Loudness at fraction `p` of the `kept` blocks in bins first…, interpolated between ranks. */
function percentile(counts: Float64Array, first: number, kept: number, p: number): number {
  const rank = p * (kept - 1);
  const low = Math.floor(rank);
  const lowValue = valueAtRank(counts, first, low);
  if (rank === low) return lowValue;
  return lowValue + (rank - low) * (valueAtRank(counts, first, low + 1) - lowValue);
}

/** Centre of the bin holding the block of 0-based rank `rank` among bins first…, ascending. */
function valueAtRank(counts: Float64Array, first: number, rank: number): number {
  let seen = 0;
  for (let b = first; b < HISTOGRAM_BINS; b++) {
    seen += counts[b] as number;
    if (seen > rank) return ABSOLUTE_GATE_LUFS + (b + 0.5) / BINS_PER_LU;
  }
  return ABSOLUTE_GATE_LUFS + (HISTOGRAM_BINS - 0.5) / BINS_PER_LU;
}
