import { readMidiFile, type MidiFile } from '../../../src/codecs/midi';
import { addImportedSong } from '../../../src/model/edits/note-import-edits';
import type { NoteClip } from '../../../src/model/note-schema';
import { midiFileFromWire, midiSongToWire } from '../../../src/protocol/midi';
import { noteClipToMidi, noteTrackToMidi } from '../../../src/protocol/midi-export';
import { songFromMidi } from '../../../src/protocol/midi-import';
import { usePlay } from '../../state/play-store';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { reportError, useSession } from '../../state/session-store';
import { useTimeline } from '../../state/timeline-store';
import { chooseFile } from '../choose-file';

/** Whether a file name is a MIDI file's. */
export const isMidiFileName = (name: string) => /\.midi?$/i.test(name);

/**
 * Adds a MIDI file's tracks to the song at `beat`, one undo step ("Import MIDI File"). An empty
 * song takes the file's tempo and meter; one in progress keeps its own, and the status line says so.
 */
export function importMidi(file: MidiFile, name: string, beat: number): void {
  const { song, notes } = songFromMidi(file, name);
  if (song.tracks.length === 0) {
    useSession.getState().notify('info', `${name} holds no notes; nothing was added.`);
    return;
  }
  const { project, edit } = useProject.getState();
  const { project: next, trackIds, tempoApplied } = addImportedSong(project, song, beat);
  edit('Import MIDI File', () => next);
  if (useProject.getState().project !== next) return;
  const tempo = tempoApplied ? ` at ${Number(song.tempo.toFixed(2))} BPM` : `; the song keeps its own tempo (the file’s is ${Number(song.tempo.toFixed(2))} BPM)`;
  useSession.getState().notify('info', `Imported ${name}: ${trackIds.length} ${trackIds.length === 1 ? 'track' : 'tracks'}${tempo}.`, notes);
  if (trackIds[0]) usePlay.getState().arm(trackIds[0]);
}

/** A .mid file dropped from the operating system: read in the page (its bytes are here already). */
export async function importDroppedMidi(file: File, beat: number): Promise<void> {
  try {
    importMidi(readMidiFile(new Uint8Array(await file.arrayBuffer()), file.name), file.name, beat);
  } catch (error) {
    reportError(error);
  }
}

/** A .mid file by path (the file dialog, the library): read and checked on the Node side. */
export async function importMidiPath(path: string, beat: number): Promise<void> {
  try {
    const read = await runtime().bridge.call('midi.read', { path });
    importMidi(midiFileFromWire(read.file), read.name, beat);
  } catch (error) {
    reportError(error);
  }
}

export async function chooseAndImportMidi(): Promise<void> {
  const path = await chooseFile('import-midi');
  if (path) await importMidiPath(path, 0);
}

/** The selected note clip, when exactly one clip is selected and it holds notes. */
export function selectedNoteClip(): { trackId: string; clip: NoteClip } | null {
  const { selection } = useTimeline.getState();
  if (selection.length !== 1) return null;
  for (const track of useProject.getState().project.tracks) {
    const clip = track.clips.find((c) => c.id === selection[0]);
    if (clip) return clip.kind === 'notes' ? { trackId: track.id, clip } : null;
  }
  return null;
}

/** Writes the selected note clip, or a whole instrument track (the selected clip's, else the armed one), as a .mid file. */
export async function exportMidi(what: 'clip' | 'track'): Promise<void> {
  const { project, filePath } = useProject.getState();
  const selected = selectedNoteClip();
  const trackId = selected?.trackId ?? usePlay.getState().armedTrackId;
  const track = project.tracks.find((t) => t.id === trackId && t.instrument);
  if (!track || (what === 'clip' && !selected)) {
    useSession.getState().notify('info', what === 'clip' ? 'Select one note clip to export it as a MIDI file.' : 'Select a note clip or arm an instrument track to export it as a MIDI file.');
    return;
  }
  const song = what === 'clip' && selected ? noteClipToMidi(project, track, selected.clip) : noteTrackToMidi(project, track);
  const name = `${(what === 'clip' && selected?.clip.name) || track.name}.mid`;
  const path = await chooseFile('export-midi', { defaultPath: filePath, name });
  if (!path) return;
  try {
    const written = await runtime().bridge.call('midi.write', { path, song: midiSongToWire(song) });
    useSession.getState().notify('info', `Wrote ${written.path}.`);
  } catch (error) {
    reportError(error);
  }
}
