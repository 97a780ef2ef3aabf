/**
 * Recorded takes and comping. A take group holds the passes recorded over one region of one track
 * (a group, a pass unique in it): audio clips on an audio track, note clips on an instrument
 * track. The user comps by choosing which take plays in each region (the others are muted) and by
 * splitting a group, every take at once, into two regions that are chosen apart. Recording again
 * over a group adds its passes to that group. A clip's `take` is only ever valid in its group:
 * copies, parts and clips moved off the group's track are put in groups of their own by `regroupTakes`.
 */
import type { Clip, Project, Take } from '../project-schema';
import { isFiniteNumber, minClipLengthBeats, patchClip, type SourceDurationOptions } from './clip-math';
import { splitClipsWithResult } from './clip-edits';
import { idAllocator } from './ids';
import { clipRef, type ClipRef } from './selection';
import { addSourceClip, type SourceFile } from './source-edits';
import { maxOf, minOf } from '../../std/extremes';

/** One recorded pass of a take file: where it sits on the timeline and where it is in the file. */
export interface RecordedPass {
  /** Timeline beats. */
  readonly start: number;
  readonly length: number;
  /** Seconds into the file where the pass begins. */
  readonly offset: number;
}

/** Every take group id in the project. */
export function takeGroupIdsOf(project: Project): string[] {
  return project.tracks.flatMap((track) => track.clips.flatMap((clip) => takeOf(clip)?.group ?? []));
}

/** A group's takes on their track, by pass. */
export function takesOf(project: Project, group: string): { readonly trackId: string; readonly clips: readonly Clip[] } | null {
  for (const track of project.tracks) {
    const clips = track.clips.filter((clip) => clip.take?.group === group);
    if (clips.length > 0) return { trackId: track.id, clips: clips.sort((a, b) => (a.take?.pass ?? 0) - (b.take?.pass ?? 0)) };
  }
  return null;
}

/** Where one pass of a recording lies on the timeline, in beats. */
export interface PassSpan {
  readonly start: number;
  readonly length: number;
}

/**
 * The passes of one recording (audio or notes, in the order recorded) as takes on the track:
 * `place` adds pass n's clip (unmuted, not yet a take) and returns it, or null to leave the pass
 * out. Over an existing take group of the track (one the passes overlap; the most overlapped) the
 * passes join it, numbered after its last pass; elsewhere they make a new group, pass n being take n.
 * The newest whole pass plays (a last pass cut short by Stop is kept as a take to comp from,
 * muted, so the loop does not fall silent after it); every other take of the group is muted.
 * Passes shorter than `minClipLengthBeats` are left out. Returns the clips made, by pass.
 */
export function stackTakes<P extends PassSpan>(
  project: Project,
  trackId: string,
  passes: readonly P[],
  place: (project: Project, pass: P) => { project: Project; created: ClipRef } | null,
): { project: Project; created: ClipRef[] } {
  const kept = passes.filter((pass) => isFiniteNumber(pass.start) && isFiniteNumber(pass.length) && pass.length >= minClipLengthBeats && pass.start >= 0);
  if (kept.length === 0) return { project, created: [] };
  const { group, firstPass } = groupUnder(project, trackId, minOf(kept.map((pass) => pass.start)), maxOf(kept.map((pass) => pass.start + pass.length)));
  let next = project;
  const made: { ref: ClipRef; length: number }[] = [];
  for (const pass of kept) {
    const placed = place(next, pass);
    if (!placed) continue;
    next = placed.project;
    made.push({ ref: placed.created, length: pass.length });
  }
  if (made.length === 0) return { project, created: [] };
  const longest = maxOf(made.map((take) => take.length));
  const playing = made[made.findLastIndex((take) => take.length >= longest - minClipLengthBeats)]?.ref.clipId;
  const passOf = new Map(made.map((take, index) => [take.ref.clipId, firstPass + index]));
  next = mapWhere(
    next,
    (clip) => passOf.has(clip.id) || clip.take?.group === group,
    (clip) => {
      const pass = passOf.get(clip.id);
      const take = pass === undefined ? clip.take : { group, pass };
      return { ...patchClip(clip, { mute: clip.id !== playing }), ...(take ? { take } : {}) };
    },
  );
  return { project: next, created: made.map((take) => take.ref) };
}

/**
 * The passes of a take file (`RecordedPass`es, in the order recorded) as takes on the audio track
 * `trackId`, as `stackTakes` places them. Returns the clips made, by pass.
 */
export function addRecordedTakes(project: Project, file: SourceFile, trackId: string, passes: readonly RecordedPass[]): { project: Project; created: ClipRef[] } {
  const track = project.tracks.find((t) => t.id === trackId && t.instrument === undefined);
  if (!track) return { project, created: [] };
  return stackTakes(project, trackId, passes.filter((pass) => isFiniteNumber(pass.offset) && pass.offset >= 0), (before, pass) => {
    const added = addSourceClip(before, file, pass.start, trackId);
    const ref = added.created[0];
    if (!ref) return null;
    return { project: mapClip(added.project, ref.clipId, (clip) => (clip.kind === 'audio' ? { ...clip, length: pass.length, offset: pass.offset } : clip)), created: ref };
  });
}

/** The take group on the track that [start, end) overlaps most, and the pass after its last; else a new group's id and pass 1. */
function groupUnder(project: Project, trackId: string, start: number, end: number): { group: string; firstPass: number } {
  const spans = new Map<string, { start: number; end: number; last: number }>();
  for (const clip of project.tracks.find((t) => t.id === trackId)?.clips ?? []) {
    if (!clip.take) continue;
    const span = spans.get(clip.take.group);
    spans.set(clip.take.group, {
      start: Math.min(span?.start ?? Infinity, clip.start),
      end: Math.max(span?.end ?? -Infinity, clip.start + clip.length),
      last: Math.max(span?.last ?? 0, clip.take.pass),
    });
  }
  let best: { group: string; overlap: number; last: number } | null = null;
  for (const [group, span] of spans) {
    const overlap = Math.min(end, span.end) - Math.max(start, span.start);
    if (overlap >= minClipLengthBeats && overlap > (best?.overlap ?? 0)) best = { group, overlap, last: span.last };
  }
  return best ? { group: best.group, firstPass: best.last + 1 } : { group: idAllocator('g', takeGroupIdsOf(project))(), firstPass: 1 };
}

/**
 * Comps by choosing the take that plays in its group's region: it is unmuted and every other take
 * of the group muted. A clip that is not a take, or a take already chosen alone, changes nothing.
 */
export function chooseTake(project: Project, clipId: string): Project {
  const chosen = findClip(project, clipId);
  const group = chosen ? takeOf(chosen)?.group : undefined;
  if (group === undefined) return project;
  return mapGroup(project, group, (clip) => patchClip(clip, { mute: clip.id !== clipId }));
}

/**
 * Splits a take group at `atBeats`, every take at once: the takes spanning it are split (as a split
 * of clips does), and what lies after `atBeats` becomes a new group with the same passes, so each
 * side is comped on its own. Which take plays stays as it was on both sides. A position with less
 * than `minClipLengthBeats` of the group on either side changes nothing.
 */
export function splitTakeGroup(project: Project, group: string, atBeats: number, options: SourceDurationOptions = {}): Project {
  const takes = takesOf(project, group);
  if (!takes || !isFiniteNumber(atBeats)) return project;
  const start = minOf(takes.clips.map((clip) => clip.start));
  const end = maxOf(takes.clips.map((clip) => clip.start + clip.length));
  if (atBeats - start < minClipLengthBeats || end - atBeats < minClipLengthBeats) return project;
  const split = splitClipsWithResult(project, takes.clips.map((clip) => clipRef({ id: takes.trackId }, clip)), atBeats, options);
  const after = new Set(split.created.map((ref) => ref.clipId));
  const later = idAllocator('g', takeGroupIdsOf(project))();
  return mapGroup(split.project, group, (clip) => (after.has(clip.id) || clip.start >= atBeats ? { ...clip, take: { group: later, pass: clip.take?.pass ?? 1 } } : clip));
}

/**
 * Keeps every take group valid after any edit: a group lives on one track with one clip per pass.
 * A take that repeats a pass already seen in its group (a copy, a pasted or duplicated take, the
 * second part of a split take) goes to a new group with the others of the same repeat, so a
 * duplicated group stays a group; takes of a group found on a second track go to a group of their
 * own on that track. Returns the same document when every group is valid.
 */
export function regroupTakes(project: Project): Project {
  const owner = new Map<string, string>();
  const seen = new Map<string, number>();
  const moves = new Map<string, string>();
  const fresh = idAllocator('g', takeGroupIdsOf(project));
  const renamed = new Map<string, string>();
  for (const track of project.tracks) {
    for (const clip of track.clips) {
      const take = takeOf(clip);
      if (!take) continue;
      const { group, pass } = take;
      const home = owner.get(group) ?? track.id;
      owner.set(group, home);
      const repeat = seen.get(`${group}\u0000${track.id}\u0000${pass}`) ?? 0;
      seen.set(`${group}\u0000${track.id}\u0000${pass}`, repeat + 1);
      if (home === track.id && repeat === 0) continue;
      const key = `${group}\u0000${track.id}\u0000${repeat}`;
      let target = renamed.get(key);
      if (target === undefined) renamed.set(key, (target = fresh()));
      moves.set(clip.id, target);
    }
  }
  if (moves.size === 0) return project;
  return {
    ...project,
    tracks: project.tracks.map((track) =>
      track.clips.some((clip) => moves.has(clip.id))
        ? { ...track, clips: track.clips.map((clip) => {
            const target = moves.get(clip.id);
            return target !== undefined && clip.take ? { ...clip, take: { group: target, pass: clip.take.pass } } : clip;
          }) }
        : track,
    ),
  };
}

/** The clip's take, when it is a recorded take (audio or notes). */
export function takeOf(clip: Clip): Take | undefined {
  return clip.take;
}

function findClip(project: Project, clipId: string): Clip | undefined {
  for (const track of project.tracks) for (const clip of track.clips) if (clip.id === clipId) return clip;
  return undefined;
}

function mapClip(project: Project, clipId: string, update: (clip: Clip) => Clip): Project {
  return mapWhere(project, (clip) => clip.id === clipId, update);
}

function mapGroup(project: Project, group: string, update: (clip: Clip) => Clip): Project {
  return mapWhere(project, (clip) => takeOf(clip)?.group === group, update);
}

/** The project with `update` applied to the clips `matches` picks; untouched tracks and clips keep their identity, and nothing changed gives the same document. */
function mapWhere(project: Project, matches: (clip: Clip) => boolean, update: (clip: Clip) => Clip): Project {
  let changed = false;
  const tracks = project.tracks.map((track) => {
    let touched = false;
    const clips = track.clips.map((clip) => {
      if (!matches(clip)) return clip;
      const next = update(clip);
      if (next !== clip) touched = true;
      return next;
    });
    if (!touched) return track;
    changed = true;
    return { ...track, clips };
  });
  return changed ? { ...project, tracks } : project;
}
