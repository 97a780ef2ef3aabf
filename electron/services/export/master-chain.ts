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
 * The master stage of an export as a stream: `gainDb` of gain, then the true-peak lookahead
 * limiter at `ceilingDbtp` (or none when null), its lookahead latency compensated. `push` takes
 * the mix in order (scaled in place) and hands `sink` the result as it comes, in runs of at most
 * MIX_CHUNK_FRAMES frames (planes valid during the call); `finish` hands on the rest, so `sink`
 * gets exactly as many frames as were pushed, the same whatever the pushes' sizes when they are
 * multiples of 128 frames (the limiter's pass) but the last.
 */
export class MasterStage {
  private readonly gain: number;
  private readonly limiter: TruePeakLimiter | null;
  private readonly output: Stereo | null;
  /** Output frames still to drop: the limiter's output lags its input by its latency. */
  private skip: number;
  private pushed = 0;
  private emitted = 0;

  constructor(
    sampleRate: number,
    gainDb: number,
    ceilingDbtp: number | null,
    private readonly sink: (planes: Stereo, frames: number) => void,
  ) {
    this.gain = decibelsToGain(gainDb);
    this.limiter = ceilingDbtp === null ? null : new TruePeakLimiter(sampleRate, 2, { ceilingDbtp });
    const room = Math.max(MIX_CHUNK_FRAMES, this.limiter?.latencyFrames ?? 0);
    this.output = this.limiter ? [new Float32Array(room), new Float32Array(room)] : null;
    this.skip = this.limiter?.latencyFrames ?? 0;
  }

  /** Frames [0, frames) of `input` (frames ≤ MIX_CHUNK_FRAMES), scaled in place by the gain. */
  push(input: Stereo, frames: number): void {
    const gain = this.gain;
    for (const plane of input) for (let i = 0; i < frames; i++) plane[i] = (plane[i] as number) * gain;
    this.pushed += frames;
    if (!this.limiter || !this.output) {
      this.emit(input, frames);
      return;
    }
    this.limiter.process(input, frames, this.output);
    this.emit(this.output, frames);
  }

  /** Hands on what the limiter still holds; returns its deepest reduction in dB (0 without one). */
  finish(): number {
    if (!this.limiter || !this.output) return 0;
    this.emit(this.output, this.limiter.flush(this.output));
    return this.limiter.maxGainReductionDb();
  }

  private emit(output: Stereo, count: number): void {
    const from = Math.min(this.skip, count);
    this.skip -= from;
    const n = Math.min(count - from, this.pushed - this.emitted);
    if (n <= 0) return;
    this.sink(from === 0 ? output : [output[0].subarray(from), output[1].subarray(from)], n);
    this.emitted += n;
  }
}

/**
 * The master stage (see MasterStage) over the mix in `mix`, a chunk at a time; `sink` gets
 * `mix.frames` frames in all. Returns the limiter's deepest reduction in dB. `between` runs
 * after every chunk (cancel checks, progress).
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
  const input: Stereo = [new Float32Array(MIX_CHUNK_FRAMES), new Float32Array(MIX_CHUNK_FRAMES)];
  const stage = new MasterStage(sampleRate, gainDb, ceilingDbtp, sink);
  for (let start = 0; start < frames; start += MIX_CHUNK_FRAMES) {
    const n = Math.min(MIX_CHUNK_FRAMES, frames - start);
    mix.read(start, n, input[0], input[1]);
    stage.push(input, n);
    await between();
  }
  return stage.finish();
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
