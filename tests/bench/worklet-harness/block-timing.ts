/** The shared layout between the block-timing processor and the bench page (see worklet/block-timing-processor.ts). */
import type { EngineCommand } from '../../../src/protocol/engine';

export const blockTimingName = 'glowroom-block-timing';

export const timingSlots = {
  /** Blocks rendered since the node started. */
  blocks: 0,
  /** Sum of the blocks' `Date.now()` tick differences, in ms. */
  busyMs: 1,
  /** Blocks that took longer than they last (DspLoadMeter's count). */
  overloads: 2,
  /** First bin of the histogram of per-block ticks: bin k counts blocks of k ms. */
  histogram: 3,
  histogramBins: 64,
} as const;

export const timingLength = timingSlots.histogram + timingSlots.histogramBins;

export interface BlockTimingOptions {
  /** A SharedArrayBuffer of `timingLength` float64 values. */
  readonly timing: SharedArrayBuffer;
  readonly initialCommands: readonly EngineCommand[];
}

/** A copy of the counters at one moment; two of them subtract to a window. */
export interface TimingSnapshot {
  blocks: number;
  busyMs: number;
  overloads: number;
  histogram: number[];
}

/** Counts one block that took `spentMs` (a Date.now() tick difference) into `timing`, with the overload count so far. */
export function recordBlockTiming(timing: Float64Array, spentMs: number, overloads: number): void {
  timing[timingSlots.blocks] = (timing[timingSlots.blocks] ?? 0) + 1;
  timing[timingSlots.busyMs] = (timing[timingSlots.busyMs] ?? 0) + spentMs;
  timing[timingSlots.overloads] = overloads;
  const bin = timingSlots.histogram + Math.min(spentMs, timingSlots.histogramBins - 1);
  timing[bin] = (timing[bin] ?? 0) + 1;
}

export const synthTimingName = 'glowroom-synth-timing';

export interface SynthTimingOptions {
  /** A SharedArrayBuffer of `timingLength` float64 values. */
  readonly timing: SharedArrayBuffer;
  /** Notes held from the first block (tests/bench/synth-load.ts). */
  readonly voices: number;
}
