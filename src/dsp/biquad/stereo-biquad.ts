import { flushDenormals } from '../denormal';
import { type BiquadCoefficients } from './biquad-coefficients';

/**
 * The two channels' state of one second-order section, transposed direct form II in float64
 * (low-frequency sections at high rates keep their accuracy). The coefficients are passed in,
 * so a design change takes effect on the next block with the state kept: no click.
 */
export class StereoBiquad {
  /** s1, s2 of the left channel, then of the right. */
  private readonly state = new Float64Array(4);

  reset(): void {
    this.state.fill(0);
  }

  /** Whether no past signal rings in the section (every state value is zero). */
  isAtRest(): boolean {
    const state = this.state;
    return state[0] === 0 && state[1] === 0 && state[2] === 0 && state[3] === 0;
  }

  process(c: BiquadCoefficients, left: Float32Array, right: Float32Array, frames: number): void {
    this.channel(c, left, frames, 0);
    this.channel(c, right, frames, 2);
  }

  private channel(c: BiquadCoefficients, plane: Float32Array, frames: number, at: number): void {
    const { b0, b1, b2, a1, a2 } = c;
    const state = this.state;
    let s1 = state[at] as number;
    let s2 = state[at + 1] as number;
    for (let i = 0; i < frames; i++) {
      const x = plane[i] as number;
      const y = b0 * x + s1;
      s1 = b1 * x - a1 * y + s2;
      s2 = b2 * x - a2 * y;
      plane[i] = y;
    }
    state[at] = s1;
    state[at + 1] = s2;
    flushDenormals(state, at, at + 2);
  }
}
