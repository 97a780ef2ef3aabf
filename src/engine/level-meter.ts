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
  private meanSquare = 0;
  private readonly fallPerSample: number;
  private readonly rmsCoefficient: number;

  constructor(sampleRate: number) {
    this.fallPerSample = Math.pow(10, -peakFallDbPerSecond / 20 / sampleRate);
    this.rmsCoefficient = Math.exp(-1 / (rmsWindowSeconds * sampleRate));
  }

  get rms(): number {
    return Math.sqrt(this.meanSquare);
  }

  measure(block: Float32Array, frames: number): void {
    let blockPeak = 0;
    let ms = this.meanSquare;
    const a = this.rmsCoefficient;
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
      ms = a * ms + (1 - a) * x * x;
    }
    this.fault = fault;
    this.meanSquare = ms;
    const fallen = this.peak * Math.pow(this.fallPerSample, frames);
    this.peak = blockPeak > fallen ? blockPeak : fallen;
    if (blockPeak > this.held) this.held = blockPeak;
  }

  resetHold(): void {
    this.held = 0;
  }
}
