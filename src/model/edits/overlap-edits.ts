/**
 * What happens where a clip is put down (moved, dropped, pasted, duplicated) over clips already on
 * its track. DAWs differ, so the user picks: `trim` cuts away what the new clip covers, as Ableton
 * does; `layer` keeps both playing, one over the other, as FL Studio does.
 */
import type { Clip, Project, Track } from '../project-schema';
import { lengthBetween, minClipLengthBeats, offsetAfter, partOf, type SourceDurationOptions } from './clip-math';
import { clipIdsOf, idAllocator } from './ids';

export const overlapModes = ['trim', 'layer'] as const;
export type OverlapMode = (typeof overlapModes)[number];

type Span = readonly [from: number, to: number];

/**
 * Settles the clips just put down (`placedIds`) over the others on their tracks. They move to the
 * end of their track's clip order, so they are drawn over the others and hit first. With `trim`,
 * every other clip loses what they cover: a clip covered whole is removed, one covered at an end
 * is shortened, one covered in its middle is split around them. The parts kept play what they
 * played before (offsets advance as a split's do, looped clips by the loop phase when durations
 * are known); a cut edge has no fade, an edge kept keeps its fade, the first part keeps the id.
 * Leftovers shorter than `minClipLengthBeats` go. Returns the same document when nothing changes.
 */
export function settleClips(project: Project, placedIds: Iterable<string>, mode: OverlapMode, options: SourceDurationOptions = {}): Project {
  const placed = new Set(placedIds);
  if (placed.size === 0) return project;
  const newId = idAllocator('c', clipIdsOf(project));
  let changed = false;
  const tracks = project.tracks.map((track) => {
    const next = settleTrack(project, track, placed, mode, options, newId);
    if (next !== track) changed = true;
    return next;
  });
  return changed ? { ...project, tracks } : project;
}

function settleTrack(project: Project, track: Track, placed: ReadonlySet<string>, mode: OverlapMode, options: SourceDurationOptions, newId: () => string): Track {
  const mine = track.clips.filter((clip) => placed.has(clip.id));
  if (mine.length === 0) return track;
  let others = track.clips.filter((clip) => !placed.has(clip.id));
  let cut = false;
  if (mode === 'trim') {
    const union = unionOf(mine.map((clip): Span => [clip.start, clip.start + clip.length]));
    others = others.flatMap((clip) => {
      const pieces = piecesOutside(clip, union);
      const whole = pieces.length === 1 && pieces[0]?.[0] === clip.start && pieces[0]?.[1] === clip.start + clip.length;
      if (whole) return [clip];
      cut = true;
      return pieces.map((piece, index) => pieceOf(project, clip, piece, index === 0 ? clip.id : newId(), options));
    });
  }
  const onTop = track.clips.slice(track.clips.length - mine.length).every((clip, index) => clip === mine[index]);
  return cut || !onTop ? { ...track, clips: [...others, ...mine] } : track;
}

/** Overlapping or touching spans merged, in order. */
function unionOf(spans: readonly Span[]): Span[] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The parts of a clip outside every span, at least `minClipLengthBeats` long. */
function piecesOutside(clip: Clip, union: readonly Span[]): Span[] {
  let pieces: Span[] = [[clip.start, clip.start + clip.length]];
  for (const [from, to] of union) {
    pieces = pieces.flatMap(([a, b]): Span[] => {
      if (to <= a || from >= b) return [[a, b]];
      const kept: Span[] = [];
      if (from > a) kept.push([a, from]);
      if (to < b) kept.push([to, b]);
      return kept;
    });
  }
  return pieces.filter(([a, b]) => b - a >= minClipLengthBeats);
}

/** The part [from, to) of a clip as a clip of its own. */
function pieceOf(project: Project, clip: Clip, [from, to]: Span, id: string, options: SourceDurationOptions): Clip {
  const offset = from > clip.start ? offsetAfter(project, clip, from - clip.start, options) : clip.offset;
  return partOf(clip, { id, start: from, length: lengthBetween(from, to), offset }, from === clip.start, to === clip.start + clip.length);
}
