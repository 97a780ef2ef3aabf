/**
 * MIDI files across the main⇄renderer boundary (`midi.read`, `midi.write` in ipc.ts). Notes travel
 * as tuples rather than objects: a dense file's notes then fit in one message (about 25 bytes a
 * note, so the reader's 500,000-note limit stays under the web host's message cap).
 */
import { z } from 'zod';
import { midiLimits, type MidiFile, type MidiSong, type MidiTrack } from '../codecs/midi';
import { filePath } from './files';

const tick = z.number().int().min(0).max(midiLimits.maxTick);

/** [channel 0–15, pitch 0–127, velocity 1–127, start tick, duration in ticks ≥ 1]. */
export const MidiNoteWire = z.tuple([
  z.number().int().min(0).max(15),
  z.number().int().min(0).max(127),
  z.number().int().min(1).max(127),
  tick,
  z.number().int().min(1).max(midiLimits.maxTick),
]);

export const MidiTrackWire = z.object({ name: z.string().max(1000), notes: z.array(MidiNoteWire).max(midiLimits.maxNotes) });

/** What Glowroom writes: a resolution, the tempo and meter maps, named tracks of notes. */
export const MidiSongWire = z.object({
  ticksPerQuarter: z.number().int().min(1).max(0x7fff),
  tracks: z.array(MidiTrackWire).max(midiLimits.maxTracks),
  tempos: z.array(z.object({ tick, microsPerQuarter: z.number().int().min(1).max(0xffffff) })),
  meters: z.array(z.object({ tick, numerator: z.number().int().min(1).max(255), denominator: z.number().int().min(1).max(64) })),
});
export type MidiSongWire = z.infer<typeof MidiSongWire>;

export const MidiFileWire = MidiSongWire.extend({ format: z.union([z.literal(0), z.literal(1)]) });
export type MidiFileWire = z.infer<typeof MidiFileWire>;

export const MidiReadArgs = z.object({ path: filePath });
export const MidiReadResult = z.object({
  /** The file's name without its folder, for track names and messages. */
  name: z.string(),
  file: MidiFileWire,
});
export type MidiReadResult = z.infer<typeof MidiReadResult>;

export const MidiWriteArgs = z.object({ path: filePath, song: MidiSongWire });

type WireTrack = z.infer<typeof MidiTrackWire>;

const trackToWire = (track: MidiTrack): WireTrack => ({ name: track.name, notes: track.notes.map((n) => [n.channel, n.pitch, n.velocity, n.start, n.duration]) });
const trackFromWire = (track: WireTrack): MidiTrack => ({
  name: track.name,
  notes: track.notes.map(([channel, pitch, velocity, start, duration]) => ({ channel, pitch, velocity, start, duration })),
});

export const midiSongToWire = (song: MidiSong): MidiSongWire => ({ ...song, tempos: [...song.tempos], meters: [...song.meters], tracks: song.tracks.map(trackToWire) });
export const midiSongFromWire = (wire: MidiSongWire): MidiSong => ({ ...wire, tracks: wire.tracks.map(trackFromWire) });
export const midiFileToWire = (file: MidiFile): MidiFileWire => ({ ...midiSongToWire(file), format: file.format });
export const midiFileFromWire = (wire: MidiFileWire): MidiFile => ({ ...wire, tracks: wire.tracks.map(trackFromWire) });
