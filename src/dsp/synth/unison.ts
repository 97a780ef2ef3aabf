/** The most voices one oscillator stacks (a supersaw's seven). */
import { cosInPlace, exp2InPlace, sinInPlace } from '../../std/det-math';
export const MAX_UNISON = 7;

/**
 * How an oscillator's unison voices sit, shared by every note of a synth and set once per block:
 * voice u is detuned by x_u · detune semitones, x_u spread evenly over −1…+1, and panned to
 * ±x_u · width (alternating sides, so the lowest and highest are not both on one side), with
 * constant-power gains. The stack's gains are scaled by 1/√count, so more voices keep the
 * loudness of uncorrelated sources roughly level. One voice is centred with gain 1 on both sides.
 */
export class UnisonSpread {
  count = 1;
  /** Whether the voices sit apart in the stereo field (otherwise left == right and voices render mono). */
  stereo = false;
  readonly ratio = new Float64Array(MAX_UNISON).fill(1);
  readonly gainLeft = new Float64Array(MAX_UNISON).fill(1);
  readonly gainRight = new Float64Array(MAX_UNISON).fill(1);
  /** Inputs, applied by `update`: voices wanted (1…7), detune ± semitones, width 0…1 of the field. */
  requestedCount = 1;
  detuneSemitones = 0.5;
  width = 0.5;
  private lastCount = 1;
  private lastDetune = 0;
  private lastWidth = 0;

  /** Recomputes ratios and gains when an input changed (fields, not arguments: doubles crossing a call would be boxed). */
  update(): void {
    const { requestedCount, detuneSemitones, width } = this;
    const n = requestedCount < 1 ? 1 : requestedCount > MAX_UNISON ? MAX_UNISON : Math.round(requestedCount);
    if (n === this.lastCount && detuneSemitones === this.lastDetune && width === this.lastWidth) return;
    this.lastCount = n;
    this.lastDetune = detuneSemitones;
    this.lastWidth = width;
    this.count = n;
    this.stereo = n > 1 && width > 0;
    const norm = 1 / Math.sqrt(n);
    // Exponents and angles first, then their powers of two, cosines and sines in place.
    for (let u = 0; u < n; u++) {
      const x = n === 1 ? 0 : -1 + (2 * u) / (n - 1);
      this.ratio[u] = (x * detuneSemitones) / 12;
      const pan = width * x * (u % 2 === 0 ? 1 : -1);
      this.gainLeft[u] = this.gainRight[u] = ((pan + 1) * Math.PI) / 4;
    }
    exp2InPlace(this.ratio, 0, n);
    cosInPlace(this.gainLeft, 0, n);
    sinInPlace(this.gainRight, 0, n);
    for (let u = 0; u < n; u++) {
      this.gainLeft[u] = Math.SQRT2 * (this.gainLeft[u] as number) * norm;
      this.gainRight[u] = Math.SQRT2 * (this.gainRight[u] as number) * norm;
    }
  }
}
