import { cos } from '../../std/det-math';
import { BiquadCoefficients } from './biquad-coefficients';
import { StereoBiquad } from './stereo-biquad';

export type CutKind = 'high-pass' | 'low-pass';
/** Roll-off beyond the cutoff: 2, 4 or 8 poles. */
export type CutSlopeDbPerOctave = 12 | 24 | 48;

/**
 * Q of each second-order section of an order-N Butterworth filter (N even):
 * Q_k = 1 / (2·cos((2k − 1)·π / 2N)), k = 1 … N/2. Cascaded, the sections give the maximally
 * flat response, −3.01 dB at the cutoff.
 */
export function butterworthQs(order: number): number[] {
  return Array.from({ length: order / 2 }, (_, k) => 1 / (2 * cos(((2 * k + 1) * Math.PI) / (2 * order))));
}

const MAX_SECTIONS = 4;
const QS: Record<CutSlopeDbPerOctave, number[]> = { 12: butterworthQs(2), 24: butterworthQs(4), 48: butterworthQs(8) };

/** Butterworth high- or low-pass of 12, 24 or 48 dB/oct: one, two or four cascaded sections. */
export class CutFilter {
  private readonly sections = Array.from({ length: MAX_SECTIONS }, () => new BiquadCoefficients());
  private readonly states = Array.from({ length: MAX_SECTIONS }, () => new StereoBiquad());
  private active = 1;
  private enabled = true;
  private frequencyHz = 1000;
  private slope: CutSlopeDbPerOctave = 12;

  constructor(
    private readonly sampleRate: number,
    private readonly kind: CutKind,
  ) {
    this.design();
  }

  setFrequencyHz(hz: number): void {
    if (hz === this.frequencyHz) return;
    this.frequencyHz = hz;
    this.design();
  }

  setSlope(slope: CutSlopeDbPerOctave): void {
    if (slope === this.slope) return;
    this.slope = slope;
    this.design();
  }

  /** A disabled filter passes the signal untouched; enabling it again starts from silence. */
  setEnabled(on: boolean): void {
    if (on && !this.enabled) this.reset();
    this.enabled = on;
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    if (!this.enabled) return;
    for (let s = 0; s < this.active; s++) (this.states[s] as StereoBiquad).process(this.sections[s] as BiquadCoefficients, left, right, frames);
  }

  reset(): void {
    for (const state of this.states) state.reset();
  }

  /** Response in dB at `hz`, summed over the active sections' actual coefficients. */
  magnitudeDb(hz: number): number {
    if (!this.enabled) return 0;
    let db = 0;
    for (let s = 0; s < this.active; s++) db += (this.sections[s] as BiquadCoefficients).magnitudeDb(this.sampleRate, hz);
    return db;
  }

  private design(): void {
    const qs = QS[this.slope];
    if (qs.length !== this.active) {
      // Sections switched on start from silence rather than from stale state.
      for (let s = this.active; s < qs.length; s++) (this.states[s] as StereoBiquad).reset();
      this.active = qs.length;
    }
    for (let s = 0; s < qs.length; s++) {
      const section = this.sections[s] as BiquadCoefficients;
      if (this.kind === 'high-pass') section.setHighPass(this.sampleRate, this.frequencyHz, qs[s] as number);
      else section.setLowPass(this.sampleRate, this.frequencyHz, qs[s] as number);
    }
  }
}
