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
