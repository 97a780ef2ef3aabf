import { describe, expect, it } from 'vitest';
import { TRUE_PEAK_HALF_TAPS, truePeakPhases, TruePeakEstimator } from '../../../src/dsp/limiter/true-peak-estimator';
import { seededRandom } from '../../../src/std/seeded-random';

const FRAMES = 2_000;

/** Noise with a few full-scale bursts, seeded. */
function signal(seed: number): Float32Array {
  const random = seededRandom(seed);
  const plane = new Float32Array(FRAMES);
  for (let i = 0; i < FRAMES; i++) plane[i] = (random.next() - 0.5) * (i % 397 < 5 ? 2 : 0.4);
  return plane;
}

/** Each interval's peak straight from the definition: |x[k]| and the three points between, summed tap by tap. */
function definitionPeaks(input: Float32Array): Float64Array {
  const phases = truePeakPhases();
  const taps = 2 * TRUE_PEAK_HALF_TAPS;
  const at = (i: number) => (i >= 0 ? (input[i] as number) : 0);
  const peaks = new Float64Array(input.length);
  for (let m = 0; m < input.length; m++) {
    let peak = Math.abs(at(m - TRUE_PEAK_HALF_TAPS));
    for (const phase of phases) {
      let sum = 0;
      for (let j = 0; j < taps; j++) sum += (phase[j] as number) * at(m - taps + 1 + j);
      peak = Math.max(peak, Math.abs(sum));
    }
    peaks[m] = peak;
  }
  return peaks;
}

/** Feeds `input` to a fresh estimator in blocks of the given lengths (cycled); returns every interval's peak and the block peaks' maximum. */
function run(input: Float32Array, lengths: readonly number[]): { peaks: Float64Array; max: number } {
  const estimator = new TruePeakEstimator(2);
  const peaks = new Float64Array(input.length);
  let max = 0;
  for (let from = 0, k = 0; from < input.length; k++) {
    const to = Math.min(input.length, from + (lengths[k % lengths.length] as number));
    // Channel 1 runs too, on other data, so the channels' state must stay apart.
    estimator.processBlock(1, input.map((x) => -x * 0.5), from, to);
    estimator.processBlock(0, input, from, to, peaks, from);
    max = Math.max(max, estimator.blockPeaks[0] as number);
    from = to;
  }
  return { peaks, max };
}

describe('TruePeakEstimator', () => {
  it('gives every interval the same peak however the stream is split into blocks (odd and even lengths, single frames)', () => {
    const input = signal(7);
    const whole = run(input, [FRAMES]);
    for (const lengths of [[1], [3], [2, 5, 1, 64], [127, 128]]) {
      const split = run(input, lengths);
      expect(Array.from(split.peaks)).toEqual(Array.from(whole.peaks));
      expect(split.max).toBe(whole.max);
    }
  });

  it('matches the polyphase definition within rounding (the folded two-frame loop sums the same terms)', () => {
    const input = signal(11);
    const { peaks } = run(input, [FRAMES]);
    const expected = definitionPeaks(input);
    let worst = 0;
    for (let m = 0; m < FRAMES; m++) worst = Math.max(worst, Math.abs((peaks[m] as number) - (expected[m] as number)));
    expect(worst).toBeLessThan(1e-12);
    expect(Math.max(...peaks)).toBeGreaterThan(0.9);
  });
});
