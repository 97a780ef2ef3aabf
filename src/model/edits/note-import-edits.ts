/**
 * Adds a song of notes made elsewhere (a MIDI file: src/protocol/midi-import.ts) as instrument
 * tracks, one note clip each from `at` (beats), with its own pattern. A pattern holds at most
 * `maxPatternBeats`, so a longer song is cut into clips of whole bars of that size at most, each
 * with its own pattern; notes go to the piece they start in (a note may sound past its piece's
 * end, as it would in one pattern).
 *
 * The song's tempo and meter maps replace the project's only when the project has no clips yet
 * and the song goes at beat 0: a map dropped into a song in progress would move everything
 * already there.
 */
import { createTrack } from '../new-track';
import { maxPatternBeats, type Note, type NoteClip, type Pattern } from '../note-schema';
import type { Project, Track } from '../project-schema';
import type { MeterChange, TempoChange } from '../timing-schema';
import { createInstrument } from '../new-instrument';
import { clipIdsOf, idAllocator, mixerIdsOf } from './ids';

export interface ImportedNoteTrack {
  readonly name: string;
  readonly instrument: 'synth' | 'drums';
  /** Sorted by start, then pitch; starts in beats from the song's start. */
  readonly notes: readonly Note[];
}

export interface ImportedSong {
  readonly tempo: number;
  readonly timeSignature: Project['timeSignature'];
  readonly tempoChanges: readonly TempoChange[];
  readonly meterChanges: readonly MeterChange[];
  /** Beats, a whole number of bars: every track's clip spans it. */
  readonly length: number;
  readonly tracks: readonly ImportedNoteTrack[];
}

export interface ImportedSongResult {
  readonly project: Project;
  readonly trackIds: readonly string[];
  /** Whether the song's tempo and meter maps became the project's. */
  readonly tempoApplied: boolean;
}

export function addImportedSong(project: Project, song: ImportedSong, at: number): ImportedSongResult {
  const tempoApplied = at === 0 && project.tracks.every((track) => track.clips.length === 0);
  // Instruments share the mixer's id space.
  const taken = [...mixerIdsOf(project), ...project.tracks.flatMap((track) => (track.instrument ? [track.instrument.id] : []))];
  const newMixerId = idAllocator('t', taken);
  const newInstrumentId = idAllocator('i', taken);
  const newClipId = idAllocator('c', clipIdsOf(project));
  const newPatternId = idAllocator('p', Object.keys(project.patterns));
  const meter = tempoApplied ? song.timeSignature : project.timeSignature;
  const barBeats = (meter[0] * 4) / meter[1];
  const pieceBeats = Math.max(barBeats, Math.floor(maxPatternBeats / barBeats) * barBeats);
  const patterns: Record<string, Pattern> = { ...project.patterns };
  const tracks: Track[] = song.tracks.map((imported, t) => {
    const track = createTrack(newMixerId(), imported.name.slice(0, 200), project.tracks.length + t);
    const clips: NoteClip[] = [];
    for (let from = 0; from < song.length; from += pieceBeats) {
      const length = Math.min(pieceBeats, song.length - from);
      const notes = imported.notes.filter((n) => n.start >= from && n.start < from + length).map((n) => ({ ...n, start: n.start - from }));
      if (notes.length === 0) continue;
      const patternId = newPatternId();
      patterns[patternId] = { name: imported.name.slice(0, 200), length, notes };
      clips.push({ kind: 'notes', id: newClipId(), name: imported.name.slice(0, 200), pattern: patternId, start: at + from, length, offset: 0, loop: false, mute: false });
    }
    return { ...track, instrument: createInstrument(imported.instrument, newInstrumentId()), clips };
  });
  const timing = tempoApplied
    ? { tempo: song.tempo, timeSignature: song.timeSignature, tempoChanges: [...song.tempoChanges], meterChanges: [...song.meterChanges] }
    : {};
  return {
    project: { ...project, ...timing, patterns, tracks: [...project.tracks, ...tracks] },
    trackIds: tracks.map((track) => track.id),
    tempoApplied,
  };
}
