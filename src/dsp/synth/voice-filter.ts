import { cos, pow, tan, tanhInPlace } from '../../std/det-math';
import { CONTROL_FRAMES } from './synth-patch';

/** The voice filter's modes and slopes, in the order of the synth's options. */
export const voiceFilterModes = ['low-pass', 'high-pass', 'band-pass'] as const;
export const voiceFilterSlopes = [12, 24] as const;

/** Resonance 0…1 maps to Q 0.707 (Butterworth) … 25 (ringing, not self-oscillating), evenly in ratio. */
const MIN_Q = Math.SQRT1_2;
const MAX_Q = 25;
/** The two sections of a fourth-order Butterworth: damping 2·cos(π/8) and 2·cos(3π/8). */
const BUTTERWORTH4_K1 = 2 * cos(Math.PI / 8);
const BUTTERWORTH4_K2 = 2 * cos((3 * Math.PI) / 8);

/** Damping k = 1/Q of the 12 dB filter for resonance 0…1. */
export function dampingFor(resonance: number): number {
  const r = resonance < 0 ? 0 : resonance > 1 ? 1 : resonance;
  return 1 / (MIN_Q * pow(MAX_Q / MIN_Q, r));
}

/** The SVF's g = tan(π·fc/fs), with the cutoff held to 10 Hz…0.49·fs. */
export function svfGain(cutoffHz: number, sampleRate: number): number {
  const top = 0.49 * sampleRate;
  const hz = cutoffHz < 10 ? 10 : cutoffHz > top ? top : cutoffHz;
  return tan((Math.PI * hz) / sampleRate);
}

/**
 * Magnitude of the filter at `hz` as the difference equations give it (the bilinear transform of
 * the analog prototype with the cutoff prewarped, Zavalishin's TPT): the reference the tests and
 * a UI curve compare with. `mode` indexes voiceFilterModes; `slope` is 12 or 24.
 */
export function voiceFilterMagnitude(hz: number, cutoffHz: number, resonance: number, mode: number, slope: number, sampleRate: number): number {
  const w = tan((Math.PI * hz) / sampleRate) / svfGain(cutoffHz, sampleRate);
  const k = dampingFor(resonance);
  const section = (damping: number): number => {
    // H(s) at s = jw over the denominator s² + k·s + 1.
    const re = 1 - w * w;
    const im = damping * w;
    const den = Math.sqrt(re * re + im * im);
    const num = mode === 0 ? 1 : mode === 1 ? w * w : damping * w;
    return num / den;
  };
  return slope === 24 ? section(BUTTERWORTH4_K1) * section(k * (BUTTERWORTH4_K2 / Math.SQRT2)) : section(k);
}

/**
 * A voice's filter: a topology-preserving state-variable filter (Zavalishin's TPT, Simper's
 * trapezoidal SVF), stable however fast its cutoff moves, so envelopes and the LFO may sweep it
 * every few frames. 12 dB/oct is one section with damping k; 24 dB/oct is two sections tuned as
 * a fourth-order Butterworth at resonance 0, the resonance sharpening the second. Drive
 * saturates the input (tanh) before the filter; 0 dB leaves the signal untouched. Inputs are
 * fields (a double passed to a call that is not inlined is boxed on the audio thread); the state
 * is flushed below 1e-25 as `flushDenormals` does, written out in the kernel.
 */
export class VoiceFilter {
  /** Inputs, set before `process`: g = svfGain(cutoff), damping k = dampingFor(resonance), drive a linear input gain ≥ 1 (1 = off). */
  g = 0.5;
  k = 1.5;
  drive = 1;
  /** Driven input on its way through tanh (det-math works in place). */
  private readonly driven = new Float64Array(CONTROL_FRAMES);
  /** Integrator states: [channel][section][2]. */
  private readonly state = new Float64Array(8);
  /** Each section's damping for the block being filtered. */
  private readonly damping = new Float64Array(2);

  reset(): void {
    this.state.fill(0);
  }

  /** plane[i] ← tanh(drive · plane[i]) for i in [from, to). */
  private saturate(plane: Float32Array, from: number, to: number): void {
    const { driven, drive } = this;
    for (let start = from; start < to; start += CONTROL_FRAMES) {
      const count = Math.min(CONTROL_FRAMES, to - start);
      for (let i = 0; i < count; i++) driven[i] = drive * (plane[start + i] as number);
      tanhInPlace(driven, 0, count);
      for (let i = 0; i < count; i++) plane[start + i] = driven[i] as number;
    }
  }

  /** Filters `left` (and `right` when `stereo`) [from, to) in place; `mode` indexes voiceFilterModes, `slope` is 12 or 24. */
  process(left: Float32Array, right: Float32Array, stereo: boolean, from: number, to: number, mode: number, slope: number): void {
    if (this.drive > 1) {
      this.saturate(left, from, to);
      if (stereo) this.saturate(right, from, to);
    }
    const twoSections = slope === 24;
    // Two stores, not one of a conditional: a module constant merged with a double boxes it (see src/dsp/README).
    if (twoSections) this.damping[0] = BUTTERWORTH4_K1;
    else this.damping[0] = this.k;
    this.damping[1] = this.k * (BUTTERWORTH4_K2 / Math.SQRT2);
    this.cascade(left, 0, from, to, mode, twoSections);
    if (stereo) this.cascade(right, 4, from, to, mode, twoSections);
  }

  /**
   * One channel through one SVF section (damping[0]) or two in cascade (damping[0], then
   * damping[1]) in one pass; states at `state[at…at + 3]`.
   */
  private cascade(buffer: Float32Array, at: number, from: number, to: number, mode: number, twoSections: boolean): void {
    const state = this.state;
    const g = this.g;
    const k1 = this.damping[0] as number;
    const k2 = this.damping[1] as number;
    // Output = cx·x + c1·v1 + c2·v2: low-pass v2, high-pass x − k·v1 − v2, band-pass k·v1 (0 dB at the centre).
    const cx = mode === 1 ? 1 : 0;
    const c2 = mode === 0 ? 1 : mode === 1 ? -1 : 0;
    const c1a = mode === 0 ? 0 : mode === 1 ? -k1 : k1;
    const c1b = mode === 0 ? 0 : mode === 1 ? -k2 : k2;
    const a1 = 1 / (1 + g * (g + k1));
    const a2 = g * a1;
    const a3 = g * a2;
    const b1 = 1 / (1 + g * (g + k2));
    const b2 = g * b1;
    const b3 = g * b2;
    let s1 = state[at] as number;
    let s2 = state[at + 1] as number;
    let t1 = state[at + 2] as number;
    let t2 = state[at + 3] as number;
    for (let i = from; i < to; i++) {
      const x = buffer[i] as number;
      let v3 = x - s2;
      let v1 = a1 * s1 + a2 * v3;
      let v2 = s2 + a2 * s1 + a3 * v3;
      s1 = 2 * v1 - s1;
      s2 = 2 * v2 - s2;
      let y = cx * x + c1a * v1 + c2 * v2;
      if (twoSections) {
        v3 = y - t2;
        v1 = b1 * t1 + b2 * v3;
        v2 = t2 + b2 * t1 + b3 * v3;
        t1 = 2 * v1 - t1;
        t2 = 2 * v2 - t2;
        y = cx * y + c1b * v1 + c2 * v2;
      }
      buffer[i] = y;
    }
    state[at] = s1 > 1e-25 || s1 < -1e-25 ? s1 : 0;
    state[at + 1] = s2 > 1e-25 || s2 < -1e-25 ? s2 : 0;
    state[at + 2] = t1 > 1e-25 || t1 < -1e-25 ? t1 : 0;
    state[at + 3] = t2 > 1e-25 || t2 < -1e-25 ? t2 : 0;
  }
}
