import { exp10InPlace, pow } from '../../std/det-math';
import { onePoleCoefficient } from '../one-pole';
import { type StereoEffect } from '../stereo-effect';

/** Loop delays at size 1, ms: mutually prime-ish lengths spread so the modes do not bunch up. */
const LINE_MS = [31.3, 37.7, 41.9, 47.3, 53.1, 59.3, 67.1, 73.7];
const LINES = 8;
/** Input diffusers (Schroeder all-passes) in series, ms and gain: smear an impulse into a wash. */
const DIFFUSER_MS = [4.77, 3.59, 12.73, 9.31];
const DIFFUSER_GAIN = 0.7;
/** Size 0…1 scales the loop delays by 0.3…2 (a small room to a hall). */
const MIN_SCALE = 0.3;
const MAX_SCALE = 2;
export const MAX_PRE_DELAY_MS = 250;
/** Damping 0…1 puts the loop's high cut from 20 kHz (0: off) down to 1 kHz. */
const DAMPING_TOP_HZ = 20_000;
const DAMPING_BOTTOM_HZ = 1000;
/** Output taps' signs per line, left and right: different sign patterns decorrelate the sides. */
const TAP_LEFT = [1, -1, 1, -1, 1, -1, 1, -1];
const TAP_RIGHT = [1, 1, -1, -1, 1, 1, -1, -1];
/** Wet level: the eight lines' sum scaled so a dense tail sits near the dry signal's level. */
const WET_GAIN = 0.35;

/**
 * Algorithmic reverb: a feedback delay network (Jot & Chaigne) of eight delay lines mixed by an
 * orthonormal 8×8 Hadamard matrix, fed through four series all-pass diffusers and a pre-delay.
 * Each line's loop gain is 10^(−3·d / (fs·RT60)) for its length d, so every mode loses 60 dB in
 * the decay time whatever the size; damping adds a one-pole high cut in each loop (unity at DC,
 * so it shortens only the highs). Width crossfades the tail from mono to full stereo; mix is the
 * wet share. Own design and code, after the published FDN literature.
 *
 * Size changes the loop lengths at once (a click while a tail rings, like moving walls); the
 * other settings are cheap per block. Integer delays only: no modulation, fully deterministic.
 */
export class Reverb implements StereoEffect {
  readonly latencyFrames = 0;
  /** All eight lines in one buffer, line i at offsets[i], capacity for the largest size. */
  private readonly lines: Float32Array;
  private readonly offsets = new Int32Array(LINES);
  private readonly lengths = new Int32Array(LINES);
  private readonly positions = new Int32Array(LINES);
  private readonly gains = new Float64Array(LINES);
  private readonly damping = new Float64Array(LINES);
  /** The lines' attenuated returns of the current frame, mixed in place. */
  private readonly returns = new Float64Array(LINES);
  private readonly diffusers: Float32Array;
  private readonly diffuserOffsets = new Int32Array(DIFFUSER_MS.length);
  private readonly diffuserLengths = new Int32Array(DIFFUSER_MS.length);
  private readonly diffuserPositions = new Int32Array(DIFFUSER_MS.length);
  private readonly preDelay: Float32Array;
  private preDelayFrames = 0;
  private preDelayPosition = 0;
  private scale = 1;
  private decaySeconds = 2;
  private dampingCoefficient = 1;
  private width = 1;
  private mix = 0.25;

  constructor(private readonly sampleRate: number) {
    let total = 0;
    for (let i = 0; i < LINES; i++) {
      this.offsets[i] = total;
      total += Math.ceil(((LINE_MS[i] as number) * MAX_SCALE * sampleRate) / 1000);
    }
    this.lines = new Float32Array(total);
    let diffusion = 0;
    DIFFUSER_MS.forEach((ms, i) => {
      const length = Math.round((ms * sampleRate) / 1000);
      this.diffuserOffsets[i] = diffusion;
      this.diffuserLengths[i] = length;
      diffusion += length;
    });
    this.diffusers = new Float32Array(diffusion);
    this.preDelay = new Float32Array(Math.ceil((MAX_PRE_DELAY_MS * sampleRate) / 1000) + 1);
    this.setSize(0.5);
  }

  /** Room size 0…1: loop delays 0.3…2 × their base lengths (≈ 9–150 ms). */
  setSize(fraction: number): void {
    const size = Math.min(1, Math.max(0, fraction));
    this.scale = MIN_SCALE + (MAX_SCALE - MIN_SCALE) * size;
    for (let i = 0; i < LINES; i++) {
      const length = Math.max(1, Math.round(((LINE_MS[i] as number) * this.scale * this.sampleRate) / 1000));
      this.lengths[i] = length;
      this.positions[i] = (this.positions[i] as number) % length;
    }
    this.updateGains();
  }

  /** RT60: the time the tail takes to fall 60 dB, seconds (0.1…30). */
  setDecaySeconds(seconds: number): void {
    this.decaySeconds = Math.min(30, Math.max(0.1, seconds));
    this.updateGains();
  }

  /** High-frequency damping 0…1 (0: the highs ring as long as the lows). */
  setDamping(fraction: number): void {
    const damping = Math.min(1, Math.max(0, fraction));
    this.dampingCoefficient = damping === 0 ? 1 : onePoleCoefficient(DAMPING_TOP_HZ * pow(DAMPING_BOTTOM_HZ / DAMPING_TOP_HZ, damping), this.sampleRate);
  }

  /** Silence before the tail starts, ms (0…250), whole frames. */
  setPreDelayMs(ms: number): void {
    this.preDelayFrames = Math.round((Math.min(MAX_PRE_DELAY_MS, Math.max(0, ms)) * this.sampleRate) / 1000);
  }

  /** Stereo width of the tail, 0 (mono) … 1 (full). */
  setWidth(fraction: number): void {
    this.width = Math.min(1, Math.max(0, fraction));
  }

  /** Wet share of the output, 0…1 (1 on a send bus). */
  setMix(fraction: number): void {
    this.mix = Math.min(1, Math.max(0, fraction));
  }

  reset(): void {
    this.lines.fill(0);
    this.positions.fill(0);
    this.damping.fill(0);
    this.diffusers.fill(0);
    this.diffuserPositions.fill(0);
    this.preDelay.fill(0);
    this.preDelayPosition = 0;
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    const { lines, offsets, lengths, positions, gains, damping, returns, diffusers, diffuserOffsets, diffuserLengths, diffuserPositions, preDelay, preDelayFrames, dampingCoefficient, mix } = this;
    const preDelaySize = preDelay.length;
    const dry = 1 - mix;
    // Width as mid/side: side scaled by the width, and the wet gain folded in.
    const mid = 0.5 * WET_GAIN * mix;
    const side = 0.5 * WET_GAIN * mix * this.width;
    const norm = 1 / Math.sqrt(LINES);
    let preDelayPosition = this.preDelayPosition;
    for (let n = 0; n < frames; n++) {
      const inL = left[n] as number;
      const inR = right[n] as number;
      // Pre-delay on the mono sum (a zero-frame pre-delay reads what was just written).
      preDelay[preDelayPosition] = 0.5 * (inL + inR);
      let readAt = preDelayPosition - preDelayFrames;
      if (readAt < 0) readAt += preDelaySize;
      let x = preDelay[readAt] as number;
      preDelayPosition = preDelayPosition + 1 === preDelaySize ? 0 : preDelayPosition + 1;

      for (let d = 0; d < DIFFUSER_MS.length; d++) {
        const at = (diffuserOffsets[d] as number) + (diffuserPositions[d] as number);
        const delayed = diffusers[at] as number;
        const w = x + DIFFUSER_GAIN * delayed;
        diffusers[at] = w;
        x = delayed - DIFFUSER_GAIN * w;
        const next = (diffuserPositions[d] as number) + 1;
        diffuserPositions[d] = next === diffuserLengths[d] ? 0 : next;
      }

      // Read the eight lines, tap the outputs, damp and attenuate the returns.
      let wetL = 0;
      let wetR = 0;
      for (let i = 0; i < LINES; i++) {
        const out = lines[(offsets[i] as number) + (positions[i] as number)] as number;
        wetL += (TAP_LEFT[i] as number) * out;
        wetR += (TAP_RIGHT[i] as number) * out;
        const s = damping[i] as number;
        const damped = s + (out - s) * dampingCoefficient;
        damping[i] = damped;
        returns[i] = (gains[i] as number) * damped;
      }
      // Fast Walsh–Hadamard transform of the returns, normalized: an orthonormal mix.
      for (let h = 1; h < LINES; h *= 2) {
        for (let i = 0; i < LINES; i += 2 * h) {
          for (let j = i; j < i + h; j++) {
            const a = returns[j] as number;
            const b = returns[j + h] as number;
            returns[j] = a + b;
            returns[j + h] = a - b;
          }
        }
      }
      for (let i = 0; i < LINES; i++) {
        // Alternate the input's sign over the lines so it excites the matrix's modes evenly.
        const w = (returns[i] as number) * norm + (i & 1 ? -x : x);
        const at = (offsets[i] as number) + (positions[i] as number);
        lines[at] = w > 1e-25 || w < -1e-25 ? w : 0;
        const next = (positions[i] as number) + 1;
        positions[i] = next === lengths[i] ? 0 : next;
      }
      const m = (wetL + wetR) * mid;
      const s = (wetL - wetR) * side;
      left[n] = dry * inL + m + s;
      right[n] = dry * inR + m - s;
    }
    this.preDelayPosition = preDelayPosition;
    for (let i = 0; i < LINES; i++) damping[i] = Math.abs(damping[i] as number) > 1e-25 ? (damping[i] as number) : 0;
  }

  private updateGains(): void {
    for (let i = 0; i < LINES; i++) this.gains[i] = (-3 * (this.lengths[i] as number)) / (this.sampleRate * this.decaySeconds);
    exp10InPlace(this.gains, 0, LINES);
  }
}
