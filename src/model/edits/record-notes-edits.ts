/**
 * Writes a take of played notes into an instrument track. The notes go into the note clip that
 * holds the take's start (into its pattern, so linked copies hear them too; a looped clip's notes
 * fold onto its pattern), or a new clip over the take's region when none does. The region is the
 * loop range when recording looped, else from the take's start to the bar line after its last
 * note. `overdub` adds to what is there; `replace` first clears the region's notes. Input quantize
 * pulls each start onto the nearest line of a straight grid counted from the region's start.
 */
import { nearestLine } from '../beats/quantize';
import { maxPatternBeats, type Note, type NoteClip, type Pattern } from '../note-schema';
import type { Project, Track } from '../project-schema';
import { clipIdsOf, idAllocator } from './ids';

export type RecordMode = 'overdub' | 'replace';

export interface PlayedNote {
  readonly pitch: number;
  /** Timeline beats. */
  readonly start: number;
  readonly length: number;
  readonly velocity: number;
}

export interface RecordOptions {
  /** Where the take began (timeline beats). */
  readonly start: number;
  /** The loop range recorded into, or null. */
  readonly range: { readonly start: number; readonly end: number } | null;
  /** Grid in beats, or null for none. */
  readonly quantize: number | null;
  readonly mode: RecordMode;
}

export function recordNotes(project: Project, trackId: string, played: readonly PlayedNote[], options: RecordOptions): Project {
  const track = project.tracks.find((t) => t.id === trackId);
  if (!track?.instrument || played.length === 0) return project;
  const region = regionOf(project, played, options);
  const notes = played.map((note) => ({
    ...note,
    start: options.quantize ? region.start + nearestLine(note.start - region.start, options.quantize, 50, region.end - region.start) : note.start,
  }));
  const holder = track.clips.find((c): c is NoteClip => c.kind === 'notes' && c.start <= region.start + 1e-9 && region.start < c.start + c.length);
  return holder ? intoClip(project, track, holder, notes, region, options.mode) : newClip(project, track, notes, region);
}

function regionOf(project: Project, notes: readonly PlayedNote[], options: RecordOptions): { start: number; end: number } {
  if (options.range) return { ...options.range };
  const bar = (project.timeSignature[0] * 4) / project.timeSignature[1];
  const last = Math.max(...notes.map((n) => n.start + n.length));
  const bars = Math.max(1, Math.ceil((last - options.start) / bar - 1e-9));
  return { start: options.start, end: options.start + Math.min(bars * bar, maxPatternBeats) };
}

function newClip(project: Project, track: Track, notes: readonly PlayedNote[], region: { start: number; end: number }): Project {
  const patternId = idAllocator('p', Object.keys(project.patterns))();
  const length = region.end - region.start;
  const pattern: Pattern = { name: track.name, length, notes: toPattern(notes, (beat) => beat - region.start, length) };
  const clip: NoteClip = { kind: 'notes', id: idAllocator('c', clipIdsOf(project))(), name: track.name, pattern: patternId, start: region.start, length, offset: 0, loop: false, mute: false };
  return {
    ...project,
    patterns: { ...project.patterns, [patternId]: pattern },
    tracks: project.tracks.map((t) => (t.id === track.id ? { ...t, clips: [...t.clips, clip] } : t)),
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
