import { type StereoEffect } from '../../../src/dsp/stereo-effect';
import { db, fitSine, sine } from './signal-analysis';

/** What the helpers need of a kernel (a filter section need not report a latency). */
type Processor = Pick<StereoEffect, 'process' | 'reset'>;

/** The engine's block size, which every effect test streams in. */
export const BLOCK = 128;

/** Runs `effect` over copies of the two planes in BLOCK-frame blocks; returns the processed copies. */
export function runInBlocks(effect: Processor, left: Float32Array, right: Float32Array = left): [Float32Array, Float32Array] {
  const l = left.slice();
  const r = right.slice();
  const blockL = new Float32Array(BLOCK);
  const blockR = new Float32Array(BLOCK);
  for (let start = 0; start < l.length; start += BLOCK) {
    const frames = Math.min(BLOCK, l.length - start);
    blockL.set(l.subarray(start, start + frames));
    blockR.set(r.subarray(start, start + frames));
    effect.process(blockL, blockR, frames);
    l.set(blockL.subarray(0, frames), start);
    r.set(blockR.subarray(0, frames), start);
  }
  return [l, r];
}

/** Gain in dB a steady sine of `hz` (amplitude 0.25) gets through `effect`, fitted over the second half of 0.5 s. */
export function sineGainDb(effect: Processor, hz: number, rate: number, amplitude = 0.25): number {
  effect.reset();
  const frames = Math.round(rate / 2);
  const [out] = runInBlocks(effect, sine(hz, rate, frames, amplitude));
  return db(fitSine(out, hz, rate, frames / 2, frames).amplitude / amplitude);
}

/** `count` log-spaced frequencies from `from` to `to` Hz. */
export function logFrequencies(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from * Math.pow(to / from, i / (count - 1)));
}
