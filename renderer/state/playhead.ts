import { Clock } from '../../src/std/clock';
import { hertz, samples } from '../../src/std/units';
import { statusSlots } from '../../src/protocol/engine';
import { heardFrame } from './heard-frame';
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
  const { status, context } = runtime().audio;
  for (let attempt = 0; attempt < 4; attempt++) {
    const frame = heardFrame(status, context.getOutputTimestamp(), time, context.sampleRate);
    if (frame !== null) return Clock.of(useProject.getState().project).beatAtFrame(samples(frame), hertz(context.sampleRate));
  }
  return playheadBeats();
}
