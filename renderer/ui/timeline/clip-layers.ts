import type { Clip } from '../../../src/model/project-schema';

/** A stretch (beats) of a clip that a clip later in its track covers. */
export interface CoveredSpan {
  readonly from: number;
  readonly to: number;
}

/**
 * How the clips of one track stack where they overlap (clips later in the track are drawn over
 * earlier ones and are hit first). By index in the track's clips: `depth` is 0 for a clip over no
 * earlier clip, else one more than the deepest earlier clip it overlaps (it is drawn that many
 * steps lower, so the clip underneath shows above it); `covered` lists the spans of each clip
 * that later clips cover. Clips that only touch do not overlap.
 */
export interface TrackLayers {
  readonly depth: readonly number[];
  readonly covered: readonly (readonly CoveredSpan[])[];
  /** How many overlapping pairs there are. */
  readonly overlaps: number;
}

const known = new WeakMap<readonly Clip[], TrackLayers>();

/** The layers of a track's clips; computed once per clip list (documents are immutable). */
export function trackLayers(clips: readonly Clip[]): TrackLayers {
  let layers = known.get(clips);
  if (!layers) known.set(clips, (layers = computeLayers(clips)));
  return layers;
}

function computeLayers(clips: readonly Clip[]): TrackLayers {
  const end = (i: number) => (clips[i]?.start ?? 0) + (clips[i]?.length ?? 0);
  const start = (i: number) => clips[i]?.start ?? 0;
  // Sweep by start: every clip still sounding when another starts overlaps it. Each pair is met once.
  const order = clips.map((_, i) => i).sort((a, b) => start(a) - start(b) || a - b);
  const below: number[][] = clips.map(() => []);
  const covered: CoveredSpan[][] = clips.map(() => []);
  let overlaps = 0;
  let active: number[] = [];
  for (const i of order) {
    active = active.filter((a) => end(a) > start(i));
    for (const a of active) {
      const [under, over] = a < i ? [a, i] : [i, a];
      below[over]?.push(under);
      covered[under]?.push({ from: start(i), to: Math.min(end(a), end(i)) });
      overlaps++;
    }
    active.push(i);
  }
  const depth: number[] = [];
  clips.forEach((_, i) => {
    depth.push((below[i] ?? []).reduce((deepest, under) => Math.max(deepest, (depth[under] ?? 0) + 1), 0));
  });
  return { depth, covered, overlaps };
}
