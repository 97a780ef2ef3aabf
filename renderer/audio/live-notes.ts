/**
 * Playing an instrument live (the computer keyboard, MIDI in): each note goes to the engine as a
 * `live-note` message, merged into its next block on the track's instrument. Velocity 0 releases
 * the pitch. Stopping the transport, deleting the track or swapping its instrument releases every
 * note in the engine itself, so nothing can hang.
 */
import { runtime } from '../state/runtime';
import { liveNoteCommand } from './live-note-command';
import { NoteAudition } from './note-audition';

/** Plays (velocity 0 < v ≤ 1) or releases (0) `pitch` (MIDI, 60 = C4) on the instrument of `trackId`. */
export function playLiveNote(trackId: string, pitch: number, velocity: number): void {
  const command = liveNoteCommand(trackId, pitch, velocity);
  if (command) runtime().audio.send(command);
}

const audition = new NoteAudition(playLiveNote);

/** An editor's audition: `pitch` (a drum pad is 36 + its index) on the instrument of `trackId` for a moment (`NoteAudition`). */
export function auditionNote(trackId: string, pitch: number): void {
  audition.note(trackId, pitch);
}
