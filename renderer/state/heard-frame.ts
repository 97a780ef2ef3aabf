import { statusSlots } from '../../src/protocol/engine';

/** The context's output time stamp (`AudioContext.getOutputTimestamp()`): the context time (s) its device played at a performance time (ms). */
export interface OutputStamp {
  readonly contextTime?: number;
  readonly performanceTime?: number;
}

/**
 * The timeline frame heard at `time` (`performance.now()` ms), from the engine's status and the
 * context's output time stamp: the last block's context frame ↔ playhead pair carried to the
 * context frame the output device played at `time`. Stopped, or before the output reports a time
 * stamp: the playhead as it stands. Null while the engine is writing the block's status (a torn
 * pair: read again).
 */
export function heardFrame(status: Float64Array, stamp: OutputStamp, time: number, rate: number): number | null {
  return heardPair(status, stamp, time, rate)?.frame ?? null;
}

/**
 * As `heardFrame`, with the context frame the output device played at `time` (while stopped, the
 * last block's): the pair a take counts loop passes by (`LoopCounter`).
 */
export function heardPair(status: Float64Array, stamp: OutputStamp, time: number, rate: number): { frame: number; contextFrame: number } | null {
  const at = status[statusSlots.contextFrame] ?? -1;
  const playhead = status[statusSlots.playheadFrame] ?? 0;
  if (at < 0 || status[statusSlots.contextFrame] !== at) return null;
  if (status[statusSlots.playing] !== 1 || !stamp.performanceTime) return { frame: playhead, contextFrame: at };
  const output = ((stamp.contextTime ?? 0) + (time - stamp.performanceTime) / 1000) * rate;
  return { frame: Math.max(0, playhead + output - at), contextFrame: output };
}
