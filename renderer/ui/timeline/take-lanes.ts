import { takeOf } from '../../../src/model/edits/take-edits';
import type { Track } from '../../../src/model/project-schema';

/** Pixels of one take lane under a track. */
export const takeLaneHeight = 36;

/** The recorded passes of a track's takes, in order: one take lane each (take n of every group shares lane n). */
export function takePassesOf(track: Track): number[] {
  const passes = new Set<number>();
  for (const clip of track.clips) {
    const take = takeOf(clip);
    if (take) passes.add(take.pass);
  }
  return [...passes].sort((a, b) => a - b);
}
