/**
 * Shared arithmetic of the clip edits: timeline beats ↔ the clip's offset units (seconds of source
 * for audio clips, beats of pattern for note clips), the loop phase, exact clip ends, and
 * copy-on-write updates that keep every untouched object's identity (the engine diffs documents
 * by reference).
 */
import { Clock, type TimeMap } from '../../std/clock';
import { beats, seconds } from '../../std/units';
import type { AudioClip, Clip, Project } from '../project-schema';
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
export function beatsToSourceSeconds(project: TimeMap, clip: Pick<AudioClip, 'start' | 'rate'>, span: number): number {
  return Clock.of(project).secondsOver(beats(clip.start), beats(span)) * clip.rate;
}

/** Timeline beats from the clip's start that `span` seconds of source last at the clip's rate (negative: before it). */
export function sourceSecondsToBeats(project: TimeMap, clip: Pick<AudioClip, 'start' | 'rate'>, span: number): number {
  return Clock.of(project).beatsOver(beats(clip.start), seconds(span / clip.rate));
}

/** What the clip edits read of a project: its timing (audio clips) and its patterns (note clips). */
export type ClipContext = TimeMap & Pick<Project, 'patterns'>;

/** The span of the clip's offset units (source seconds, or pattern beats) that `span` timeline beats cover. */
export function beatsToOffsetSpan(project: ClipContext, clip: Clip, span: number): number {
  return clip.kind === 'audio' ? beatsToSourceSeconds(project, clip, span) : span;
}

/** Timeline beats a span of the clip's offset units lasts. */
export function offsetSpanToBeats(project: ClipContext, clip: Clip, span: number): number {
  return clip.kind === 'audio' ? sourceSecondsToBeats(project, clip, span) : span;
}

/** How long what the clip plays is, in its offset units: its source's duration (when known), or its pattern's length. */
export function contentLength(project: ClipContext, clip: Clip, options: SourceDurationOptions): number | undefined {
  if (clip.kind === 'audio') return sourceDuration(options, clip.source);
  return Object.hasOwn(project.patterns, clip.pattern) ? project.patterns[clip.pattern]?.length : undefined;
}

/**
 * A part of `clip` as a clip of its own, with `place` (id, start, length, offset): an audio part
 * keeps the fade-in only when it begins where the clip did (`first`) and the fade-out only when it
 * ends where the clip did (`last`).
 */
export function partOf(clip: Clip, place: Pick<Clip, 'id' | 'start' | 'length' | 'offset'>, first: boolean, last: boolean): Clip {
  if (clip.kind === 'notes') return { ...clip, ...place };
  return { ...clip, ...place, fadeIn: first ? clip.fadeIn : 0, fadeOut: last ? clip.fadeOut : 0 };
}

/**
 * The position in what the clip plays that sounds `deltaBeats` after the clip's start: seconds in
 * the clip's own — possibly reversed — source, or beats in its pattern. Offsets refer to the
 * reversed source when `reverse` is on (docs/project-format.md), so the same formula holds for
 * reversed clips. A looped clip whose content length is known wraps within its loop
 * [offset, length); without the length the position is not wrapped.
 */
export function offsetAfter(project: ClipContext, clip: Clip, deltaBeats: number, options: SourceDurationOptions): number {
  const delta = beatsToOffsetSpan(project, clip, deltaBeats);
  const duration = contentLength(project, clip, options);
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
export function patchClip<C extends Clip>(clip: C, patch: Partial<Omit<C, 'id' | 'kind'>>): C {
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

/** `mapSelectedClips` over the selected audio clips only: note clips stay as they are. */
export function mapSelectedAudioClips(project: Project, selection: ClipSelection, update: (clip: AudioClip, where: ResolvedClip) => AudioClip): Project {
  return mapSelectedClips(project, selection, (clip, where) => (clip.kind === 'audio' ? update(clip, where) : clip));
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
