/** The voice filter's modes and slopes, in the order of the synth's options. */
export const voiceFilterModes = ['low-pass', 'high-pass', 'band-pass'] as const;
export const voiceFilterSlopes = [12, 24] as const;

/** Resonance 0…1 maps to Q 0.707 (Butterworth) … 25 (ringing, not self-oscillating), evenly in ratio. */
const MIN_Q = Math.SQRT1_2;
const MAX_Q = 25;
/** The two sections of a fourth-order Butterworth: damping 2·cos(π/8) and 2·cos(3π/8). */
const BUTTERWORTH4_K1 = 2 * Math.cos(Math.PI / 8);
const BUTTERWORTH4_K2 = 2 * Math.cos((3 * Math.PI) / 8);

/** Damping k = 1/Q of the 12 dB filter for resonance 0…1. */
export function dampingFor(resonance: number): number {
  const r = resonance < 0 ? 0 : resonance > 1 ? 1 : resonance;
  return 1 / (MIN_Q * Math.pow(MAX_Q / MIN_Q, r));
}

/** The SVF's g = tan(π·fc/fs), with the cutoff held to 10 Hz…0.49·fs. */
export function svfGain(cutoffHz: number, sampleRate: number): number {
  const top = 0.49 * sampleRate;
  const hz = cutoffHz < 10 ? 10 : cutoffHz > top ? top : cutoffHz;
  return Math.tan((Math.PI * hz) / sampleRate);
}

/**
 * Magnitude of the filter at `hz` as the difference equations give it (the bilinear transform of
 * the analog prototype with the cutoff prewarped, Zavalishin's TPT): the reference the tests and
 * a UI curve compare with. `mode` indexes voiceFilterModes; `slope` is 12 or 24.
 */
export function voiceFilterMagnitude(hz: number, cutoffHz: number, resonance: number, mode: number, slope: number, sampleRate: number): number {
  const w = Math.tan((Math.PI * hz) / sampleRate) / svfGain(cutoffHz, sampleRate);
  const k = dampingFor(resonance);
  const section = (damping: number): number => {
    // H(s) at s = jw over the denominator s² + k·s + 1.
    const den = Math.hypot(1 - w * w, damping * w);
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
 * is flushed below 1e-25 like `flushDenormal`, written out because that call would box too.
 */
export class VoiceFilter {
  /** Inputs, set before `process`: g = svfGain(cutoff), damping k = dampingFor(resonance), drive a linear input gain ≥ 1 (1 = off). */
  g = 0.5;
  k = 1.5;
  drive = 1;
  /** Integrator states: [section][channel][2]. */
  private readonly state = new Float64Array(8);
  /** Each section's damping for the block being filtered. */
  private readonly damping = new Float64Array(2);

  reset(): void {
    this.state.fill(0);
  }

  /** Filters `left` (and `right` when `stereo`) [from, to) in place; `mode` indexes voiceFilterModes, `slope` is 12 or 24. */
  process(left: Float32Array, right: Float32Array, stereo: boolean, from: number, to: number, mode: number, slope: number): void {
    const drive = this.drive;
    if (drive > 1) {
      for (let i = from; i < to; i++) left[i] = Math.tanh(drive * (left[i] as number));
      if (stereo) for (let i = from; i < to; i++) right[i] = Math.tanh(drive * (right[i] as number));
    }
    if (slope === 24) {
      this.damping[0] = BUTTERWORTH4_K1;
      this.damping[1] = this.k * (BUTTERWORTH4_K2 / Math.SQRT2);
      this.section(left, 0, from, to, 0, mode);
      this.section(left, 4, from, to, 1, mode);
      if (stereo) {
        this.section(right, 2, from, to, 0, mode);
        this.section(right, 6, from, to, 1, mode);
      }
    } else {
      this.damping[0] = this.k;
      this.section(left, 0, from, to, 0, mode);
      if (stereo) this.section(right, 2, from, to, 0, mode);
    }
  }

  /** One SVF section over `buffer` [from, to), its state at `state[at]`, its damping `damping[which]`. */
  private section(buffer: Float32Array, at: number, from: number, to: number, which: number, mode: number): void {
    const state = this.state;
    const g = this.g;
    const k = this.damping[which] as number;
    // Output = cx·x + c1·v1 + c2·v2: low-pass v2, high-pass x − k·v1 − v2, band-pass k·v1 (0 dB at the centre).
    const cx = mode === 1 ? 1 : 0;
    const c1 = mode === 0 ? 0 : mode === 1 ? -k : k;
    const c2 = mode === 0 ? 1 : mode === 1 ? -1 : 0;
    const a1 = 1 / (1 + g * (g + k));
    const a2 = g * a1;
    const a3 = g * a2;
    let s1 = state[at] as number;
    let s2 = state[at + 1] as number;
    for (let i = from; i < to; i++) {
      const x = buffer[i] as number;
      const v3 = x - s2;
      const v1 = a1 * s1 + a2 * v3;
      const v2 = s2 + a2 * s1 + a3 * v3;
      s1 = 2 * v1 - s1;
      s2 = 2 * v2 - s2;
      buffer[i] = cx * x + c1 * v1 + c2 * v2;
    }
    state[at] = s1 > 1e-25 || s1 < -1e-25 ? s1 : 0;
    state[at + 1] = s2 > 1e-25 || s2 < -1e-25 ? s2 : 0;
  }
}
