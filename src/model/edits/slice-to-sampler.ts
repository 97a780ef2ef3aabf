/**
 * Slice to sampler: an audio loop's slices (the pieces of a chopped clip, or one clip cut at its
 * transients) become a new sampler track playing the slices one per key, and a note clip at the
 * audio's place that replays them in order at their timing. Slices that play the same audio (a
 * looped clip going round again) share a key. The sampler plays every slice at the source's own
 * speed, so a varispeed or warped clip's slices keep their onsets but not their stretch.
 */
import type { AudioClip, Project, Track } from '../project-schema';
import type { Note } from '../note-schema';
import { maxPatternBeats } from '../note-schema';
import { withNotes } from '../beats/pattern-shape';
import { sampleName } from '../beats/pad-edits';
import { chopClipAtBeats } from './chop';
import { sourceDuration, type SourceDurationOptions } from './clip-math';
import { addInstrumentTrack } from './instrument-track-edits';
import { resolveClip, resolveSelection, type ClipRef } from './selection';

/** The key of the first slice when the slices fit above it: MIDI 36 (C2 here, where 60 is C4), where drum machines and slicers start. */
export const firstSliceKey = 36;

export type SliceToSamplerResult = { readonly project: Project; readonly trackId: string; readonly clipId: string } | { readonly refused: string };

export const sliceToSamplerLabel = 'Slice to Sampler';

/** The audio clips the slices come from: the selection's audio clips of one source, by start. */
function slicePieces(project: Project, refs: readonly ClipRef[], cutBeats: readonly number[], options: SourceDurationOptions): AudioClip[] | string {
  const found = resolveSelection(project, refs).filter((r) => r.clip.kind === 'audio');
  if (found.length === 0) return 'Select an audio clip to slice to the sampler.';
  const clips = found.map((r) => r.clip as AudioClip);
  if (new Set(clips.map((c) => c.source)).size > 1) return 'The selected clips play different files; select the slices of one loop.';
  if (clips.some((c) => c.reverse)) return 'Reversed clips cannot be sliced to the sampler; turn reverse off first.';
  if (clips.length > 1) return [...clips].sort((a, b) => a.start - b.start);
  const first = found[0]!;
  const chopped = chopClipAtBeats(project, first.ref, cutBeats, options);
  const ids = new Set([first.clip.id, ...chopped.created.map((r) => r.clipId)]);
  const track = resolveClip(chopped.project, first.ref)?.track;
  return (track?.clips ?? []).filter((c): c is AudioClip => ids.has(c.id) && c.kind === 'audio').sort((a, b) => a.start - b.start);
}

/**
 * Adds a sampler track at the bottom whose zone is the clips' source with one slice per distinct
 * slice start (key `firstSliceKey` up, lower if there are too many), and a note clip where the
 * first slice sat, a note per slice at its place and length. `refs` holds either the pieces of a
 * chopped loop, or one clip with `cutBeats` (timeline beats, e.g. its transients) to cut it at.
 * Needs the source's duration (the last slice plays to the file's end, or to its note's end).
 */
export function sliceToSampler(project: Project, refs: readonly ClipRef[], cutBeats: readonly number[], options: SourceDurationOptions): SliceToSamplerResult {
  const pieces = slicePieces(project, refs, cutBeats, options);
  if (typeof pieces === 'string') return { refused: pieces };
  const first = pieces[0];
  const last = pieces.at(-1);
  if (!first || !last) return { refused: 'Select an audio clip to slice to the sampler.' };
  const duration = sourceDuration(options, first.source);
  if (duration === undefined) return { refused: 'The clip’s file is not loaded yet; try again in a moment.' };
  const slices = [...new Set(pieces.map((p) => p.offset).filter((offset) => offset < duration))].sort((a, b) => a - b);
  if (slices.length === 0) return { refused: 'The clip starts past the end of its file, so there is nothing to slice.' };
  if (slices.length > 128) return { refused: `The clip has ${slices.length} slices; the sampler maps at most 128 (one per key). Chop it more coarsely.` };
  const length = last.start + last.length - first.start;
  if (length > maxPatternBeats) return { refused: `The clips span ${Math.round(length)} beats; a note clip holds at most ${maxPatternBeats}.` };
  const rootNote = Math.min(firstSliceKey, 128 - slices.length);
  const notes: Note[] = pieces.flatMap((piece) => {
    const key = slices.indexOf(piece.offset);
    return key < 0 ? [] : [{ pitch: rootNote + key, start: piece.start - first.start, length: piece.length, velocity: 1 }];
  });
  const added = addInstrumentTrack(project, 'sampler');
  const name = `${first.name || sampleName(project.sources[first.source]?.path ?? 'Audio')} slices`;
  const zone = { source: first.source, rootNote, start: 0, end: duration, loopStart: 0, loopEnd: duration, slices };
  const tracks = added.project.tracks.map((track): Track => {
    if (track.id !== added.trackId || track.instrument?.type !== 'sampler') return track;
    const clips = track.clips.map((clip) => (clip.kind === 'notes' ? { ...clip, name, start: first.start, length } : clip));
    return { ...track, name, instrument: { ...track.instrument, zone }, clips };
  });
  const patternId = tracks.find((t) => t.id === added.trackId)?.clips[0];
  const patterns = { ...added.project.patterns };
  if (patternId?.kind === 'notes') patterns[patternId.pattern] = withNotes({ name, length, notes: [] }, notes);
  return { project: { ...added.project, tracks, patterns }, trackId: added.trackId, clipId: added.clipId };
}
