import { exp2 } from '../../std/det-math';
import { type StereoEffect } from '../stereo-effect';

/**
 * Bit depth reduction and sample-rate reduction: each sample is rounded to a grid of
 * 2^(bits − 1) steps per unit (bits may be fractional, 1…24), and only every `factor`-th
 * input frame is taken and held (factor may be fractional, 1…64: a phase accumulator picks the
 * frames, so 2.5 alternates holds of 2 and 3). No anti-aliasing: the aliasing is the sound.
 */
export class Bitcrusher implements StereoEffect {
  readonly latencyFrames = 0;
  private steps = 128;
  private factor = 1;
  private mix = 1;
  /** Frames since the last multiple of the factor (fractional), and the held values. */
  private phase = 0;
  private heldLeft = 0;
  private heldRight = 0;

  /** The rate is not needed (the factor counts frames); taken so every kernel is built alike. */
  constructor(_sampleRate: number) {
    this.reset();
  }

  setBits(bits: number): void {
    this.steps = exp2(Math.min(24, Math.max(1, bits)) - 1);
  }

  setDownsampleFactor(factor: number): void {
    this.factor = Math.min(64, Math.max(1, factor));
  }

  /** Wet share of the output, 0…1. */
  setMix(fraction: number): void {
    this.mix = Math.min(1, Math.max(0, fraction));
  }

  reset(): void {
    this.phase = 0;
    this.heldLeft = this.heldRight = 0;
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    const { steps, factor, mix } = this;
    const dry = 1 - mix;
    let phase = this.phase;
    let heldLeft = this.heldLeft;
    let heldRight = this.heldRight;
    for (let i = 0; i < frames; i++) {
      const l = left[i] as number;
      const r = right[i] as number;
      // A frame is taken when a multiple of the factor falls within the last frame's step.
      if (phase < 1) {
        heldLeft = Math.round(l * steps) / steps;
        heldRight = Math.round(r * steps) / steps;
      }
      phase += 1;
      while (phase >= factor) phase -= factor;
      left[i] = dry * l + mix * heldLeft;
      right[i] = dry * r + mix * heldRight;
    }
    this.phase = phase;
    this.heldLeft = heldLeft;
    this.heldRight = heldRight;
  }
}
