/** The shared layout between the block-timing processor and the bench page (see worklet/block-timing-processor.ts). */
import type { EngineCommand } from '../../../src/protocol/engine';

export const blockTimingName = 'glowroom-block-timing';

export const timingSlots = {
  /** Blocks rendered since the node started. */
  blocks: 0,
  /** Sum of the blocks' durations (block-clock readings after minus before), in ms. */
  busyMs: 1,
  /** Blocks that took longer than they last (DspLoadMeter's count). */
  overloads: 2,
  /** The block clock's resolution, ms (worklet/block-clock.ts). */
  resolutionMs: 3,
  /** First bin of the histogram of block durations: bin k counts blocks of [k, k + 1) × `binMs`; the last bin also every longer one. */
  histogram: 4,
  histogramBins: 480,
} as const;

/** Width of a histogram bin, ms: 0.94 % of a 128-frame block at 48 kHz; the bins reach 12 ms. */
export const binMs = 0.025;

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
  /** The clock's resolution, ms (the same in every snapshot of a context). */
  resolutionMs: number;
  histogram: number[];
}

/** A block's start and end in ms, as the worklet's clock read them (worklet/block-clock.ts). */
export interface BlockClockReadings {
  readonly startedMs: number;
  readonly endedMs: number;
  readonly resolutionMs: number;
}

/** Counts the block `clock` timed into `timing`, with the overload count so far. */
export function recordBlockTiming(timing: Float64Array, clock: BlockClockReadings, overloads: number): void {
  const spentMs = clock.endedMs - clock.startedMs;
  timing[timingSlots.resolutionMs] = clock.resolutionMs;
  timing[timingSlots.blocks] = (timing[timingSlots.blocks] ?? 0) + 1;
  timing[timingSlots.busyMs] = (timing[timingSlots.busyMs] ?? 0) + spentMs;
  timing[timingSlots.overloads] = overloads;
  const bin = timingSlots.histogram + Math.min(Math.floor(spentMs / binMs), timingSlots.histogramBins - 1);
  timing[bin] = (timing[bin] ?? 0) + 1;
}

export const synthTimingName = 'glowroom-synth-timing';

export interface SynthTimingOptions {
  /** A SharedArrayBuffer of `timingLength` float64 values. */
  readonly timing: SharedArrayBuffer;
  /** Notes held from the first block (tests/bench/synth-load.ts). */
  readonly voices: number;
}
