/**
 * Shared arithmetic of the clip edits: timeline beats ↔ source seconds, the loop phase, exact
 * clip ends, and copy-on-write updates that keep every untouched object's identity (the engine
 * diffs documents by reference).
 */
import { Clock, type TimeMap } from '../../std/clock';
import { beats, seconds } from '../../std/units';
import type { Clip, Project } from '../project-schema';
import { resolveSelection, type ClipSelection, type ResolvedClip } from './selection';

/** No edit makes a clip shorter than this (a 1/64 note); clips already shorter are left as they are. */
export const minClipLengthBeats = 1 / 64;

/** Longest name of a clip, track or marker. */
export const maxNameLength = 200;
/** Clip gain and track gain range of the format. */
export const minGainDb = -144;
export const maxGainDb = 24;
/** Varispeed range of the format. */
export const minRate = 0.125;
export const maxRate = 8;

/**
 * What the document does not know: how long each source is, in seconds, by source id. Edits that
 * depend on it (the loop phase, the end of a non-looped source, mirroring on reverse) use it when
 * given and fall back to documented behaviour when not.
 */
export interface SourceDurationOptions {
  readonly sourceDurations?: Readonly<Record<string, number>>;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** The duration of a clip's source, if known and sensible. */
export function sourceDuration(options: SourceDurationOptions, sourceId: string): number | undefined {
  const durations = options.sourceDurations;
  if (!durations || !Object.hasOwn(durations, sourceId)) return undefined;
  const d = durations[sourceId];
  return d !== undefined && Number.isFinite(d) && d > 0 ? d : undefined;
}

/** Seconds of source time `span` timeline beats from the clip's start cover (negative: before it): the clock's seconds × rate. */
export function beatsToSourceSeconds(project: TimeMap, clip: Pick<Clip, 'start' | 'rate'>, span: number): number {
  return Clock.of(project).secondsOver(beats(clip.start), beats(span)) * clip.rate;
}

/** Timeline beats from the clip's start that `span` seconds of source last at the clip's rate (negative: before it). */
export function sourceSecondsToBeats(project: TimeMap, clip: Pick<Clip, 'start' | 'rate'>, span: number): number {
  return Clock.of(project).beatsOver(beats(clip.start), seconds(span / clip.rate));
}

/**
 * The source position (seconds, in the clip's own — possibly reversed — source) that sounds
 * `deltaBeats` after the clip's start. Offsets refer to the reversed source when `reverse` is on
 * (docs/project-format.md), so the same formula holds for reversed clips. A looped clip whose
 * source duration is known wraps within its loop [offset, duration); without the duration the
 * position is not wrapped.
 */
export function offsetAfter(project: TimeMap, clip: Clip, deltaBeats: number, options: SourceDurationOptions): number {
  const delta = beatsToSourceSeconds(project, clip, deltaBeats);
  const duration = sourceDuration(options, clip.source);
  if (clip.loop && duration !== undefined && duration > clip.offset && delta > 0) {
    return clip.offset + (delta % (duration - clip.offset));
  }
  return Math.max(0, clip.offset + delta);
}

/**
 * A length such that `start + length === end` in double precision when one exists close to
 * `end - start`, so clips cut from one another touch exactly (in beats, hence in frames).
 */
export function lengthBetween(start: number, end: number): number {
  let length = end - start;
  for (let i = 0; i < 4 && start + length !== end; i++) {
    const next = length + (end - (start + length));
    if (next === length) break;
    length = next;
  }
  return length;
}

/** The clip with `patch` applied, or the very same clip when the patch changes nothing. */
export function patchClip(clip: Clip, patch: Partial<Omit<Clip, 'id'>>): Clip {
  for (const key of Object.keys(patch) as (keyof typeof patch)[]) {
    if (!Object.is(patch[key], clip[key]) && !(patch[key] === 0 && clip[key] === 0)) return { ...clip, ...patch };
  }
  return clip;
}

/**
 * Replaces each selected clip by `update(clip)`, in place. Tracks without a changed clip keep
 * their identity; with no change at all, the project itself is returned.
 */
export function mapSelectedClips(project: Project, selection: ClipSelection, update: (clip: Clip, where: ResolvedClip) => Clip): Project {
  const changes = new Map<number, Map<number, Clip>>();
  for (const where of resolveSelection(project, selection)) {
    const next = update(where.clip, where);
    if (next === where.clip) continue;
    let track = changes.get(where.trackIndex);
    if (!track) changes.set(where.trackIndex, (track = new Map()));
    track.set(where.clipIndex, next);
  }
  if (changes.size === 0) return project;
  return {
    ...project,
    tracks: project.tracks.map((track, t) => {
      const changed = changes.get(t);
      return changed ? { ...track, clips: track.clips.map((clip, c) => changed.get(c) ?? clip) } : track;
    }),
  };
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
