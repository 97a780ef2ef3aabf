/**
 * Chop: cut one clip into consecutive clips (for chopped-and-flipped beats), as one edit.
 *
 * Positions are timeline beats, like `splitClips`' `atBeats`. Every piece plays exactly the audio
 * that sounded there before: piece k starts at its cut, its offset is the source position that
 * sounded there (`offsetAfter`: the clock's seconds over Δbeats × rate, wrapped into the loop for looped
 * clips when the source duration is known), and neighbouring pieces touch exactly. The first piece
 * keeps the clip's id and fade-in, the last keeps the fade-out; inner fades are 0. Gain, rate,
 * reverse and loop are copied. The new pieces follow the first in the track's clip order.
 */
import type { TimeMap } from '../../std/clock';
import type { AudioClip, Clip, Project } from '../project-schema';
import { isFiniteNumber, lengthBetween, minClipLengthBeats, offsetAfter, partOf, sourceSecondsToBeats, type SourceDurationOptions } from './clip-math';
import type { CreatedClips } from './clip-edits';
import { clipIdsOf, idAllocator } from './ids';
import { clipRef, resolveClip, type ClipRef } from './selection';

/** Note values a grid chop cuts on: 4 = quarter notes (one beat), 8 = eighths, 16 = sixteenths … */
export type ChopDivision = 1 | 2 | 4 | 8 | 16 | 32;

/** "Chop Clip into 8". */
export const chopLabel = (pieces: number): string => `Chop Clip into ${pieces}`;

/**
 * The cuts that `chopClipAtBeats` will really make: finite positions strictly inside the clip
 * with at least `minClipLengthBeats` to either edge and to the previous cut, sorted, each once.
 */
export function usableChopPositions(clip: Pick<Clip, 'start' | 'length'>, positions: readonly number[]): number[] {
  const end = clip.start + clip.length;
  const sorted = positions.filter((p) => isFiniteNumber(p) && p - clip.start >= minClipLengthBeats && end - p >= minClipLengthBeats).sort((a, b) => a - b);
  const kept: number[] = [];
  for (const p of sorted) {
    const previous = kept.at(-1) ?? clip.start;
    if (p - previous >= minClipLengthBeats) kept.push(p);
  }
  return kept;
}

/**
 * Splits the clip `ref` at every position of `beats` (timeline beats) into consecutive clips.
 * Positions outside the clip, too close to an edge or to each other are ignored; with none left
 * (or a stale ref) the very same document comes back, so no undo step is recorded.
 */
export function chopClipAtBeats(project: Project, ref: ClipRef, beats: readonly number[], options: SourceDurationOptions = {}): CreatedClips {
  const found = resolveClip(project, ref);
  if (!found) return { project, created: [] };
  const { clip, track, trackIndex, clipIndex } = found;
  const cuts = usableChopPositions(clip, beats);
  if (cuts.length === 0) return { project, created: [] };
  const newId = idAllocator('c', clipIdsOf(project));
  const edges = [clip.start, ...cuts, clip.start + clip.length];
  const pieces: Clip[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i] ?? clip.start;
    const end = edges[i + 1] ?? start;
    const first = i === 0;
    const last = i + 2 === edges.length;
    const offset = first ? clip.offset : offsetAfter(project, clip, start - clip.start, options);
    pieces.push(partOf(clip, { id: first ? clip.id : newId(), start, length: lengthBetween(start, end), offset }, first, last));
  }
  const clips = [...track.clips.slice(0, clipIndex), ...pieces, ...track.clips.slice(clipIndex + 1)];
  return {
    project: { ...project, tracks: project.tracks.map((t, i) => (i === trackIndex ? { ...t, clips } : t)) },
    created: pieces.slice(1).map((piece) => clipRef(track, piece)),
  };
}

/**
 * Cuts on an even grid of `division` notes (4: every beat, 8: every eighth, 16: every sixteenth),
 * counted from the clip's own start, so a loop placed anywhere chops into equal slices.
 */
export function gridChopPositions(clip: Pick<Clip, 'start' | 'length'>, division: ChopDivision): number[] {
  const step = 4 / division;
  const positions: number[] = [];
  for (let k = 1; k * step < clip.length - minClipLengthBeats / 2; k++) positions.push(clip.start + k * step);
  return positions;
}

/**
 * Cuts at transients: `onsetSeconds` are positions in the clip's source as the clip reads it (for
 * a reversed clip, in the reversed source, like `offset`). An onset at source time t sounds at
 * the beat its (t − offset) / rate seconds from the clip's start reach on the song's clock. Only onsets inside the clip's first pass over
 * its source are used (a looped clip is not chopped past its first wrap).
 */
export function transientChopPositions(clip: Pick<AudioClip, 'start' | 'length' | 'offset' | 'rate'>, onsetSeconds: readonly number[], time: TimeMap): number[] {
  const end = clip.start + clip.length;
  return onsetSeconds
    .filter(isFiniteNumber)
    .map((t) => clip.start + sourceSecondsToBeats(time, clip, t - clip.offset))
    .filter((beat) => beat > clip.start && beat < end);
}
