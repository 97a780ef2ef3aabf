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
/**
 * Output taps' signs per line: left + − + − + − + −, right + + − − + + − − (written out in
 * `process`); different sign patterns decorrelate the sides.
 */
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

  /**
   * The eight lines are written out one by one (positions, loop gains and damping states held in
   * locals, the Hadamard transform as its 24 sums): the same operations in the same order as the
   * loops over the lines they replace, so the same samples, at about half the time per frame.
   */
  process(left: Float32Array, right: Float32Array, frames: number): void {
    const { lines, offsets, lengths, positions, gains, damping, diffusers, diffuserOffsets, diffuserLengths, diffuserPositions, preDelay, preDelayFrames, dampingCoefficient, mix } = this;
    const preDelaySize = preDelay.length;
    const dry = 1 - mix;
    // Width as mid/side: side scaled by the width, and the wet gain folded in.
    const mid = 0.5 * WET_GAIN * mix;
    const side = 0.5 * WET_GAIN * mix * this.width;
    const norm = 1 / Math.sqrt(LINES);
    let preDelayPosition = this.preDelayPosition;
    const o0 = offsets[0] as number;
    const n0 = lengths[0] as number;
    const g0 = gains[0] as number;
    let p0 = positions[0] as number;
    let d0 = damping[0] as number;
    const o1 = offsets[1] as number;
    const n1 = lengths[1] as number;
    const g1 = gains[1] as number;
    let p1 = positions[1] as number;
    let d1 = damping[1] as number;
    const o2 = offsets[2] as number;
    const n2 = lengths[2] as number;
    const g2 = gains[2] as number;
    let p2 = positions[2] as number;
    let d2 = damping[2] as number;
    const o3 = offsets[3] as number;
    const n3 = lengths[3] as number;
    const g3 = gains[3] as number;
    let p3 = positions[3] as number;
    let d3 = damping[3] as number;
    const o4 = offsets[4] as number;
    const n4 = lengths[4] as number;
    const g4 = gains[4] as number;
    let p4 = positions[4] as number;
    let d4 = damping[4] as number;
    const o5 = offsets[5] as number;
    const n5 = lengths[5] as number;
    const g5 = gains[5] as number;
    let p5 = positions[5] as number;
    let d5 = damping[5] as number;
    const o6 = offsets[6] as number;
    const n6 = lengths[6] as number;
    const g6 = gains[6] as number;
    let p6 = positions[6] as number;
    let d6 = damping[6] as number;
    const o7 = offsets[7] as number;
    const n7 = lengths[7] as number;
    const g7 = gains[7] as number;
    let p7 = positions[7] as number;
    let d7 = damping[7] as number;
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

      // Read the eight lines, tap the outputs with their signs, damp and attenuate the returns.
      const out0 = lines[o0 + p0] as number;
      const out1 = lines[o1 + p1] as number;
      const out2 = lines[o2 + p2] as number;
      const out3 = lines[o3 + p3] as number;
      const out4 = lines[o4 + p4] as number;
      const out5 = lines[o5 + p5] as number;
      const out6 = lines[o6 + p6] as number;
      const out7 = lines[o7 + p7] as number;
      const wetL = (((((((0 + out0) - out1) + out2) - out3) + out4) - out5) + out6) - out7;
      const wetR = (((((((0 + out0) + out1) - out2) - out3) + out4) + out5) - out6) - out7;
      d0 = d0 + (out0 - d0) * dampingCoefficient;
      d1 = d1 + (out1 - d1) * dampingCoefficient;
      d2 = d2 + (out2 - d2) * dampingCoefficient;
      d3 = d3 + (out3 - d3) * dampingCoefficient;
      d4 = d4 + (out4 - d4) * dampingCoefficient;
      d5 = d5 + (out5 - d5) * dampingCoefficient;
      d6 = d6 + (out6 - d6) * dampingCoefficient;
      d7 = d7 + (out7 - d7) * dampingCoefficient;
      const r0 = g0 * d0;
      const r1 = g1 * d1;
      const r2 = g2 * d2;
      const r3 = g3 * d3;
      const r4 = g4 * d4;
      const r5 = g5 * d5;
      const r6 = g6 * d6;
      const r7 = g7 * d7;
      const h0_0 = r0 + r1;
      const h0_1 = r0 - r1;
      const h0_2 = r2 + r3;
      const h0_3 = r2 - r3;
      const h0_4 = r4 + r5;
      const h0_5 = r4 - r5;
      const h0_6 = r6 + r7;
      const h0_7 = r6 - r7;
      const h1_0 = h0_0 + h0_2;
      const h1_2 = h0_0 - h0_2;
      const h1_1 = h0_1 + h0_3;
      const h1_3 = h0_1 - h0_3;
      const h1_4 = h0_4 + h0_6;
      const h1_6 = h0_4 - h0_6;
      const h1_5 = h0_5 + h0_7;
      const h1_7 = h0_5 - h0_7;
      const h2_0 = h1_0 + h1_4;
      const h2_4 = h1_0 - h1_4;
      const h2_1 = h1_1 + h1_5;
      const h2_5 = h1_1 - h1_5;
      const h2_2 = h1_2 + h1_6;
      const h2_6 = h1_2 - h1_6;
      const h2_3 = h1_3 + h1_7;
      const h2_7 = h1_3 - h1_7;
      // Alternate the input's sign over the lines so it excites the matrix's modes evenly; flush denormal-sized values.
      const w0 = h2_0 * norm + x;
      lines[o0 + p0] = w0 > 1e-25 || w0 < -1e-25 ? w0 : 0;
      p0 = p0 + 1 === n0 ? 0 : p0 + 1;
      const w1 = h2_1 * norm + -x;
      lines[o1 + p1] = w1 > 1e-25 || w1 < -1e-25 ? w1 : 0;
      p1 = p1 + 1 === n1 ? 0 : p1 + 1;
      const w2 = h2_2 * norm + x;
      lines[o2 + p2] = w2 > 1e-25 || w2 < -1e-25 ? w2 : 0;
      p2 = p2 + 1 === n2 ? 0 : p2 + 1;
      const w3 = h2_3 * norm + -x;
      lines[o3 + p3] = w3 > 1e-25 || w3 < -1e-25 ? w3 : 0;
      p3 = p3 + 1 === n3 ? 0 : p3 + 1;
      const w4 = h2_4 * norm + x;
      lines[o4 + p4] = w4 > 1e-25 || w4 < -1e-25 ? w4 : 0;
      p4 = p4 + 1 === n4 ? 0 : p4 + 1;
      const w5 = h2_5 * norm + -x;
      lines[o5 + p5] = w5 > 1e-25 || w5 < -1e-25 ? w5 : 0;
      p5 = p5 + 1 === n5 ? 0 : p5 + 1;
      const w6 = h2_6 * norm + x;
      lines[o6 + p6] = w6 > 1e-25 || w6 < -1e-25 ? w6 : 0;
      p6 = p6 + 1 === n6 ? 0 : p6 + 1;
      const w7 = h2_7 * norm + -x;
      lines[o7 + p7] = w7 > 1e-25 || w7 < -1e-25 ? w7 : 0;
      p7 = p7 + 1 === n7 ? 0 : p7 + 1;
      const m = (wetL + wetR) * mid;
      const s = (wetL - wetR) * side;
      left[n] = dry * inL + m + s;
      right[n] = dry * inR + m - s;
    }
    this.preDelayPosition = preDelayPosition;
    positions[0] = p0;
    damping[0] = Math.abs(d0) > 1e-25 ? d0 : 0;
    positions[1] = p1;
    damping[1] = Math.abs(d1) > 1e-25 ? d1 : 0;
    positions[2] = p2;
    damping[2] = Math.abs(d2) > 1e-25 ? d2 : 0;
    positions[3] = p3;
    damping[3] = Math.abs(d3) > 1e-25 ? d3 : 0;
    positions[4] = p4;
    damping[4] = Math.abs(d4) > 1e-25 ? d4 : 0;
    positions[5] = p5;
    damping[5] = Math.abs(d5) > 1e-25 ? d5 : 0;
    positions[6] = p6;
    damping[6] = Math.abs(d6) > 1e-25 ? d6 : 0;
    positions[7] = p7;
    damping[7] = Math.abs(d7) > 1e-25 ? d7 : 0;
  }

  private updateGains(): void {
    for (let i = 0; i < LINES; i++) this.gains[i] = (-3 * (this.lengths[i] as number)) / (this.sampleRate * this.decaySeconds);
    exp10InPlace(this.gains, 0, LINES);
  }
}
