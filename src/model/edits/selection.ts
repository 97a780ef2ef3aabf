/**
 * Which clips an edit applies to. A `ClipRef` names a clip by its track and its id; a selection is
 * any iterable of refs (the UI keeps an array). Refs whose track or clip does not exist, or whose
 * clip is not on that track, resolve to nothing, so a stale selection makes an edit a no-op
 * instead of an error.
 */
import type { Clip, Project, Track } from '../project-schema';

export interface ClipRef {
  readonly trackId: string;
  readonly clipId: string;
}

export type ClipSelection = Iterable<ClipRef>;

/** A ref found in the document, with where it sits. */
export interface ResolvedClip {
  readonly ref: ClipRef;
  readonly track: Track;
  readonly trackIndex: number;
  readonly clip: Clip;
  readonly clipIndex: number;
}

export function clipRef(track: Pick<Track, 'id'>, clip: Pick<Clip, 'id'>): ClipRef {
  return { trackId: track.id, clipId: clip.id };
}

export function resolveClip(project: Project, ref: ClipRef): ResolvedClip | undefined {
  const trackIndex = project.tracks.findIndex((t) => t.id === ref.trackId);
  const track = project.tracks[trackIndex];
  if (!track) return undefined;
  const clipIndex = track.clips.findIndex((c) => c.id === ref.clipId);
  const clip = track.clips[clipIndex];
  if (!clip) return undefined;
  return { ref: { trackId: track.id, clipId: clip.id }, track, trackIndex, clip, clipIndex };
}

/** The selection's clips that exist, each once, in document order (track by track, then clip order). */
export function resolveSelection(project: Project, selection: ClipSelection): ResolvedClip[] {
  const wanted = new Map<string, Set<string>>();
  for (const ref of selection) {
    let clips = wanted.get(ref.trackId);
    if (!clips) wanted.set(ref.trackId, (clips = new Set()));
    clips.add(ref.clipId);
  }
  const found: ResolvedClip[] = [];
  if (wanted.size === 0) return found;
  project.tracks.forEach((track, trackIndex) => {
    const clips = wanted.get(track.id);
    if (!clips) return;
    track.clips.forEach((clip, clipIndex) => {
      if (clips.has(clip.id)) found.push({ ref: { trackId: track.id, clipId: clip.id }, track, trackIndex, clip, clipIndex });
    });
  });
  return found;
}

/** Every clip of the project (Select All). */
export function selectAllClips(project: Project): ClipRef[] {
  return project.tracks.flatMap((track) => track.clips.map((clip) => clipRef(track, clip)));
}

/** The clips that still exist: prune a selection after an edit (delete, undo) removed some. */
export function pruneSelection(project: Project, selection: ClipSelection): ClipRef[] {
  return resolveSelection(project, selection).map((r) => r.ref);
}

/** The span a group of clips covers: earliest start, latest end (beats), top and bottom track index. */
export interface SelectionBounds {
  readonly start: number;
  readonly end: number;
  readonly firstTrack: number;
  readonly lastTrack: number;
}

export function selectionBounds(clips: readonly ResolvedClip[]): SelectionBounds | undefined {
  if (clips.length === 0) return undefined;
  let start = Infinity;
  let end = -Infinity;
  let firstTrack = Infinity;
  let lastTrack = -Infinity;
  for (const { clip, trackIndex } of clips) {
    start = Math.min(start, clip.start);
    end = Math.max(end, clip.start + clip.length);
    firstTrack = Math.min(firstTrack, trackIndex);
    lastTrack = Math.max(lastTrack, trackIndex);
  }
  return { start, end, firstTrack, lastTrack };
}
