import type { Clip, Track } from '../project-schema';

/** Whether `track` can hold `clip`: note clips need an instrument track, audio clips a track without one. */
export function canHold(track: Pick<Track, 'instrument'>, clip: Pick<Clip, 'kind'>): boolean {
  return clip.kind === 'notes' ? track.instrument !== undefined : track.instrument === undefined;
}
