import { LoudnessMeter } from '../../src/analysis/loudness/loudness-meter';
import { TruePeakLimiter } from '../../src/dsp/limiter/true-peak-limiter';
import type { BenchResult } from './bench-result';

const DURATION_S = 60;
const RATE = 48_000;
const BLOCK = 1024;
const WARM_UPS = 1;
const RUNS = 5;

/**
 * Speed of the loudness pass and the true-peak limiter on 60 s of 48 kHz stereo, as median
 * multiples of realtime: the BS.1770 / R128 meter (K-weighting, gating, LRA, 4× true peak) and
 * the limiter with a −1 dBTP ceiling on material driven into it (constant gain reduction), both
 * fed in 1024-frame blocks as the export does.
 */
export async function benchLoudness(): Promise<BenchResult[]> {
  const planes = [signal(0, 1), signal(1, 2)];
  const total = RATE * DURATION_S;
  const note = `${DURATION_S} s stereo at ${RATE / 1000} kHz in ${BLOCK}-frame blocks; median of ${RUNS} runs after ${WARM_UPS} warm-up`;
  const results: BenchResult[] = [];

  results.push({
    name: 'loudness meter (BS.1770-4 + LRA + 4× true peak)',
    value: measure(() => {
      const meter = new LoudnessMeter(RATE, 2);
      for (let start = 0; start < total; start += BLOCK) meter.push(planes, Math.min(BLOCK, total - start), start);
      meter.result();
    }),
    unit: 'x realtime',
    better: 'higher',
    note,
  });

  const outputs = [new Float32Array(total), new Float32Array(total)];
  results.push({
    name: 'true-peak limiter (−1 dBTP, 1.5 ms lookahead)',
    value: measure(() => {
      const limiter = new TruePeakLimiter(RATE, 2, { ceilingDbtp: -1 });
      for (let start = 0; start < total; start += BLOCK) limiter.process(planes, Math.min(BLOCK, total - start), outputs, start);
    }),
    unit: 'x realtime',
    better: 'higher',
    note: `${note}; input peaks ≈ +2 dBFS, so the limiter works throughout`,
  });
  return results;
}

/** Median speed of `run` over RUNS timed runs, in seconds of audio per second of wall time. */
function measure(run: () => void): number {
  for (let i = 0; i < WARM_UPS; i++) run();
  const speeds = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    run();
    return DURATION_S / ((performance.now() - start) / 1000);
  });
  const sorted = speeds.sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A sine plus seeded white noise, peaking near +2 dBFS: deterministic and busy across the band. */
function signal(channel: number, seed: number): Float32Array {
  const out = new Float32Array(RATE * DURATION_S);
  const step = (2 * Math.PI * (220 + 110 * channel)) / RATE;
  let state = seed;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = 0.8 * Math.sin(i * step) + 0.5 * (state / 2 ** 32 - 0.5);
  }
  return out;
}
