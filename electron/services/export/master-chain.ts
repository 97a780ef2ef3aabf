import { measureLoudness, type LoudnessResult } from '../../../src/analysis/loudness/loudness-meter';
import { TruePeakLimiter } from '../../../src/dsp/limiter/true-peak-limiter';
import { decibelsToGain } from '../../../src/std/units';
import type { LoudnessFigures } from './export-job';

export type Stereo = [Float32Array, Float32Array];

/** Raised-cosine fades over the first `fadeIn` and last `fadeOut` frames, in place. */
export function applyFades(planes: Stereo, fadeIn: number, fadeOut: number): void {
  const frames = planes[0].length;
  const fin = Math.min(fadeIn, frames);
  const fout = Math.min(fadeOut, frames);
  for (const plane of planes) {
    for (let i = 0; i < fin; i++) plane[i] = (plane[i] as number) * (0.5 - 0.5 * Math.cos((Math.PI * i) / fin));
    for (let i = 0; i < fout; i++) {
      const at = frames - 1 - i;
      plane[at] = (plane[at] as number) * (0.5 - 0.5 * Math.cos((Math.PI * i) / fout));
    }
  }
}

/**
 * The master stage of an export: `gainDb` of gain, then the true-peak lookahead limiter at
 * `ceilingDbtp` (or none when null). Returns new planes of the same length — the limiter's
 * lookahead latency is compensated — and the limiter's deepest reduction in dB.
 */
export function gainAndLimit(input: Stereo, sampleRate: number, gainDb: number, ceilingDbtp: number | null): { planes: Stereo; limiterDb: number } {
  const frames = input[0].length;
  const gain = decibelsToGain(gainDb);
  const scaled: Stereo = [new Float32Array(frames), new Float32Array(frames)];
  for (let c = 0; c < 2; c++) {
    const from = input[c] as Float32Array;
    const to = scaled[c] as Float32Array;
    for (let i = 0; i < frames; i++) to[i] = (from[i] as number) * gain;
  }
  if (ceilingDbtp === null) return { planes: scaled, limiterDb: 0 };
  const limiter = new TruePeakLimiter(sampleRate, 2, { ceilingDbtp });
  const latency = limiter.latencyFrames;
  // Output is delayed by `latency`: process everything, flush the rest, drop the first `latency`.
  const out: Stereo = [new Float32Array(frames + latency), new Float32Array(frames + latency)];
  limiter.process(scaled, frames, out);
  limiter.flush(out, frames);
  return { planes: [out[0].subarray(latency, latency + frames), out[1].subarray(latency, latency + frames)], limiterDb: limiter.maxGainReductionDb() };
}

export function measure(planes: readonly Float32Array[], sampleRate: number): LoudnessResult {
  return measureLoudness(planes, sampleRate);
}

/** The report's shape of a measurement: −Infinity as null, rounded to 0.01. */
export function loudnessFigures(result: LoudnessResult): LoudnessFigures {
  const value = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
  const plr = result.truePeakDbtp - result.integratedLufs;
  return {
    integratedLufs: value(result.integratedLufs),
    loudnessRangeLu: Math.round(result.loudnessRangeLu * 100) / 100,
    shortTermMaxLufs: value(result.shortTermMaxLufs),
    momentaryMaxLufs: value(result.momentaryMaxLufs),
    truePeakDbtp: value(result.truePeakDbtp),
    samplePeakDbfs: value(result.samplePeakDbfs),
    plrDb: value(plr),
  };
}
