import { Clock } from '../../src/std/clock';
import { hertz, samples } from '../../src/std/units';
import { statusSlots } from '../../src/protocol/engine';
import { heardFrame } from './heard-frame';
import { useProject } from './project-store';
import { runtime } from './runtime';

/** Where the playhead is, in timeline beats through the song's clock (its tempo map), as of the engine's last block. */
export function playheadBeats(): number {
  const { audio } = runtime();
  return Clock.of(useProject.getState().project).beatAtFrame(samples(audio.status[statusSlots.playheadFrame] ?? 0), hertz(audio.context.sampleRate));
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
