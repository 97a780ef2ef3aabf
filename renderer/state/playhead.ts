import { Clock } from '../../src/std/clock';
import { hertz, samples } from '../../src/std/units';
import { statusSlots } from '../../src/protocol/engine';
import { useProject } from './project-store';
import { runtime } from './runtime';

/** Where the playhead is, in timeline beats through the song's clock (its tempo map), as of the engine's last block. */
export function playheadBeats(): number {
  const { audio } = runtime();
  return Clock.of(useProject.getState().project).beatAtFrame(samples(audio.status[statusSlots.playheadFrame] ?? 0), hertz(audio.context.sampleRate));
}

/**
 * Where the song was as heard at `time` (`performance.now()` ms), in timeline beats: while playing,
 * the engine's last block (its context frame ↔ playhead pair) carried to the context frame the
 * output device played at `time` (the context's output time stamp). A key is so placed where its
 * player heard the song, finer than a block and however late its handler ran. Stopped, or before
 * the output reports a time stamp: the playhead as of the last block.
 */
export function heardBeatsAt(time: number): number {
  const { audio } = runtime();
  const { status, context } = audio;
  for (let attempt = 0; attempt < 4; attempt++) {
    const at = status[statusSlots.contextFrame] ?? -1;
    const playhead = status[statusSlots.playheadFrame] ?? 0;
    if (at < 0 || status[statusSlots.contextFrame] !== at) continue;
    const stamp = context.getOutputTimestamp();
    if (status[statusSlots.playing] !== 1 || !stamp.performanceTime) break;
    const rate = context.sampleRate;
    const heard = playhead + ((stamp.contextTime ?? 0) + (time - stamp.performanceTime) / 1000) * rate - at;
    return Clock.of(useProject.getState().project).beatAtFrame(samples(Math.max(0, heard)), hertz(rate));
  }
  return playheadBeats();
}
