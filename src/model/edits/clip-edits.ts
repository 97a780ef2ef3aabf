/**
 * Pure edits of clips: each takes a document and returns a new one, never mutating, and returns
 * the very same document when nothing would change (a stale ref, a zero move, an equal value), so
 * `applyEdit` records no step. Untouched tracks and clips keep their identity.
 *
 * Bad input is clamped, never stored: no clip starts before beat 0, none gets shorter than
 * `minClipLengthBeats` (or a non-positive length), no offset goes negative, gains and rates stay in
 * the format's ranges, and non-finite numbers make the edit a no-op.
 *
 * Time: `start`/`length` are timeline beats; an audio clip's `offset` and fades are seconds of
 * source time, and a timeline span of Δ beats covers Δ × 60 / tempo × rate seconds of source; a
 * note clip's `offset` is beats of its pattern. Note clips move, trim, split, loop, duplicate and
 * paste like audio clips; fades, gain, reverse and rate are audio settings and leave them alone. Offsets of reversed clips
 * are positions in the reversed source (docs/project-format.md), so trimming or splitting a
 * reversed clip moves its offset by the same formula as a forward clip. See README.md here.
 */
import { createTrack } from '../new-track';
import type { AudioClip, Clip, Pattern, Project, Source } from '../project-schema';
import {
  beatsToOffsetSpan,
  beatsToSourceSeconds,
  clamp,
  contentLength,
  isFiniteNumber,
  lengthBetween,
  mapSelectedAudioClips,
  mapSelectedClips,
  maxGainDb,
  maxNameLength,
  maxRate,
  minClipLengthBeats,
  minGainDb,
  minRate,
  offsetAfter,
  offsetSpanToBeats,
  partOf,
  patchClip,
  sourceDuration,
  type SourceDurationOptions,
} from './clip-math';
import { snapToGrid, type SnapSetting } from '../snap';
import { clipIdsOf, idAllocator } from './ids';
import { canHold } from './clip-kinds';
import { clipRef, resolveClip, resolveSelection, selectionBounds, type ClipRef, type ClipSelection } from './selection';

/** An edit's document plus the clips it created (to select them next). */
export interface CreatedClips {
  readonly project: Project;
  readonly created: ClipRef[];
}

// ---------------------------------------------------------------------------------------------
// Move

/**
 * Moves the selected clips by `deltaBeats` along the timeline and `deltaTracks` tracks down
 * (negative: up). The group is clamped as a whole, so clips keep their relative positions: its
 * earliest clip stops at beat 0, its top and bottom tracks stop at the first and last track.
 * `deltaTracks` is truncated to a whole number. Clips moved to another track are appended to it.
 * A move that would put a clip on a track that cannot hold it (notes on an audio track, audio on
 * an instrument track) stays on its tracks and moves in time only.
 */
export function moveClips(project: Project, selection: ClipSelection, deltaBeats: number, deltaTracks = 0): Project {
  if (!isFiniteNumber(deltaBeats) || !isFiniteNumber(deltaTracks)) return project;
  const clips = resolveSelection(project, selection);
  const bounds = selectionBounds(clips);
  if (!bounds) return project;
  const db = Math.max(deltaBeats, -bounds.start);
  const clampedTracks = clamp(Math.trunc(deltaTracks), -bounds.firstTrack, project.tracks.length - 1 - bounds.lastTrack);
  const fits = clips.every(({ clip, trackIndex }) => {
    const target = project.tracks[trackIndex + clampedTracks];
    return target !== undefined && canHold(target, clip);
  });
  const dt = fits ? clampedTracks : 0;
  const shift = (clip: Clip): Clip => patchClip(clip, { start: Math.max(0, clip.start + db) });
  if (dt === 0) return db === 0 ? project : mapSelectedClips(project, selection, shift);

  const leaving = new Set(clips.map((c) => c.clip.id));
  const arriving = project.tracks.map((): Clip[] => []);
  for (const { clip, trackIndex } of clips) arriving[trackIndex + dt]?.push(shift(clip));
  return {
    ...project,
    tracks: project.tracks.map((track, t) => {
      const incoming = arriving[t] ?? [];
      const kept = track.clips.filter((clip) => !leaving.has(clip.id));
      if (kept.length === track.clips.length && incoming.length === 0) return track;
      return { ...track, clips: [...kept, ...incoming] };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Trim

/**
 * The clip with its start edge at `newStart`, its end edge fixed, and `offset` moved so that the
 * audio under the clip stays where it was. Clamped: not before beat 0, not so far left that the
 * offset would go negative, not past `end − minClipLengthBeats`. Looped clips with a known source
 * duration take the loop phase (see `offsetAfter`).
 */
function trimStart(project: Project, clip: Clip, newStart: number, options: SourceDurationOptions): Clip {
  if (!isFiniteNumber(newStart)) return clip;
  const end = clip.start + clip.length;
  const earliest = Math.max(0, clip.start + offsetSpanToBeats(project, clip, -clip.offset));
  const latest = Math.max(clip.start, end - minClipLengthBeats);
  const start = clamp(newStart, Math.min(earliest, clip.start), latest);
  if (start === clip.start) return clip;
  const delta = start - clip.start;
  const offset = delta > 0 ? offsetAfter(project, clip, delta, options) : Math.max(0, clip.offset + beatsToOffsetSpan(project, clip, delta));
  return patchClip<Clip>(clip, { start, length: lengthBetween(start, end), offset });
}

/**
 * The clip with its end edge at `newEnd` (start and offset fixed). Not shorter than
 * `minClipLengthBeats`; a clip that does not loop is not lengthened past the end of its source
 * when the source's duration is known, nor past the end of its pattern (it may already be longer;
 * then it is not shortened).
 */
function trimEnd(project: Project, clip: Clip, newEnd: number, options: SourceDurationOptions): Clip {
  if (!isFiniteNumber(newEnd)) return clip;
  const duration = contentLength(project, clip, options);
  const sourceLength = !clip.loop && duration !== undefined ? offsetSpanToBeats(project, clip, Math.max(0, duration - clip.offset)) : Infinity;
  const length = clamp(newEnd - clip.start, Math.min(minClipLengthBeats, clip.length), Math.max(clip.length, sourceLength));
  return patchClip<Clip>(clip, { length });
}

/** Drags a clip's start edge to `newStartBeats` (non-destructive: the offset follows). */
export function trimClipStart(project: Project, ref: ClipRef, newStartBeats: number, options: SourceDurationOptions = {}): Project {
  return mapSelectedClips(project, [ref], (clip) => trimStart(project, clip, newStartBeats, options));
}

/** Drags a clip's end edge to `newEndBeats`. */
export function trimClipEnd(project: Project, ref: ClipRef, newEndBeats: number, options: SourceDurationOptions = {}): Project {
  return mapSelectedClips(project, [ref], (clip) => trimEnd(project, clip, newEndBeats, options));
}

/** Moves the start edge of every selected clip by `deltaBeats`, each clamped on its own. */
export function trimClipsStart(project: Project, selection: ClipSelection, deltaBeats: number, options: SourceDurationOptions = {}): Project {
  if (!isFiniteNumber(deltaBeats) || deltaBeats === 0) return project;
  return mapSelectedClips(project, selection, (clip) => trimStart(project, clip, clip.start + deltaBeats, options));
}

/** Moves the end edge of every selected clip by `deltaBeats`, each clamped on its own. */
export function trimClipsEnd(project: Project, selection: ClipSelection, deltaBeats: number, options: SourceDurationOptions = {}): Project {
  if (!isFiniteNumber(deltaBeats) || deltaBeats === 0) return project;
  return mapSelectedClips(project, selection, (clip) => trimEnd(project, clip, clip.start + clip.length + deltaBeats, options));
}

// ---------------------------------------------------------------------------------------------
// Split, duplicate, delete

/**
 * Splits every selected clip that spans `atBeats` (with at least `minClipLengthBeats` on both
 * sides) into two that touch exactly. The first keeps the id, the start and the fade-in (its
 * fade-out becomes 0); the second gets a new id, starts at `atBeats`, keeps the fade-out (its
 * fade-in becomes 0) and its offset is the position that sounded there: advanced by the first
 * part's span (in source seconds, or pattern beats), and for looped clips wrapped into the loop
 * when the source duration (or the pattern) is known. The parts of a note clip share its pattern. Other settings are copied. The second clip follows the first in the track.
 */
export function splitClipsWithResult(project: Project, selection: ClipSelection, atBeats: number, options: SourceDurationOptions = {}): CreatedClips {
  const none = { project, created: [] };
  if (!isFiniteNumber(atBeats)) return none;
  const targets = resolveSelection(project, selection).filter(
    ({ clip }) => atBeats - clip.start >= minClipLengthBeats && clip.start + clip.length - atBeats >= minClipLengthBeats,
  );
  if (targets.length === 0) return none;
  const newId = idAllocator('c', clipIdsOf(project));
  const splitting = new Map(targets.map((t) => [t.clip.id, t]));
  const created: ClipRef[] = [];
  const tracks = project.tracks.map((track) => {
    if (!track.clips.some((clip) => splitting.has(clip.id))) return track;
    return {
      ...track,
      clips: track.clips.flatMap((clip) => {
        if (!splitting.has(clip.id)) return [clip];
        const end = clip.start + clip.length;
        const first = partOf(clip, { id: clip.id, start: clip.start, length: lengthBetween(clip.start, atBeats), offset: clip.offset }, true, false);
        const place = { id: newId(), start: atBeats, length: lengthBetween(atBeats, end), offset: offsetAfter(project, clip, atBeats - clip.start, options) };
        const second = partOf(clip, place, false, true);
        created.push(clipRef(track, second));
        return [first, second];
      }),
    };
  });
  return { project: { ...project, tracks }, created };
}

export function splitClips(project: Project, selection: ClipSelection, atBeats: number, options: SourceDurationOptions = {}): Project {
  return splitClipsWithResult(project, selection, atBeats, options).project;
}

/**
 * Copies of the selected clips placed after the selection, as DAWs duplicate: the group's copy
 * starts on the first line of the song's grid (`snap`) at or after the selection's end, so a
 * one-shot shorter than a beat is copied onto the next beat and four bars land on bar 5.
 * Without a grid ('off') the copy starts right at the end. Copies keep their relative positions,
 * stay on their tracks, get new ids and are appended to their tracks. A copy of a note clip is a
 * linked copy: it plays the same pattern (`makeClipsUnique` breaks it off).
 */
export function duplicateClipsWithResult(project: Project, selection: ClipSelection, snap: SnapSetting = 'off'): CreatedClips {
  const clips = resolveSelection(project, selection);
  const bounds = selectionBounds(clips);
  if (!bounds) return { project, created: [] };
  const span = snapToGrid(bounds.end, snap, project, 'ceil') - bounds.start;
  const newId = idAllocator('c', clipIdsOf(project));
  const copies = new Map<number, Clip[]>();
  const created: ClipRef[] = [];
  for (const { clip, track, trackIndex } of clips) {
    const copy: Clip = { ...clip, id: newId(), start: clip.start + span };
    created.push(clipRef(track, copy));
    const list = copies.get(trackIndex) ?? [];
    list.push(copy);
    copies.set(trackIndex, list);
  }
  return {
    project: {
      ...project,
      tracks: project.tracks.map((track, t) => {
        const added = copies.get(t);
        return added ? { ...track, clips: [...track.clips, ...added] } : track;
      }),
    },
    created,
  };
}

export function duplicateClips(project: Project, selection: ClipSelection, snap: SnapSetting = 'off'): Project {
  return duplicateClipsWithResult(project, selection, snap).project;
}

/** Removes the selected clips. Their sources stay (unused sources are allowed). */
export function deleteClips(project: Project, selection: ClipSelection): Project {
  const doomed = new Set(resolveSelection(project, selection).map((c) => c.clip.id));
  if (doomed.size === 0) return project;
  return {
    ...project,
    tracks: project.tracks.map((track) =>
      track.clips.some((clip) => doomed.has(clip.id)) ? { ...track, clips: track.clips.filter((clip) => !doomed.has(clip.id)) } : track,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Copy and paste

/**
 * Clips on the clipboard, positioned relative to the copied group: `row` counts tracks down from
 * the group's top track, `clip.start` is beats after the group's earliest start. The sources and
 * patterns the clips use travel along, so a clipboard pastes into another project too.
 */
export interface Clipboard {
  readonly clips: readonly { readonly row: number; readonly clip: Clip }[];
  readonly sources: Readonly<Record<string, Source>>;
  readonly patterns: Readonly<Record<string, Pattern>>;
}

export const emptyClipboard: Clipboard = { clips: [], sources: {}, patterns: {} };

export function copyClips(project: Project, selection: ClipSelection): Clipboard {
  const clips = resolveSelection(project, selection);
  const bounds = selectionBounds(clips);
  if (!bounds) return emptyClipboard;
  const sources: Record<string, Source> = {};
  const patterns: Record<string, Pattern> = {};
  for (const { clip } of clips) {
    if (clip.kind === 'audio') {
      const source = project.sources[clip.source];
      if (source) sources[clip.source] = source;
    } else {
      const pattern = project.patterns[clip.pattern];
      if (pattern) patterns[clip.pattern] = pattern;
    }
  }
  return {
    clips: clips.map(({ clip, trackIndex }) => ({ row: trackIndex - bounds.firstTrack, clip: { ...clip, start: clip.start - bounds.start } })),
    sources,
    patterns,
  };
}

/**
 * Pastes the clipboard with its earliest clip at `atBeats` (clamped to ≥ 0) and its top row on
 * `trackId`; lower rows go to the following tracks, and new tracks are added at the bottom when
 * the rows run past the last one. Every clip gets a new id. A clipboard source is reused when the
 * project has a source with the same path, otherwise added with its hash (under its own id when
 * free). A pattern is reused when the project holds the very same notes under its id (a linked
 * copy), otherwise added (under its own id when free). Clips keep their name and mute. A clip whose
 * row lands on a track that cannot hold it (notes on an audio track, audio on an instrument track)
 * is left out; new tracks at the bottom are audio tracks. A missing `trackId` or an empty
 * clipboard changes nothing.
 */
export function pasteClipsWithResult(project: Project, clipboard: Clipboard, atBeats: number, trackId: string): CreatedClips {
  const none = { project, created: [] };
  const top = project.tracks.findIndex((t) => t.id === trackId);
  if (top < 0 || clipboard.clips.length === 0 || !isFiniteNumber(atBeats)) return none;
  const at = Math.max(0, atBeats);

  const sources = { ...project.sources };
  const newSourceId = idAllocator('s', Object.keys(sources));
  const sourceIds = new Map<string, string>();
  const sourceFor = (id: string): string | undefined => {
    const known = sourceIds.get(id);
    if (known !== undefined) return known;
    const source = Object.hasOwn(clipboard.sources, id) ? clipboard.sources[id] : undefined;
    if (source === undefined) return undefined;
    const { path } = source;
    const existing = Object.hasOwn(sources, id) && sources[id]?.path === path ? id : Object.entries(sources).find(([, s]) => s.path === path)?.[0];
    const mapped = existing ?? (Object.hasOwn(sources, id) || id === '__proto__' ? newSourceId() : id);
    if (existing === undefined) sources[mapped] = source;
    sourceIds.set(id, mapped);
    return mapped;
  };

  const patterns = { ...project.patterns };
  const newPatternId = idAllocator('p', Object.keys(patterns));
  const patternIds = new Map<string, string>();
  const patternFor = (id: string): string | undefined => {
    const known = patternIds.get(id);
    if (known !== undefined) return known;
    const pattern = Object.hasOwn(clipboard.patterns, id) ? clipboard.patterns[id] : undefined;
    if (pattern === undefined) return undefined;
    const same = Object.hasOwn(patterns, id) && JSON.stringify(patterns[id]) === JSON.stringify(pattern);
    const mapped = same ? id : Object.hasOwn(patterns, id) || id === '__proto__' ? newPatternId() : id;
    if (!same) patterns[mapped] = pattern;
    patternIds.set(id, mapped);
    return mapped;
  };
  const placed = (clip: Clip, id: string, start: number): Clip | undefined => {
    if (clip.kind === 'notes') {
      const pattern = patternFor(clip.pattern);
      return pattern === undefined ? undefined : { ...clip, id, pattern, start };
    }
    const source = sourceFor(clip.source);
    return source === undefined ? undefined : { ...clip, id, source, start };
  };

  const tracks = [...project.tracks];
  const newTrackId = idAllocator('t', tracks.map((t) => t.id));
  const newClipId = idAllocator('c', clipIdsOf(project));
  const pasted = new Map<number, Clip[]>();
  const created: ClipRef[] = [];
  for (const { row, clip } of clipboard.clips) {
    if (!isFiniteNumber(row) || !isFiniteNumber(clip.start)) continue;
    const index = top + Math.max(0, Math.trunc(row));
    const existing = tracks[index];
    if (existing ? !canHold(existing, clip) : clip.kind === 'notes') continue;
    const copy = placed(clip, newClipId(), Math.max(0, at + Math.max(0, clip.start)));
    if (copy === undefined) continue;
    while (tracks.length <= index) {
      tracks.push(createTrack(newTrackId(), `Track ${tracks.length + 1}`, tracks.length));
    }
    const track = tracks[index];
    if (track) created.push(clipRef(track, copy));
    const list = pasted.get(index) ?? [];
    list.push(copy);
    pasted.set(index, list);
  }
  if (created.length === 0) return none;
  return {
    project: {
      ...project,
      sources,
      patterns,
      tracks: tracks.map((track, t) => {
        const added = pasted.get(t);
        return added ? { ...track, clips: [...track.clips, ...added] } : track;
      }),
    },
    created,
  };
}

export function pasteClips(project: Project, clipboard: Clipboard, atBeats: number, trackId: string): Project {
  return pasteClipsWithResult(project, clipboard, atBeats, trackId).project;
}

// ---------------------------------------------------------------------------------------------
// Clip settings

/** How many seconds of source time the clip lasts on the timeline. */
function clipSourceSeconds(project: Project, clip: AudioClip): number {
  return beatsToSourceSeconds(project, clip, clip.length);
}

/**
 * Sets fade lengths (seconds of source time) of the selected clips; an omitted fade is kept. Each
 * fade is clamped to [0, the clip's own span in source seconds]; the two may overlap (their gains
 * multiply, docs/project-format.md).
 */
export function setClipFades(project: Project, selection: ClipSelection, fades: { readonly fadeIn?: number; readonly fadeOut?: number }): Project {
  const { fadeIn, fadeOut } = fades;
  const useIn = isFiniteNumber(fadeIn);
  const useOut = isFiniteNumber(fadeOut);
  if (!useIn && !useOut) return project;
  return mapSelectedAudioClips(project, selection, (clip) => {
    const span = clipSourceSeconds(project, clip);
    return patchClip(clip, {
      ...(useIn ? { fadeIn: clamp(fadeIn, 0, span) } : {}),
      ...(useOut ? { fadeOut: clamp(fadeOut, 0, span) } : {}),
    });
  });
}

/** Sets the clip gain of the selected clips, clamped to −144…+24 dB. */
export function setClipGain(project: Project, selection: ClipSelection, gainDb: number): Project {
  if (!isFiniteNumber(gainDb)) return project;
  const gain = clamp(gainDb, minGainDb, maxGainDb);
  return mapSelectedAudioClips(project, selection, (clip) => patchClip(clip, { gainDb: gain }));
}

/**
 * Reverses the selected clips, or un-reverses them when every one is reversed already. When the
 * source's duration is known, the offset is mirrored so the clip plays the same stretch of audio
 * the other way round: new offset = max(0, duration − offset − span), span being the clip's
 * length in source seconds (capped at what is left of the source). For a looped clip that wraps,
 * that mirrors the first pass only (a loop always runs to the end of its, now reversed, source).
 * Without the duration the offset is kept. Fades stay at the clip's edges.
 */
export function toggleClipReverse(project: Project, selection: ClipSelection, options: SourceDurationOptions = {}): Project {
  const clips = resolveSelection(project, selection).flatMap(({ clip }) => (clip.kind === 'audio' ? [clip] : []));
  if (clips.length === 0) return project;
  const reverse = !clips.every((clip) => clip.reverse);
  return mapSelectedAudioClips(project, selection, (clip) => {
    if (clip.reverse === reverse) return clip;
    const duration = sourceDuration(options, clip.source);
    if (duration === undefined) return patchClip(clip, { reverse });
    const span = Math.min(clipSourceSeconds(project, clip), Math.max(0, duration - clip.offset));
    return patchClip(clip, { reverse, offset: Math.max(0, duration - clip.offset - span) });
  });
}

/** Turns looping on or off for the selected clips (length and offset unchanged). */
export function setClipLoop(project: Project, selection: ClipSelection, loop: boolean): Project {
  return mapSelectedClips(project, selection, (clip) => patchClip<Clip>(clip, { loop }));
}

/** Mutes (true) or unmutes (false) the selected clips: a muted clip stays in place, silent. */
export function setClipMute(project: Project, selection: ClipSelection, mute: boolean): Project {
  return mapSelectedClips(project, selection, (clip) => patchClip<Clip>(clip, { mute }));
}

/** Names the selected clips (cut to the format's 200 characters); "" shows the source file's name again. */
export function renameClips(project: Project, selection: ClipSelection, name: string): Project {
  const cut = name.slice(0, maxNameLength);
  return mapSelectedClips(project, selection, (clip) => patchClip<Clip>(clip, { name: cut }));
}

/**
 * Drags a clip's loop handle: sets its length to `newLengthBeats` (at least `minClipLengthBeats`)
 * and turns looping on, so the source repeats to fill it.
 */
export function extendLoop(project: Project, ref: ClipRef, newLengthBeats: number): Project {
  if (!isFiniteNumber(newLengthBeats)) return project;
  const found = resolveClip(project, ref);
  if (!found) return project;
  const length = Math.max(Math.min(minClipLengthBeats, found.clip.length), newLengthBeats);
  return mapSelectedClips(project, [ref], (clip) => patchClip<Clip>(clip, { loop: true, length }));
}

/**
 * Sets the varispeed rate of the selected clips, clamped to 0.125…8. By default clips keep their
 * length in beats (they play more or less of the source); with `keepSourceSpan` the length scales
 * by old rate / new rate so the same stretch of source plays, faster or slower.
 */
export function setClipRate(project: Project, selection: ClipSelection, rate: number, options: { readonly keepSourceSpan?: boolean } = {}): Project {
  if (!isFiniteNumber(rate)) return project;
  const next = clamp(rate, minRate, maxRate);
  return mapSelectedAudioClips(project, selection, (clip) => {
    if (clip.rate === next || clip.warp) return clip;
    const length = options.keepSourceSpan ? Math.max(Number.MIN_VALUE, (clip.length * clip.rate) / next) : clip.length;
    return patchClip(clip, { rate: next, length });
  });
}
