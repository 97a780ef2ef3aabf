import { exp2 } from '../../std/det-math';
import { fft } from '../fft';

/**
 * Mip-mapped band-limited wavetables: one waveform stored at several bandwidths, each level a
 * single cycle of TABLE_SIZE samples holding harmonics 1…H only. An oscillator reads the level
 * with the most harmonics that all lie below Nyquist at its pitch, so nothing folds back: the
 * aliasing left is only the linear interpolation's images (≈ (H/TABLE_SIZE)² below the
 * harmonics, under −100 dB at a 4 kHz fundamental). PolyBLEP only shapes the first few
 * partials of a step and leaves ≈ −40 dB of aliasing at 4 kHz; that is why tables are used here.
 * Tables are built once per waveform (a few ms, by inverse FFT) and shared by every voice.
 */

export const TABLE_SIZE = 4096;
/** Stride of one level in `data`: the cycle plus a guard sample equal to the first (no wrap test on read). */
export const LEVEL_STRIDE = TABLE_SIZE + 1;
/** The most harmonics a level holds: a fundamental under ~47 Hz at 48 kHz is band-limited to 512 partials. */
export const MAX_HARMONICS = 512;

/** Harmonic counts of the levels: every count up to 8, then four levels per octave up to MAX_HARMONICS. */
function harmonicCounts(): number[] {
  const counts = [1, 2, 3, 4, 5, 6, 7, 8];
  for (let step = 1; ; step++) {
    const h = Math.floor(8 * exp2(step / 4));
    if (h >= MAX_HARMONICS) break;
    if (h > (counts[counts.length - 1] as number)) counts.push(h);
  }
  counts.push(MAX_HARMONICS);
  return counts;
}

export class Wavetable {
  /** Level 0 is silence (for fundamentals at or above Nyquist); level i ≥ 1 holds `harmonics[i]` partials. */
  readonly data: Float32Array;
  readonly harmonics: readonly number[];
  /**
   * `levelOffset[h]`: where in `data` the richest level with at most h harmonics starts, h = 0…MAX_HARMONICS.
   * At a phase increment of `inc` cycles per frame, h = ceil(½ / inc) − 1 (capped) keeps every partial
   * strictly below Nyquist (k · inc < ½). (Written out where it is read: a helper taking the
   * increment would box it whenever V8 does not inline the call.)
   */
  readonly levelOffset: Int32Array;

  /**
   * `amplitude(k)`: the sine amplitude of partial k (phase 0 at the cycle's start); `topHarmonic`:
   * the waveform's last partial (a sine needs one level, not thirty).
   */
  constructor(amplitude: (harmonic: number) => number, topHarmonic = MAX_HARMONICS) {
    const counts = [0, ...harmonicCounts().filter((h) => h <= topHarmonic)];
    this.harmonics = counts;
    this.data = new Float32Array(counts.length * LEVEL_STRIDE);
    const re = new Float64Array(TABLE_SIZE);
    const im = new Float64Array(TABLE_SIZE);
    for (let level = 1; level < counts.length; level++) {
      re.fill(0);
      im.fill(0);
      // Forward FFT of i·a_k at bin k gives Σ a_k·sin(2πkn/N) in the real part.
      for (let k = 1; k <= (counts[level] as number); k++) im[k] = amplitude(k);
      fft(re, im);
      const offset = level * LEVEL_STRIDE;
      for (let n = 0; n < TABLE_SIZE; n++) this.data[offset + n] = re[n] as number;
      this.data[offset + TABLE_SIZE] = re[0] as number;
    }
    this.levelOffset = new Int32Array(MAX_HARMONICS + 1);
    let level = 0;
    for (let h = 0; h <= MAX_HARMONICS; h++) {
      while (level + 1 < counts.length && (counts[level + 1] as number) <= h) level++;
      this.levelOffset[h] = level * LEVEL_STRIDE;
    }
  }
}


/** A rising saw, −1 at the cycle's start to +1 at its end: −(2/π)·Σ sin(2πkφ)/k. */
export const sawAmplitude = (k: number): number => -2 / (Math.PI * k);
/** A triangle starting at 0 and rising: odd partials (8/π²)·(−1)^((k−1)/2)/k². */
export const triangleAmplitude = (k: number): number => (k % 2 === 0 ? 0 : ((k - 1) / 2) % 2 === 0 ? 8 / (Math.PI * Math.PI * k * k) : -8 / (Math.PI * Math.PI * k * k));
export const sineAmplitude = (k: number): number => (k === 1 ? 1 : 0);

let shared: { saw: Wavetable; triangle: Wavetable; sine: Wavetable } | null = null;

/** The tables every synth voice reads, built on first use and kept (they depend on no sample rate). */
export function sharedWavetables(): { readonly saw: Wavetable; readonly triangle: Wavetable; readonly sine: Wavetable } {
  shared ??= { saw: new Wavetable(sawAmplitude), triangle: new Wavetable(triangleAmplitude), sine: new Wavetable(sineAmplitude, 1) };
  return shared;
}
