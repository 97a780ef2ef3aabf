import { promises as fs } from 'node:fs';
import path from 'node:path';
import { midiLimits, readMidiFile, writeMidiFile } from '../../../src/codecs/midi';
import { midiFileToWire, midiSongFromWire, type MidiReadResult, type MidiSongWire } from '../../../src/protocol/midi';
import { GlowroomError } from '../../../src/std/errors';
import { writeFileAtomic } from '../atomic-write';
import { errnoOf } from '../fs-helpers';

/**
 * Reads a Standard MIDI File for import: the whole file is checked before anything is answered
 * (a damaged or truncated file is refused with the reason), and a file larger than any song's
 * is refused before it is read.
 */
export async function readMidi(file: string): Promise<MidiReadResult> {
  const name = path.basename(file);
  const info = await fs.stat(file).catch((error: unknown) => {
    throw errnoOf(error) === 'ENOENT'
      ? new GlowroomError('not-found', `${name} is not there any more. Choose the file again.`)
      : new GlowroomError('io', `Could not read ${name} (${errnoOf(error) ?? 'unknown error'}). Check that you may open it.`);
  });
  if (!info.isFile()) throw new GlowroomError('wrong-kind', `${name} is a folder, not a MIDI file. Choose a .mid file.`);
  if (info.size > midiLimits.maxFileBytes) {
    throw new GlowroomError('unsupported', `${name} is ${Math.round(info.size / 1048576)} MiB, larger than any song's MIDI file (the limit is ${midiLimits.maxFileBytes / 1048576} MiB).`);
  }
  const bytes = new Uint8Array(await fs.readFile(file));
  return { name, file: midiFileToWire(readMidiFile(bytes, name)) };
}

/** Writes a song as a type-1 MIDI file, atomically (a failed write leaves what was there). */
export async function writeMidi(file: string, song: MidiSongWire): Promise<{ path: string }> {
  await writeFileAtomic(file, writeMidiFile(midiSongFromWire(song)));
  return { path: file };
}
