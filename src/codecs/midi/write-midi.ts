/**
 * Standard MIDI File writer: type 1, a tempo track (tempo and time-signature events) followed by
 * one track per `MidiTrack` with its name and notes. Note-offs are written as note-ons with
 * velocity 0 under running status (the compact form every reader accepts); at one tick, offs come
 * before ons, so a note that starts where the last of its pitch ends is read back as two notes.
 * Overlapping notes of one pitch are read back first-in first-out (see read-track.ts), which
 * gives back exactly the notes that reader produced.
 */
import { encodeVariableLength } from './variable-length';
import { midiLimits, type MidiFile, type MidiNote } from './midi-file';

interface TimedEvent {
  readonly tick: number;
  /** At one tick: meta (0) before note-offs (1) before note-ons (2). */
  readonly rank: number;
  readonly bytes: readonly number[];
}

export type MidiSong = Omit<MidiFile, 'format'>;

export function writeMidiFile(song: MidiSong): Uint8Array {
  if (!Number.isInteger(song.ticksPerQuarter) || song.ticksPerQuarter < 1 || song.ticksPerQuarter > 0x7fff) {
    throw new RangeError(`ticksPerQuarter must be 1–32767, not ${song.ticksPerQuarter}`);
  }
  const conductor: TimedEvent[] = [
    ...song.tempos.map((t) => metaEvent(t.tick, 0x51, [(t.microsPerQuarter >> 16) & 0xff, (t.microsPerQuarter >> 8) & 0xff, t.microsPerQuarter & 0xff])),
    ...song.meters.map((m) => metaEvent(m.tick, 0x58, [m.numerator, Math.log2(m.denominator), 24, 8])),
  ];
  const chunks = [trackChunk(conductor), ...song.tracks.map((track) => trackChunk([nameEvent(track.name), ...track.notes.flatMap(noteEvents)]))];
  const header = [...ascii('MThd'), ...u32(6), ...u16(1), ...u16(chunks.length), ...u16(song.ticksPerQuarter)];
  const out = new Uint8Array(header.length + chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  out.set(header, 0);
  let offset = header.length;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function noteEvents(note: MidiNote): TimedEvent[] {
  const status = 0x90 | note.channel;
  const end = note.start + Math.max(1, note.duration);
  if (end > midiLimits.maxTick) throw new RangeError(`a note ends at tick ${end}, past the last tick a MIDI file can hold`);
  return [
    { tick: note.start, rank: 2, bytes: [status, note.pitch, note.velocity] },
    { tick: end, rank: 1, bytes: [status, note.pitch, 0] },
  ];
}

function metaEvent(tick: number, type: number, data: readonly number[]): TimedEvent {
  return { tick, rank: 0, bytes: [0xff, type, ...encodeVariableLength(data.length), ...data] };
}

function nameEvent(name: string): TimedEvent {
  return metaEvent(0, 0x03, [...new TextEncoder().encode(name)]);
}

function trackChunk(events: TimedEvent[]): number[] {
  const sorted = events.slice().sort((a, b) => a.tick - b.tick || a.rank - b.rank);
  const body: number[] = [];
  let tick = 0;
  let runningStatus = 0;
  for (const event of sorted) {
    body.push(...encodeVariableLength(event.tick - tick));
    tick = event.tick;
    const status = event.bytes[0]!;
    const isChannel = status < 0xf0;
    body.push(...(isChannel && status === runningStatus ? event.bytes.slice(1) : event.bytes));
    runningStatus = isChannel ? status : 0;
  }
  body.push(0, 0xff, 0x2f, 0);
  return [...ascii('MTrk'), ...u32(body.length), ...body];
}

function ascii(tag: string): number[] {
  return [...tag].map((c) => c.charCodeAt(0));
}

function u16(value: number): number[] {
  return [(value >> 8) & 0xff, value & 0xff];
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}
