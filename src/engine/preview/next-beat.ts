import type { Clock } from '../../std/clock';

/** The loop the transport wraps at, in timeline frames. */
export interface FrameLoop {
  readonly start: number;
  readonly end: number;
}

/** When the next metronome beat is heard: in how many output frames, and at which timeline frame. */
export interface NextBeat {
  /** Output frames from now until the beat is heard; 0 when a beat is heard right now. */
  readonly wait: number;
  /** The timeline frame of that beat (after the loop's start when the wait runs across a wrap). */
  readonly frame: number;
}

/**
 * The next metronome beat heard by a transport whose playhead is at whole frame `playhead` and
 * whose output lags the timeline by `latency` frames: the click's own arithmetic
 * (`Clock.nextClickFrame` on the heard frame), so a synced preview lands on the very frame the
 * click would. When that beat lies past the loop's end, the wait runs to the end and on to the
 * first beat after the loop's start.
 */
export function nextBeat(clock: Clock, playhead: number, latency: number, loop: FrameLoop | null, rate: number): NextBeat {
  const bar = new Float64Array(1);
  const heard = playhead - latency;
  const next = clock.nextClickFrame(heard, rate, bar);
  if (loop === null || playhead >= loop.end || next + latency < loop.end) return { wait: next - heard, frame: next };
  const afterWrap = loop.start - latency;
  const frame = clock.nextClickFrame(afterWrap, rate, bar);
  return { wait: loop.end - playhead + frame - afterWrap, frame };
}
