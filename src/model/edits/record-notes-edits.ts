/**
 * Writes a take of played notes into an instrument track. The notes go into the note clip that
 * holds the take's start (into its pattern, so linked copies hear them too; a looped clip's notes
 * fold onto its pattern), or a new clip over the take's region when none does; over a take group
 * they are one more take of it. A looped recording makes each pass a note take (`addNoteTakes`).
 * The region is the loop range when recording looped, else the punch range while punching, else
 * from the take's start to the bar line after its last note. While punching only notes starting
 * in the punch range are kept. `overdub` adds to what is there; `replace` first clears the
 * region's notes. Input quantize pulls each start onto the nearest line of a straight grid
 * counted from the region's start.
 */
import { nearestLine } from '../beats/quantize';
import { maxPatternBeats, type Note, type NoteClip, type Pattern } from '../note-schema';
import type { Project, Track } from '../project-schema';
import { clipIdsOf, idAllocator } from './ids';
import { stackTakes, type PassSpan } from './take-edits';
import { maxOf } from '../../std/extremes';

export type RecordMode = 'overdub' | 'replace';

export interface PlayedNote {
  readonly pitch: number;
  /** Timeline beats. */
  readonly start: number;
  readonly length: number;
  readonly velocity: number;
}

export interface BeatRange {
  readonly start: number;
  readonly end: number;
}

export interface TakeOptions {
  /** Grid in beats, or null for none. */
  readonly quantize: number | null;
  /** The punch range while punching (timeline beats), or null. */
  readonly punch: BeatRange | null;
}

export interface RecordOptions extends TakeOptions {
  /** Where the take began (timeline beats). */
  readonly start: number;
  /** The loop range recorded into, or null. */
  readonly range: BeatRange | null;
  readonly mode: RecordMode;
}

export function recordNotes(project: Project, trackId: string, played: readonly PlayedNote[], options: RecordOptions): Project {
  const track = project.tracks.find((t) => t.id === trackId);
  const kept = punched(played, options.punch);
  if (!track?.instrument || kept.length === 0) return project;
  const region = regionOf(project, kept, options);
  const notes = quantized(kept, region, options.quantize);
  // Over a take group, the take is one more take of the group (as a looped recording's passes are).
  if (track.clips.some((c) => c.take !== undefined && c.start < region.end && region.start < c.start + c.length)) {
    return addNoteTakes(project, trackId, [{ start: region.start, length: region.end - region.start, notes }], { quantize: null, punch: null });
  }
  const holder = track.clips.find((c): c is NoteClip => c.kind === 'notes' && c.start <= region.start + 1e-9 && region.start < c.start + c.length);
  return holder ? intoClip(project, track, holder, notes, region, options.mode) : newClip(project, track, notes, region).project;
}

/** One pass of a looped recording of notes: where it lies and the notes played in it (timeline beats). */
export interface NotePass extends PassSpan {
  readonly notes: readonly PlayedNote[];
}

/**
 * The passes of a looped recording of notes as note takes on the instrument track, stacked as
 * audio takes are (`stackTakes`: a new group or the one under them, the newest whole pass
 * playing): each pass with a note is a note clip over the pass (its part in the punch range while
 * punching) with a pattern of its own; a pass without a note there is left out.
 */
export function addNoteTakes(project: Project, trackId: string, passes: readonly NotePass[], options: TakeOptions): Project {
  const track = project.tracks.find((t) => t.id === trackId);
  if (!track?.instrument) return project;
  const spans = passes.flatMap((pass) => {
    const start = Math.max(pass.start, options.punch?.start ?? pass.start);
    const end = Math.min(pass.start + pass.length, options.punch?.end ?? Infinity);
    const region = { start, end };
    const notes = quantized(punched(pass.notes, options.punch), region, options.quantize);
    return end > start && notes.length > 0 ? [{ start, length: end - start, region, notes }] : [];
  });
  return stackTakes(project, trackId, spans, (before, pass) => {
    const added = newClip(before, track, pass.notes, pass.region);
    return { project: added.project, created: { trackId, clipId: added.clip.id } };
  }).project;
}

/** The notes that start in the punch range (all of them when there is none): those a recording keeps. */
export function punched(played: readonly PlayedNote[], punch: BeatRange | null): readonly PlayedNote[] {
  return punch ? played.filter((note) => note.start >= punch.start - 1e-9 && note.start < punch.end - 1e-9) : played;
}

/** Input quantize: each start pulled onto the nearest line of a `grid` (beats; null = none) counted from the region's start. */
export function quantized(played: readonly PlayedNote[], region: { readonly start: number; readonly end: number }, grid: number | null): PlayedNote[] {
  return played.map((note) => ({ ...note, start: grid ? region.start + nearestLine(note.start - region.start, grid, 50, region.end - region.start) : note.start }));
}

function regionOf(project: Project, notes: readonly PlayedNote[], options: RecordOptions): { start: number; end: number } {
  const given = options.range ?? options.punch;
  if (given) return { start: given.start, end: given.end };
  const bar = (project.timeSignature[0] * 4) / project.timeSignature[1];
  const last = maxOf(notes.map((n) => n.start + n.length));
  const bars = Math.max(1, Math.ceil((last - options.start) / bar - 1e-9));
  return { start: options.start, end: options.start + Math.min(bars * bar, maxPatternBeats) };
}

/** A new note clip over `region` on the track, with a pattern of its own holding `notes` (timeline beats; those outside are left out). */
function newClip(project: Project, track: Track, notes: readonly PlayedNote[], region: { readonly start: number; readonly end: number }): { project: Project; clip: NoteClip } {
  const patternId = idAllocator('p', Object.keys(project.patterns))();
  const length = region.end - region.start;
  const pattern: Pattern = { name: track.name, length, notes: toPattern(notes, (beat) => beat - region.start, length) };
  const clip: NoteClip = { kind: 'notes', id: idAllocator('c', clipIdsOf(project))(), name: track.name, pattern: patternId, start: region.start, length, offset: 0, loop: false, mute: false };
  return {
    project: {
      ...project,
      patterns: { ...project.patterns, [patternId]: pattern },
      tracks: project.tracks.map((t) => (t.id === track.id ? { ...t, clips: [...t.clips, clip] } : t)),
    },
    clip,
  };
}

function intoClip(project: Project, track: Track, clip: NoteClip, notes: readonly PlayedNote[], region: { start: number; end: number }, mode: RecordMode): Project {
  const pattern = project.patterns[clip.pattern];
  if (!pattern) return project;
  // A clip that does not loop grows to hold the region; its pattern with it.
  const clipLength = clip.loop ? clip.length : Math.max(clip.length, region.end - clip.start);
  const length = clip.loop ? pattern.length : Math.min(maxPatternBeats, Math.max(pattern.length, clip.offset + clipLength));
  const at = (beat: number) => {
    const position = clip.offset + beat - clip.start;
    return clip.loop ? ((position % pattern.length) + pattern.length) % pattern.length : position;
  };
  const from = at(region.start);
  const span = region.end - region.start;
  const cleared = (note: Note) => {
    const after = clip.loop ? (((note.start - from) % pattern.length) + pattern.length) % pattern.length : note.start - from;
    return after > -1e-9 && after < span - 1e-9;
  };
  const kept = mode === 'replace' ? pattern.notes.filter((note) => !cleared(note)) : pattern.notes;
  const next: Pattern = { ...pattern, length, notes: [...kept, ...toPattern(notes, at, length)].sort((a, b) => a.start - b.start || a.pitch - b.pitch) };
  const grown = clipLength === clip.length ? clip : { ...clip, length: clipLength };
  return {
    ...project,
    patterns: { ...project.patterns, [clip.pattern]: next },
    tracks: grown === clip ? project.tracks : project.tracks.map((t) => (t.id === track.id ? { ...t, clips: t.clips.map((c) => (c.id === clip.id ? grown : c)) } : t)),
  };
}

/** The notes at pattern positions `at(start)`, inside the pattern, sorted. */
function toPattern(notes: readonly PlayedNote[], at: (beat: number) => number, length: number): Note[] {
  return notes
    .map((note) => ({ pitch: note.pitch, start: at(note.start), length: note.length, velocity: Math.min(1, Math.max(1 / 127, note.velocity)) }))
    .filter((note) => note.start >= 0 && note.start < length)
    .sort((a, b) => a.start - b.start || a.pitch - b.pitch);
}
