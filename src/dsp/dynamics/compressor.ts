import { expInPlace, log10InPlace } from '../../std/det-math';
import { CutFilter } from '../biquad/cut-filter';
import { type StereoEffect } from '../stereo-effect';
import { compressorCurveDb } from './gain-computer';

/** Detector levels are floored here (−200 dB) so silence has a finite logarithm. */
const FLOOR = 1e-10;
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
  /** A pass's detector peaks, then their log10: one det-math call per pass, not one per sample. */
  private readonly levels = new Float64Array(PASS);
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
    const dl = this.detectorLeft;
    const dr = this.detectorRight;
    for (let i = 0; i < frames; i++) {
      dl[i] = keyLeft[start + i] as number;
      dr[i] = keyRight[start + i] as number;
    }
    this.detectorFilter.process(dl, dr, frames);
    const { thresholdDb, ratio, kneeDb, derived } = this;
    const attack = derived[ATTACK] as number;
    const release = derived[RELEASE] as number;
    const appliedMakeupDb = derived[MAKEUP_DB] as number;
    const makeupGain = derived[GAIN] as number;
    const kneeStart = derived[KNEE_START] as number;
    let reduction = this.reductionDb;
    let deepest = this.deepestDb;
    const slot = this.slot;
    let gain = makeupGain;
    if (reduction !== 0) {
      slot[0] = (appliedMakeupDb - reduction) * NEPERS_PER_DB;
      expInPlace(slot, 0, 1);
      gain = slot[0] as number;
    }
    // The louder channel's peak into dl (exact: both are float32), its log10 into levels when any
    // sample of the pass asks for reduction.
    const levels = this.levels;
    let loud = false;
    for (let i = 0; i < frames; i++) {
      const a = Math.abs(dl[i] as number);
      const b = Math.abs(dr[i] as number);
      const peak = a > b ? a : b;
      dl[i] = peak;
      levels[i] = peak > FLOOR ? peak : FLOOR;
      if (peak > kneeStart) loud = true;
    }
    if (loud) log10InPlace(levels, 0, frames);
    for (let i = 0; i < frames; i++) {
      let wanted = 0;
      if ((dl[i] as number) > kneeStart) {
        const levelDb = 20 * (levels[i] as number);
        wanted = levelDb - compressorCurveDb(levelDb, thresholdDb, ratio, kneeDb);
      }
      const coefficient = wanted > reduction ? attack : release;
      let next = coefficient * reduction + (1 - coefficient) * wanted;
      if (next < NO_REDUCTION_DB) next = 0;
      if (next !== reduction) {
        const d = (reduction - next) * NEPERS_PER_DB;
        if (next === 0) gain = makeupGain;
        else if (d < TAYLOR_NEPERS && d > -TAYLOR_NEPERS) gain *= 1 + d * (1 + d * (1 / 2 + d * (1 / 6 + d * (1 / 24 + d / 120))));
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
