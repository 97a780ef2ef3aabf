import { exp, exp10, pow } from '../std/det-math';
import { blockFrames } from '../protocol/engine';

/**
 * Peak and RMS of one channel, block by block. Peak holds the block maximum and falls at a fixed
 * rate in dB per second, as hardware meters do, while `held` keeps the maximum until reset; RMS is a one-pole average of the square over about
 * 300 ms. Allocation-free: safe inside the audio callback.
 */
const peakFallDbPerSecond = 20;
const rmsWindowSeconds = 0.3;
/** +24 dBFS: a level no mix reaches on purpose; above it (or NaN, or Infinity) a block is faulty. */
export const runawayLevel = 16;

export class LevelMeter {
  peak = 0;
  /** The highest block peak since the last `resetHold`: what the peak-hold readout shows. */
  held = 0;
  /** The last block held NaN, Infinity or a sample above `runawayLevel`; it is left out of the readings. */
  fault = false;
  /** The last block's largest magnitude and sum of squares (samples at or under `runawayLevel`): `settle`'s input. */
  blockPeak = 0;
  blockSquares = 0;
  private meanSquare = 0;
  /**
   * `[n]`: the factor the peak falls by over n frames, and the weight the RMS average keeps over n
   * frames (its one-pole coefficient to the n), for every length a block or segment can have:
   * looked up, not computed, so a block costs no call that returns a double.
   */
  private readonly fallOver = new Float64Array(blockFrames + 1);
  private readonly keepOver = new Float64Array(blockFrames + 1);

  constructor(sampleRate: number) {
    const fallPerSample = exp10(-peakFallDbPerSecond / 20 / sampleRate);
    const rmsCoefficient = exp(-1 / (rmsWindowSeconds * sampleRate));
    for (let n = 0; n <= blockFrames; n++) {
      this.fallOver[n] = pow(fallPerSample, n);
      this.keepOver[n] = pow(rmsCoefficient, n);
    }
  }

  get rms(): number {
    return Math.sqrt(this.meanSquare);
  }

  /**
   * The RMS average moves once per block, by the block's mean square with the weight the per-sample
   * one-pole would give it over `frames` samples: a meter cannot show the difference, and the loop
   * keeps no chain from one sample to the next (the audio thread runs one of these per channel side).
   * `frames` is at most one engine block.
   */
  measure(block: Float32Array, frames: number): void {
    let blockPeak = 0;
    let squares = 0;
    let fault = false;
    for (let i = 0; i < frames; i++) {
      const x = block[i] ?? 0;
      const magnitude = Math.abs(x);
      // Written so NaN fails it too.
      if (!(magnitude <= runawayLevel)) {
        fault = true;
        continue;
      }
      if (magnitude > blockPeak) blockPeak = magnitude;
      squares += x * x;
    }
    this.blockPeak = blockPeak;
    this.blockSquares = squares;
    this.fault = fault;
    this.settle(frames);
  }

  /**
   * Takes in a block measured by a caller that folded `measure`'s loop into its own (the channel
   * strip, while it applies the fader): the block's peak, sum of squares and fault are written
   * into `blockPeak`, `blockSquares` and `fault` first — fields, so no double crosses the call.
   */
  settle(frames: number): void {
    const blockPeak = this.blockPeak;
    if (frames > 0) {
      const keep = this.keepOver[frames] as number;
      this.meanSquare = keep * this.meanSquare + (1 - keep) * (this.blockSquares / frames);
    }
    const fallen = this.peak * (this.fallOver[frames] as number);
    this.peak = blockPeak > fallen ? blockPeak : fallen;
    if (blockPeak > this.held) this.held = blockPeak;
  }

  resetHold(): void {
    this.held = 0;
  }
}
