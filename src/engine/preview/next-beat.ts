import type { Clock } from '../../std/clock';

/** The loop the transport wraps at, in timeline frames. */
export interface FrameLoop {
  readonly start: number;
  readonly end: number;
}

/**
 * How many output frames from now until the next metronome beat is heard, for a transport whose
 * playhead is at whole frame `playhead` and whose output lags the timeline by `latency` frames:
 * the click's own arithmetic (`Clock.nextClickFrame` on the heard frame), so a synced preview
 * lands on the very frame the click would. When that beat lies past the loop's end, the wait runs
 * to the end and on to the first beat after the loop's start. 0 when a beat is heard right now.
 */
export function framesToNextBeat(clock: Clock, playhead: number, latency: number, loop: FrameLoop | null, rate: number): number {
  const bar = new Float64Array(1);
  const heard = playhead - latency;
  const next = clock.nextClickFrame(heard, rate, bar);
  if (loop === null || playhead >= loop.end || next + latency < loop.end) return next - heard;
  const afterWrap = loop.start - latency;
  return loop.end - playhead + clock.nextClickFrame(afterWrap, rate, bar) - afterWrap;
}
