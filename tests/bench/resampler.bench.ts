import { resampleChannels } from '../../src/dsp/resample';
import { SincInterpolator } from '../../src/dsp/sinc-interpolator';
import type { BenchResult } from './bench-result';

const DURATION_S = 60;
const WARM_UPS = 1;
const RUNS = 5;
const BLOCK = 128;

/**
 * Speed of the band-limited resampler on 60 s of stereo, as median multiples of realtime:
 * whole-buffer conversion 44.1 → 48 kHz (the step < 1 polyphase path) and 48 → 44.1 kHz (the
 * stretched step > 1 path) through resampleChannels, and a varispeed voice at step 1.5 rendered
 * block by block through valueAt, as the engine does.
 */
export async function benchResampler(): Promise<BenchResult[]> {
  const interpolator = new SincInterpolator();
  const taps = `${2 * interpolator.halfTaps} taps × ${interpolator.phases} phases, beta ${interpolator.beta}`;
  const results: BenchResult[] = [];

  for (const [from, to] of [
    [44_100, 48_000],
    [48_000, 44_100],
  ] as const) {
    const channels = [signal(from, 0, 1), signal(from, 1, 2)];
    results.push({
      name: `resample ${from / 1000} → ${to / 1000} kHz`,
      value: measure(() => resampleChannels(channels, from, to, interpolator)),
      unit: 'x realtime',
      better: 'higher',
      note: `${DURATION_S} s stereo via resampleChannels; ${taps}; median of ${RUNS} runs after ${WARM_UPS} warm-up`,
    });
  }

  const rate = 48_000;
  const step = 1.5;
  const frames = DURATION_S * rate;
  const sources = [signal(rate, 0, 3, DURATION_S * step + 1), signal(rate, 1, 4, DURATION_S * step + 1)];
  const outputs = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  results.push({
    name: `varispeed step ${step}`,
    value: measure(() => {
      for (let start = 0; start < frames; start += BLOCK) {
        for (let c = 0; c < sources.length; c++) {
          const source = sources[c] as Float32Array;
          const out = outputs[c] as Float32Array;
          for (let i = 0; i < BLOCK; i++) out[i] = interpolator.valueAt(source, (start + i) * step, step);
        }
      }
    }),
    unit: 'x realtime',
    better: 'higher',
    note: `${DURATION_S} s of 48 kHz stereo output in ${BLOCK}-frame blocks via valueAt; ${taps}; median of ${RUNS} runs after ${WARM_UPS} warm-up`,
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
  return median(speeds);
}

/** A sine plus seeded white noise: deterministic, and busy across the whole band. */
function signal(rate: number, channel: number, seed: number, seconds = DURATION_S): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  const step = (2 * Math.PI * (220 + 110 * channel)) / rate;
  let state = seed;
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = 0.5 * Math.sin(i * step) + 0.4 * (state / 2 ** 32 - 0.5);
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
