import { afterAll, describe, expect, it } from 'vitest';
import { TruePeakEstimator } from '../../../src/dsp/limiter/true-peak-estimator';
import { InsertLimiter } from '../../../src/dsp/limiter/insert-limiter';
import { truePeakSine } from '../loudness/ebu-signals';
import { BLOCK, runInBlocks } from './effect-harness';

const report: string[] = [];
afterAll(() => console.log(`Insert limiter\n${report.join('\n')}`));

/** The 4× oversampled true peak of both planes, in dBTP, tail included (the estimator of the loudness meter). */
function truePeakDbtp(planes: readonly Float32Array[]): number {
  const estimator = new TruePeakEstimator(planes.length);
  let peak = 0;
  planes.forEach((plane, c) => {
    estimator.processBlock(c, plane, 0, plane.length);
    peak = Math.max(peak, estimator.blockPeaks[c] as number, estimator.tailPeak(c));
  });
  return 20 * Math.log10(peak);
}

/** The true peak of `plane` from frame `from` on, in dBTP, measured with the whole signal's past. */
function truePeakFromDbtp(plane: Float32Array, from: number): number {
  const estimator = new TruePeakEstimator(1);
  const intervals = new Float64Array(plane.length);
  estimator.processBlock(0, plane, 0, plane.length, intervals);
  // intervals[m] is the peak of the interval starting at frame m − 24 (the kernel's delay).
  let peak = 0;
  for (let m = from + estimator.delay; m < plane.length; m++) peak = Math.max(peak, intervals[m] as number);
  return 20 * Math.log10(peak);
}

/** `plane` followed by `extra` frames of silence, so the limiter's lookahead drains into the output. */
function padded(plane: Float32Array, extra: number): Float32Array {
  const out = new Float32Array(plane.length + extra);
  out.set(plane);
  return out;
}

const RATE = 48_000;
function square(hz: number, amplitude: number, seconds: number): Float32Array {
  const period = RATE / hz;
  return Float32Array.from({ length: RATE * seconds }, (_, i) => (i % period < period / 2 ? amplitude : -amplitude));
}

const signals: { name: string; left: Float32Array; right: Float32Array }[] = [
  { name: '1 kHz square at +6 dBFS', left: square(1000, 2, 1), right: square(1000, 2, 1) },
  { name: '100 Hz square at 0 dBFS against 3 kHz', left: square(100, 1, 1), right: square(3000, 1, 1) },
  { name: 'fs/4 sine at 45°, +6 dB', left: truePeakSine(RATE / 4, 45, 6, RATE, 1, 5)[0] as Float32Array, right: truePeakSine(RATE / 4, 45, 6, RATE, 1, 5)[0] as Float32Array },
  { name: 'fs/6 sine at 60°, +3 dB', left: truePeakSine(RATE / 6, 60, 3, RATE, 1, 5)[0] as Float32Array, right: new Float32Array(RATE) },
  { name: 'fs/4 sine at 45° against fs/2 − 1 Hz', left: truePeakSine(RATE / 4, 45, 0, RATE, 1, 5)[0] as Float32Array, right: truePeakSine(RATE / 2 - 1, 30, 0, RATE, 1, 5)[0] as Float32Array },
];

describe('InsertLimiter', () => {
  for (const ceiling of [-1, -6]) {
    for (const signal of signals) {
      it(`holds ${signal.name} under a ${ceiling} dBTP ceiling, 4× oversampled, in 128-frame blocks`, () => {
        const limiter = new InsertLimiter(RATE);
        limiter.setCeilingDbtp(ceiling);
        limiter.setReleaseMs(20);
        const input = truePeakDbtp([signal.left, signal.right]);
        const out = runInBlocks(limiter, padded(signal.left, limiter.latencyFrames), padded(signal.right, limiter.latencyFrames));
        const output = truePeakDbtp(out);
        report.push(`${signal.name.padEnd(40)} ceiling ${ceiling}: in ${input.toFixed(2)} dBTP → out ${output.toFixed(4)} dBTP`);
        expect(input).toBeGreaterThan(ceiling);
        expect(output).toBeLessThanOrEqual(ceiling);
        expect(output).toBeGreaterThan(ceiling - 1);
        expect(limiter.gainReductionDb()).toBeLessThan(0);
      });
    }
  }

  it('follows a ceiling lowered mid-stream and delays by exactly its lookahead', () => {
    const limiter = new InsertLimiter(RATE);
    limiter.setLookaheadMs(5);
    expect(limiter.latencyFrames).toBe(240);
    const click = new Float32Array(RATE);
    click[1000] = 0.5;
    const [delayed] = runInBlocks(limiter, click);
    expect(delayed.indexOf(0.5)).toBe(1000 + 240);
    limiter.reset();
    const loud = square(500, 1, 1);
    const left = loud.slice();
    const right = loud.slice();
    const change = 188 * BLOCK;
    for (let start = 0; start < RATE; start += BLOCK) {
      if (start === change) limiter.setCeilingDbtp(-9);
      limiter.process(left.subarray(start, start + BLOCK), right.subarray(start, start + BLOCK), BLOCK);
    }
    // After the change has passed through the lookahead, the output holds the new ceiling.
    expect(truePeakFromDbtp(left, change + 240)).toBeLessThanOrEqual(-9);
    expect(truePeakDbtp([left.subarray(0, change)])).toBeGreaterThan(-1.1);
  });
});
