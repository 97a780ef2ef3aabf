import type { LoudnessResult } from '../../../src/analysis/loudness/loudness-meter';
import { TruePeakLimiter } from '../../../src/dsp/limiter/true-peak-limiter';
import { decibelsToGain } from '../../../src/std/units';
import { MIX_CHUNK_FRAMES, type MixFile } from '../render/mix-file';
import type { LoudnessFigures } from './export-job';

export type Stereo = [Float32Array, Float32Array];

/** Raised-cosine fades over the first `fadeIn` and last `fadeOut` frames of a mix kept in a file, in place. */
export function applyFadesToFile(mix: MixFile, fadeIn: number, fadeOut: number): void {
  const frames = mix.frames;
  const fin = Math.min(fadeIn, frames);
  const fout = Math.min(fadeOut, frames);
  const planes: Stereo = [new Float32Array(MIX_CHUNK_FRAMES), new Float32Array(MIX_CHUNK_FRAMES)];
  const region = (first: number, count: number, factor: (at: number) => number) => {
    for (let start = first; start < first + count; start += MIX_CHUNK_FRAMES) {
      const n = Math.min(MIX_CHUNK_FRAMES, first + count - start);
      mix.read(start, n, planes[0], planes[1]);
      for (const plane of planes) for (let i = 0; i < n; i++) plane[i] = (plane[i] as number) * factor(start + i);
      mix.overwrite(start, n, planes[0], planes[1]);
    }
  };
  // Fade-in first, then fade-out, each rounded to float32, where they overlap too.
  region(0, fin, (at) => 0.5 - 0.5 * Math.cos((Math.PI * at) / fin));
  region(frames - fout, fout, (at) => 0.5 - 0.5 * Math.cos((Math.PI * (frames - 1 - at)) / fout));
}

/**
 * The master stage of an export over the mix in `mix`, a chunk at a time: `gainDb` of gain, then
 * the true-peak lookahead limiter at `ceilingDbtp` (or none when null), its lookahead latency
 * compensated. Hands `sink` the result in order, in runs of at most MIX_CHUNK_FRAMES frames
 * (planes valid during the call), `mix.frames` frames in all; returns the limiter's deepest
 * reduction in dB. `between` runs after every chunk (cancel checks, progress).
 */
export async function masterPass(
  mix: MixFile,
  sampleRate: number,
  gainDb: number,
  ceilingDbtp: number | null,
  sink: (planes: Stereo, frames: number) => void,
  between: () => Promise<void> = async () => {},
): Promise<number> {
  const frames = mix.frames;
  const gain = decibelsToGain(gainDb);
  const input: Stereo = [new Float32Array(MIX_CHUNK_FRAMES), new Float32Array(MIX_CHUNK_FRAMES)];
  const limiter = ceilingDbtp === null ? null : new TruePeakLimiter(sampleRate, 2, { ceilingDbtp });
  const output: Stereo = limiter ? [new Float32Array(Math.max(MIX_CHUNK_FRAMES, limiter.latencyFrames)), new Float32Array(Math.max(MIX_CHUNK_FRAMES, limiter.latencyFrames))] : input;
  // Output frames still to drop: the limiter's output lags its input by its latency.
  let skip = limiter?.latencyFrames ?? 0;
  let emitted = 0;
  const emit = (count: number) => {
    const from = Math.min(skip, count);
    skip -= from;
    const n = Math.min(count - from, frames - emitted);
    if (n <= 0) return;
    sink(from === 0 ? output : [output[0].subarray(from), output[1].subarray(from)], n);
    emitted += n;
  };
  for (let start = 0; start < frames; start += MIX_CHUNK_FRAMES) {
    const n = Math.min(MIX_CHUNK_FRAMES, frames - start);
    mix.read(start, n, input[0], input[1]);
    for (const plane of input) for (let i = 0; i < n; i++) plane[i] = (plane[i] as number) * gain;
    limiter?.process(input, n, output);
    emit(n);
    await between();
  }
  if (!limiter) return 0;
  emit(limiter.flush(output));
  return limiter.maxGainReductionDb();
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
