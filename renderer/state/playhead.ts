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
