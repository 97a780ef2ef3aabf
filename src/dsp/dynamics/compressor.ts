import { expInPlace, log } from '../../std/det-math';
import { CutFilter } from '../biquad/cut-filter';
import { type StereoEffect } from '../stereo-effect';
import { compressorCurveDb } from './gain-computer';

/** Frames of the detector's scratch; longer calls are processed in passes this long. */
const PASS = 128;
/** Slots of `Compressor.derived`. */
const MAKEUP_DB = 0;
const GAIN = 1;
const KNEE_START = 2;
const ATTACK = 3;
const RELEASE = 4;
/** Natural-log units per dB of amplitude: a gain is `exp(dB · NEPERS_PER_DB)`, several times cheaper per sample than `pow(10, dB / 20)`. */
const NEPERS_PER_DB = Math.LN10 / 20;
/** dB of amplitude per natural-log unit (neper). */
const DB_PER_NEPER = 20 / Math.LN10;
/** 2^64: scales a subnormal float32 into the normal range exactly. */
const TWO_TO_64 = 18_446_744_073_709_551_616;
/** The mantissa range [1, 2) in 128 segments: for c_k = 1 + k/128, 1 / c_k (rounded) and the natural log of that rounded value. */
const SEGMENT_INVERSES = Float64Array.from({ length: 128 }, (_, k) => 128 / (128 + k));
const SEGMENT_INVERSE_LOGS = SEGMENT_INVERSES.map((inverse) => log(inverse));
/** A smoothed reduction under this (dB) is none: its gain differs from 1 by about 1e-10, below any float32 step. */
const NO_REDUCTION_DB = 1e-9;
/**
 * Per sample the gain moves by a factor exp(d) with d tiny (nepers); under this bound a fifth-order
 * Taylor step (relative error < 2e-11) replaces the call to exp, and every pass starts from
 * an exact exp, so the error cannot build up past ~3e-9 in a pass (float32 resolves 6e-8).
 */
const TAYLOR_NEPERS = 0.05;

/**
 * Feed-forward compressor after Giannoulis, Massberg & Reiss (JAES 2012): the detector takes the
 * louder channel (stereo-linked) of the input, or of the sidechain when one is passed, optionally
 * high-passed so bass does not pump the mix; its level in dB goes through the static curve
 * ({@link compressorCurveDb}), and the gain reduction it asks for is smoothed in the log domain
 * by the smooth branching peak detector (their eq. 17): towards more reduction with the attack
 * time constant, back with the release one. Time constants are τ in α = exp(−1 / (τ·fs)): the
 * reduction covers 63 % of a step in τ. Make-up gain is added after; auto make-up adds what the
 * curve takes from a 0 dBFS input, so full scale stays full scale.
 */
export class Compressor implements StereoEffect {
  readonly latencyFrames = 0;
  private readonly detectorFilter: CutFilter;
  private readonly detectorLeft = new Float32Array(PASS);
  private readonly detectorRight = new Float32Array(PASS);
  private thresholdDb = -18;
  private ratio = 4;
  private kneeDb = 6;
  private makeupDb = 0;
  private autoMakeup = false;
  /**
   * Worked out from the settings at the start of every process call, in a typed array. A setting
   * changes only while a knob or an automation lane moves, and code run only then (a setter, or a
   * derivation behind a `stale` flag) stays in V8's interpreter, which boxes every fractional
   * double it computes: the engine's allocation test measured ≈ 140 bytes of garbage per block a
   * threshold moved. Run every block, the derivation (one det-math call) is hot and optimized.
   * [MAKEUP_DB] is the make-up applied: the set one plus the automatic share when on; [GAIN] is it
   * as a gain, what the audio is multiplied by while nothing is reduced; [KNEE_START] is the
   * detector peak (linear) at or under which the curve passes the level unchanged (the knee's lower
   * edge): such a sample asks for no reduction, and its logarithm need not be taken; [ATTACK] and
   * [RELEASE] are the detector's one-pole coefficients, α = exp(−1 / (τ·fs)) (0 for τ = 0: follows at once).
   */
  private readonly derived = new Float64Array(5);
  /** det-math works in place: an exponent goes through this slot (nothing fractional crosses a call). */
  private readonly slot = new Float64Array(1);
  /** A peak as a float32 and as its bits: its level in dB is worked out from its exponent and mantissa. */
  private readonly peakValue = new Float32Array(1);
  private readonly peakBits = new Int32Array(this.peakValue.buffer);
  /** The reduction each frame of the pass asks for, dB ≥ 0. */
  private readonly wanted = new Float64Array(PASS);
  private attackMs = 0;
  private releaseMs = 0;
  /** The smoothed gain reduction, dB ≥ 0. */
  private reductionDb = 0;
  /** Deepest reduction of the last process call, dB ≥ 0. */
  private deepestDb = 0;

  constructor(private readonly sampleRate: number) {
    this.detectorFilter = new CutFilter(sampleRate, 'high-pass');
    this.detectorFilter.setFrequencyHz(100);
    this.detectorFilter.setEnabled(false);
    this.setAttackMs(10);
    this.setReleaseMs(100);
  }

  setThresholdDb(db: number): void {
    this.thresholdDb = db;
  }

  /** Input dB over the threshold per output dB; clamped to ≥ 1 (∞ is a limiter's curve). */
  setRatio(ratio: number): void {
    this.ratio = Math.max(1, ratio);
  }

  setKneeDb(db: number): void {
    this.kneeDb = Math.max(0, db);
  }

  setAttackMs(ms: number): void {
    this.attackMs = ms;
  }

  setReleaseMs(ms: number): void {
    this.releaseMs = ms;
  }

  setMakeupDb(db: number): void {
    this.makeupDb = db;
  }

  setAutoMakeup(on: boolean): void {
    this.autoMakeup = on;
  }

  /** A 12 dB/oct high-pass on the detector (input or sidechain) only; the audio is not filtered. */
  setDetectorHighPassEnabled(on: boolean): void {
    this.detectorFilter.setEnabled(on);
  }

  setDetectorHighPassHz(hz: number): void {
    this.detectorFilter.setFrequencyHz(hz);
  }

  /** Deepest gain reduction of the last processed block, in dB (≤ 0), for the meter. */
  gainReductionDb(): number {
    return -this.deepestDb;
  }

  reset(): void {
    this.detectorFilter.reset();
    this.reductionDb = 0;
    this.deepestDb = 0;
  }

  /**
   * Compresses `left`/`right` in place. The detector listens to `sidechainLeft`/`sidechainRight`
   * when given (another channel's signal, same length), else to the input itself.
   */
  process(left: Float32Array, right: Float32Array, frames: number, sidechainLeft?: Float32Array, sidechainRight?: Float32Array): void {
    this.deepestDb = 0;
    this.derive();
    const keyLeft = sidechainLeft ?? left;
    const keyRight = sidechainRight ?? sidechainLeft ?? right;
    for (let start = 0; start < frames; start += PASS) this.pass(left, right, keyLeft, keyRight, start, Math.min(PASS, frames - start));
  }

  private pass(left: Float32Array, right: Float32Array, keyLeft: Float32Array, keyRight: Float32Array, start: number, frames: number): void {
    // The detector reads the key in place unless its high-pass needs a copy to filter.
    let detectLeft = keyLeft;
    let detectRight = keyRight;
    let from = start;
    if (this.detectorFilter.isEnabled()) {
      const dl = this.detectorLeft;
      const dr = this.detectorRight;
      for (let i = 0; i < frames; i++) {
        dl[i] = keyLeft[start + i] as number;
        dr[i] = keyRight[start + i] as number;
      }
      this.detectorFilter.process(dl, dr, frames);
      detectLeft = dl;
      detectRight = dr;
      from = 0;
    }
    const { thresholdDb, ratio, kneeDb, wanted, peakValue, peakBits } = this;
    const kneeStart = this.derived[KNEE_START] as number;
    // What each frame asks for: none unless the louder channel's peak is over the knee's lower
    // edge, else its level's distance from the static curve. The level in dB is worked out from
    // the float32 peak's bits: peak = 2^e · m, m in [1, 2); ln m = ln(m / c) − ln(1 / c) for the
    // c = 1 + k/128 at or under m (tabled), ln(m / c) by its series (m / c − 1 < 1/128: six terms
    // leave an error under 3e-16). No call and no division: this loop has no chain from one frame
    // to the next, so the processor overlaps the frames' logarithms.
    let loud = 0;
    for (let i = 0; i < frames; i++) {
      const a = Math.abs(detectLeft[from + i] as number);
      const b = Math.abs(detectRight[from + i] as number);
      const peak = a > b ? a : b;
      let want = 0;
      if (peak > kneeStart) {
        peakValue[0] = peak;
        let bits = peakBits[0] as number;
        let e = (bits >>> 23) - 127;
        if (e === -127) {
          // A subnormal float32: scaled by 2^64 into the normal range (exactly).
          peakValue[0] = peak * TWO_TO_64;
          bits = peakBits[0] as number;
          e = (bits >>> 23) - 191;
        }
        const k = (bits >>> 16) & 127;
        peakBits[0] = (bits & 0x7fffff) | 0x3f800000;
        const r = (peakValue[0] as number) * (SEGMENT_INVERSES[k] as number) - 1;
        const r2 = r * r;
        const lnRatio = r - r2 * (1 / 2 - r * (1 / 3) + r2 * (1 / 4 - r * (1 / 5) + r2 * (1 / 6)));
        const levelDb = (e * Math.LN2 + (lnRatio - (SEGMENT_INVERSE_LOGS[k] as number))) * DB_PER_NEPER;
        want = levelDb - compressorCurveDb(levelDb, thresholdDb, ratio, kneeDb);
        loud++;
      }
      wanted[i] = want;
    }
    if (loud === 0) this.release(left, right, start, frames);
    else this.follow(left, right, start, frames);
  }

  /** The smooth branching detector over a pass, each frame asking for the reduction in `wanted`. */
  private follow(left: Float32Array, right: Float32Array, start: number, frames: number): void {
    const { derived, wanted } = this;
    const attack = derived[ATTACK] as number;
    const release = derived[RELEASE] as number;
    const appliedMakeupDb = derived[MAKEUP_DB] as number;
    const makeupGain = derived[GAIN] as number;
    const slot = this.slot;
    let reduction = this.reductionDb;
    let deepest = this.deepestDb;
    this.startGain();
    let gain = slot[0] as number;
    for (let i = 0; i < frames; i++) {
      const want = wanted[i] as number;
      const coefficient = want > reduction ? attack : release;
      let next = coefficient * reduction + (1 - coefficient) * want;
      if (next < NO_REDUCTION_DB) next = 0;
      if (next !== reduction) {
        const d = (reduction - next) * NEPERS_PER_DB;
        if (next === 0) gain = makeupGain;
        else if (d < TAYLOR_NEPERS && d > -TAYLOR_NEPERS) {
          const d2 = d * d;
          gain *= 1 + d + d2 * (1 / 2 + d * (1 / 6) + d2 * (1 / 24 + d * (1 / 120)));
        }
        else {
          slot[0] = (appliedMakeupDb - next) * NEPERS_PER_DB;
          expInPlace(slot, 0, 1);
          gain = slot[0] as number;
        }
        reduction = next;
      }
      if (reduction > deepest) deepest = reduction;
      left[start + i] = (left[start + i] as number) * gain;
      right[start + i] = (right[start + i] as number) * gain;
    }
    this.reductionDb = reduction;
    this.deepestDb = deepest;
  }

  /**
   * {@link follow} for a pass in which no sample asks for reduction: the reduction only decays,
   * by the release coefficient (α·r + (1 − α)·0 is α·r exactly), and the deepest is the first.
   */
  private release(left: Float32Array, right: Float32Array, start: number, frames: number): void {
    const derived = this.derived;
    const release = derived[RELEASE] as number;
    const appliedMakeupDb = derived[MAKEUP_DB] as number;
    const makeupGain = derived[GAIN] as number;
    let reduction = this.reductionDb;
    if (reduction === 0) {
      // Nothing reduced: make-up only (unity leaves the block as it is).
      if (makeupGain !== 1) {
        for (let i = start; i < start + frames; i++) {
          left[i] = (left[i] as number) * makeupGain;
          right[i] = (right[i] as number) * makeupGain;
        }
      }
      return;
    }
    const slot = this.slot;
    this.startGain();
    let gain = slot[0] as number;
    let first = release * reduction;
    if (first < NO_REDUCTION_DB) first = 0;
    if (first > this.deepestDb) this.deepestDb = first;
    for (let i = 0; i < frames; i++) {
      let next = release * reduction;
      if (next < NO_REDUCTION_DB) next = 0;
      if (next !== reduction) {
        const d = (reduction - next) * NEPERS_PER_DB;
        if (next === 0) gain = makeupGain;
        else if (d < TAYLOR_NEPERS) {
          const d2 = d * d;
          gain *= 1 + d + d2 * (1 / 2 + d * (1 / 6) + d2 * (1 / 24 + d * (1 / 120)));
        }
        else {
          slot[0] = (appliedMakeupDb - next) * NEPERS_PER_DB;
          expInPlace(slot, 0, 1);
          gain = slot[0] as number;
        }
        reduction = next;
      }
      left[start + i] = (left[start + i] as number) * gain;
      right[start + i] = (right[start + i] as number) * gain;
    }
    this.reductionDb = reduction;
  }

  /**
   * Writes into `slot[0]` the gain for the smoothed reduction the pass starts from, make-up
   * included, worked out exactly: each pass starts afresh from it. Through the slot, not returned:
   * a double returned from a call that is not inlined is boxed.
   */
  private startGain(): void {
    const slot = this.slot;
    if (this.reductionDb === 0) slot[0] = this.derived[GAIN] as number;
    else {
      slot[0] = ((this.derived[MAKEUP_DB] as number) - this.reductionDb) * NEPERS_PER_DB;
      expInPlace(slot, 0, 1);
    }
  }

  private derive(): void {
    const derived = this.derived;
    const auto = this.autoMakeup ? -compressorCurveDb(0, this.thresholdDb, this.ratio, this.kneeDb) : 0;
    derived[MAKEUP_DB] = this.makeupDb + auto;
    derived[GAIN] = (derived[MAKEUP_DB] as number) * NEPERS_PER_DB;
    derived[KNEE_START] = (this.thresholdDb - this.kneeDb / 2) * NEPERS_PER_DB;
    derived[ATTACK] = -1000 / (this.attackMs * this.sampleRate);
    derived[RELEASE] = -1000 / (this.releaseMs * this.sampleRate);
    expInPlace(derived, GAIN, RELEASE + 1);
    if (!(this.attackMs > 0)) derived[ATTACK] = 0;
    if (!(this.releaseMs > 0)) derived[RELEASE] = 0;
  }
}
