import { flushDenormal } from '../denormal';
import { type BiquadCoefficients } from './biquad-coefficients';

/**
 * The two channels' state of one second-order section, transposed direct form II in float64
 * (low-frequency sections at high rates keep their accuracy). The coefficients are passed in,
 * so a design change takes effect on the next block with the state kept: no click.
 */
export class StereoBiquad {
  private l1 = 0;
  private l2 = 0;
  private r1 = 0;
  private r2 = 0;

  reset(): void {
    this.l1 = this.l2 = this.r1 = this.r2 = 0;
  }

  process(c: BiquadCoefficients, left: Float32Array, right: Float32Array, frames: number): void {
    const { b0, b1, b2, a1, a2 } = c;
    let s1 = this.l1;
    let s2 = this.l2;
    for (let i = 0; i < frames; i++) {
      const x = left[i] as number;
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      left[i] = y;
    }
    this.l1 = flushDenormal(s1);
    this.l2 = flushDenormal(s2);
    s1 = this.r1;
    s2 = this.r2;
    for (let i = 0; i < frames; i++) {
      const x = right[i] as number;
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      right[i] = y;
    }
    this.r1 = flushDenormal(s1);
    this.r2 = flushDenormal(s2);
  }
}
