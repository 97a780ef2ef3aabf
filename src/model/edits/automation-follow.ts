/**
 * Automation that moves with its clips (the timeline's "Move automation with clips", on by
 * default as in Ableton Live and Bitwig): when clips move along their track or are duplicated,
 * the points of that track's lanes (volume, pan, mute, its sends and inserts) in each clip's
 * stretch go with them, in the same edit and so the same undo step.
 *
 * What moves is the lane's shape over the clip's stretch [start, end): its points there, and its
 * values at both edges (so a ramp passing through is carried as the piece under the clip). At the
 * destination the carried stretch replaces the lane and the lane outside stays as it was
 * (`spliceLane`); a moved clip's old stretch loses its points (the lane joins its neighbours
 * there), a duplicated one keeps them. Clips moved to another track leave the automation where it
 * is: its lanes belong to the track's own channel, sends and devices.
 */
import type { ParamSpec } from '../../devices/param-spec';
import { automatableParams, laneOf } from '../automation-params';
import { laneValueAt, spliceLane } from '../lane-values';
import type { AutomationPoint, Project } from '../project-schema';
import { withPoints } from './automation-edits';
import type { CreatedClips } from './clip-edits';
import { resolveClip, resolveSelection, type ClipSelection } from './selection';

/** How far before a clip's end its last value is read, in beats. */
const edge = 1e-9;

/** A stretch of a track's timeline carried `by` beats. */
export interface ClipShift {
  readonly trackId: string;
  readonly from: number;
  readonly to: number;
  readonly by: number;
}

/** The shifts of the clips that moved along their track between `before` and `after` (by id). */
export function movedClipShifts(before: Project, after: Project): ClipShift[] {
  const now = new Map<string, { trackId: string; start: number }>();
  for (const track of after.tracks) for (const clip of track.clips) now.set(clip.id, { trackId: track.id, start: clip.start });
  return before.tracks.flatMap((track) =>
    track.clips.flatMap((clip) => {
      const moved = now.get(clip.id);
      return moved && moved.trackId === track.id && moved.start !== clip.start ? [{ trackId: track.id, from: clip.start, to: clip.start + clip.length, by: moved.start - clip.start }] : [];
    }),
  );
}

/** The shifts of a duplicate: each selected clip (in `resolveSelection` order) to the copy created for it, which `duplicateClipsWithResult` lists in that order. */
export function duplicatedClipShifts(before: Project, selection: ClipSelection, result: CreatedClips): ClipShift[] {
  return resolveSelection(before, selection).flatMap(({ clip, track }, i) => {
    const ref = result.created[i];
    const copy = ref ? resolveClip(result.project, ref)?.clip : undefined;
    return copy ? [{ trackId: track.id, from: clip.start, to: clip.start + clip.length, by: copy.start - clip.start }] : [];
  });
}

/**
 * `after` (the clips moved or copied from `before`) with the automation of the shifted stretches
 * carried along: moved (`copy` false) or copied (`copy` true). Lanes are read from `before`.
 */
export function carryAutomation(before: Project, after: Project, shifts: readonly ClipShift[], copy: boolean): Project {
  let next = after;
  const byTrack = new Map<string, ClipShift[]>();
  for (const shift of shifts) if (shift.by !== 0 && shift.to > shift.from) byTrack.set(shift.trackId, [...(byTrack.get(shift.trackId) ?? []), shift]);
  for (const [trackId, trackShifts] of byTrack) {
    const track = before.tracks.find((candidate) => candidate.id === trackId);
    if (!track) continue;
    const stretches = merged(trackShifts);
    for (const param of automatableParams(before, track)) {
      const points = laneOf(before, param.target, param.param)?.points;
      if (!points || points.length === 0) continue;
      const carried = stretches.map((stretch) => ({ ...stretch, points: piece(points, param.spec, param.value, stretch) }));
      let lane: AutomationPoint[] = copy ? [...points] : points.filter((point) => !carried.some((stretch) => point.beat >= stretch.from && point.beat < stretch.to));
      for (const stretch of carried) lane = spliceLane(lane, param.spec, param.value, stretch.from + stretch.by, stretch.to + stretch.by, stretch.points);
      next = withPoints(next, param, lane);
    }
  }
  return next;
}

/** The lane over [from, to), moved `by` beats: its values at both edges and its points between. */
function piece(points: readonly AutomationPoint[], spec: ParamSpec, held: number, stretch: ClipShift): AutomationPoint[] {
  const { from, to, by } = stretch;
  const inside = points.filter((point) => point.beat > from && point.beat < to);
  const startCurve = points.filter((point) => point.beat <= from).at(-1)?.curve ?? 'linear';
  return [
    { beat: from + by, value: laneValueAt(points, spec, from, held), curve: startCurve },
    ...inside.map((point) => ({ ...point, beat: point.beat + by })),
    // Just before the clip's end: a step on its last beat belongs to what follows the clip.
    { beat: to + by, value: laneValueAt(points, spec, to - edge, held), curve: 'hold' },
  ];
}

/** Overlapping or touching stretches moved by the same amount, as one. */
function merged(shifts: readonly ClipShift[]): ClipShift[] {
  const sorted = [...shifts].sort((a, b) => a.by - b.by || a.from - b.from);
  const out: ClipShift[] = [];
  for (const shift of sorted) {
    const previous = out.at(-1);
    if (previous && previous.by === shift.by && shift.from <= previous.to) out[out.length - 1] = { ...previous, to: Math.max(previous.to, shift.to) };
    else out.push(shift);
  }
  return out;
}
