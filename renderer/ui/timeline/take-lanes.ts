import { takeOf } from '../../../src/model/edits/take-edits';
import type { Clip, Track } from '../../../src/model/project-schema';

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

const comps = new WeakMap<readonly Clip[], readonly Clip[]>();

/**
 * The clips a track's lane shows: the comp. A take not chosen (muted while another take of its
 * group plays) is left out: it is in the take lanes. A group whose takes are all muted shows them
 * all, as any muted clip. Computed once per clip list (documents are immutable); the very same
 * list when nothing is left out.
 */
export function laneClips(clips: readonly Clip[]): readonly Clip[] {
  let shown = comps.get(clips);
  if (!shown) {
    const playing = new Set(clips.flatMap((clip) => (clip.mute ? [] : (takeOf(clip)?.group ?? []))));
    const kept = clips.filter((clip) => !(clip.mute && playing.has(takeOf(clip)?.group ?? '')));
    shown = kept.length === clips.length ? clips : kept;
    comps.set(clips, shown);
  }
  return shown;
}
