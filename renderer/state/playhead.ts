import { Clock } from '../../src/std/clock';
import { hertz, samples } from '../../src/std/units';
import { statusSlots } from '../../src/protocol/engine';
import { heardPair } from './heard-frame';
import type { FramePair } from './loop-counter';
import { useProject } from './project-store';
import { runtime } from './runtime';

/** A seek sent to the engine, and the engine's block count when it was sent: until two more blocks have run, its status may not show it yet. */
let sentSeek: { readonly frame: number; readonly block: number } | null = null;
const blocksForSeekToShow = 2;

/** Moves the playhead to `frame` (frames from the timeline's start); `playheadFrame` reads it at once, however busy the audio thread is. */
export function seekToFrame(frame: number): void {
  const { audio } = runtime();
  const at = Math.max(0, Math.round(frame));
  audio.send({ type: 'seek', frame: at });
  sentSeek = { frame: at, block: audio.status[statusSlots.blocksRendered] ?? 0 };
}

/**
 * Where the playhead is, in frames from the timeline's start: the engine's last block, or a seek
 * just sent that it has not shown yet (a click on the ruler and a key straight after act at the click).
 */
export function playheadFrame(): number {
  const { status } = runtime().audio;
  const block = status[statusSlots.blocksRendered] ?? 0;
  if (sentSeek && block >= sentSeek.block && block < sentSeek.block + blocksForSeekToShow) return sentSeek.frame;
  sentSeek = null;
  return status[statusSlots.playheadFrame] ?? 0;
}

/** Where the playhead is, in timeline beats through the song's clock (its tempo map): `playheadFrame`. */
export function playheadBeats(): number {
  return Clock.of(useProject.getState().project).beatAtFrame(samples(playheadFrame()), hertz(runtime().audio.context.sampleRate));
}

/**
 * Where the song was as heard at `time` (`performance.now()` ms), in timeline beats (`heardFrame`):
 * a key is so placed where its player heard the song, finer than a block and however late its
 * handler ran.
 */
export function heardBeatsAt(time: number): number {
  return heardAt(time).beat;
}

/** As `heardBeatsAt`, with the song frame and the context frame heard then (null when the status could not be read). */
export function heardAt(time: number): { readonly beat: number; readonly pair: FramePair | null } {
  const { status, context } = runtime().audio;
  for (let attempt = 0; attempt < 4; attempt++) {
    const pair = heardPair(status, context.getOutputTimestamp(), time, context.sampleRate);
    if (pair !== null) return { beat: Clock.of(useProject.getState().project).beatAtFrame(samples(pair.frame), hertz(context.sampleRate)), pair };
  }
  return { beat: playheadBeats(), pair: null };
}

/** The last block's song frame and context frame while the transport plays; null when stopped, while the engine writes them, or before a seek just sent shows. */
export function playingPair(): FramePair | null {
  const { status } = runtime().audio;
  const at = status[statusSlots.contextFrame] ?? -1;
  const frame = status[statusSlots.playheadFrame] ?? 0;
  if (at < 0 || status[statusSlots.playing] !== 1 || status[statusSlots.contextFrame] !== at) return null;
  // A seek just sent has not shown yet: the pair is from before it.
  if (playheadFrame() !== frame) return null;
  return { frame, contextFrame: at };
}
