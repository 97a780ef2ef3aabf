/**
 * One MTrk chunk: delta times, running status, channel messages, sysex and meta events. Notes are
 * paired per channel and pitch first in, first out: a note-off (or a note-on with velocity 0)
 * ends the oldest sounding note of that pitch, so overlapping same-pitch notes keep their starts
 * and end in order. Notes still sounding at the end-of-track event end there.
 */
import type { MidiCursor } from './midi-cursor';
import { midiLimits, type MidiMeter, type MidiNote, type MidiTempo } from './midi-file';

export interface ReadTrack {
  readonly name: string;
  readonly notes: MidiNote[];
  readonly tempos: MidiTempo[];
  readonly meters: MidiMeter[];
}

export interface TrackChecks {
  /** Throws for damage; `detail` continues "track N …". */
  readonly damaged: (detail: string) => never;
  readonly maxNotes: number;
  readonly tooManyNotes: () => never;
}

const meta = { trackName: 0x03, endOfTrack: 0x2f, tempo: 0x51, timeSignature: 0x58 } as const;

/** Data bytes after each channel status (by its high nibble, 0x8–0xE). */
const dataLength: Record<number, number> = { 0x8: 2, 0x9: 2, 0xa: 2, 0xb: 2, 0xc: 1, 0xd: 1, 0xe: 2 };

export function readTrack(cursor: MidiCursor, checks: TrackChecks): ReadTrack {
  const { damaged } = checks;
  const notes: MidiNote[] = [];
  const tempos: MidiTempo[] = [];
  const meters: MidiMeter[] = [];
  const sounding = new Map<number, { start: number; velocity: number }[]>();
  let name = '';
  let tick = 0;
  let runningStatus = 0;

  const endNote = (channel: number, pitch: number, at: number): void => {
    const open = sounding.get(channel * 128 + pitch)?.shift();
    if (!open) return; // a note-off with nothing sounding: harmless, as every player treats it
    if (notes.length >= checks.maxNotes) checks.tooManyNotes();
    notes.push({ channel, pitch, velocity: open.velocity, start: open.start, duration: Math.max(1, at - open.start) });
  };

  for (;;) {
    if (cursor.atEnd) damaged('has no end-of-track marker (the file is damaged or truncated)');
    tick += cursor.variableLength(() => damaged('has a time step longer than the format allows'));
    if (tick > midiLimits.maxTick) damaged('runs past the longest time a MIDI file can hold');
    let status = cursor.peek();
    if (status < 0x80) {
      if (runningStatus === 0) damaged(`has a data byte where an event should start (at byte ${cursor.offset})`);
      status = runningStatus;
    } else {
      cursor.u8();
    }
    if (status === 0xff) {
      runningStatus = 0;
      const type = cursor.u8();
      const length = cursor.variableLength(() => damaged('has a meta event with an impossible length'));
      const data = cursor.take(length);
      if (type === meta.endOfTrack) break;
      if (type === meta.trackName && name === '') name = new TextDecoder('utf-8').decode(data).trim();
      if (type === meta.tempo) tempos.push(readTempo(data, tick, damaged));
      if (type === meta.timeSignature) meters.push(readMeter(data, tick, damaged));
    } else if (status === 0xf0 || status === 0xf7) {
      runningStatus = 0;
      cursor.skip(cursor.variableLength(() => damaged('has a system-exclusive event with an impossible length')));
    } else if (status >= 0xf0) {
      damaged(`has a system message (0x${status.toString(16)}) that cannot be stored in a MIDI file`);
    } else {
      runningStatus = status;
      const kind = status >> 4;
      const channel = status & 0x0f;
      const first = dataByte(cursor, damaged);
      const second = dataLength[kind] === 2 ? dataByte(cursor, damaged) : 0;
      if (kind === 0x9 && second > 0) {
        const key = channel * 128 + first;
        const open = sounding.get(key);
        if (open) open.push({ start: tick, velocity: second });
        else sounding.set(key, [{ start: tick, velocity: second }]);
      } else if (kind === 0x8 || kind === 0x9) {
        endNote(channel, first, tick);
      }
    }
  }
  for (const [key, open] of sounding) {
    for (let i = open.length; i > 0; i--) endNote(key >> 7, key & 0x7f, tick);
  }
  notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch || a.channel - b.channel);
  return { name, notes, tempos, meters };
}

function dataByte(cursor: MidiCursor, damaged: (detail: string) => never): number {
  const byte = cursor.u8();
  if (byte >= 0x80) damaged(`has a note or controller message cut short (at byte ${cursor.offset - 1})`);
  return byte;
}

function readTempo(data: Uint8Array, tick: number, damaged: (detail: string) => never): MidiTempo {
  if (data.length !== 3) damaged(`has a tempo event of ${data.length} bytes (it must be 3)`);
  const microsPerQuarter = (data[0]! << 16) | (data[1]! << 8) | data[2]!;
  if (microsPerQuarter === 0) damaged('sets a tempo of zero microseconds per beat');
  return { tick, microsPerQuarter };
}

function readMeter(data: Uint8Array, tick: number, damaged: (detail: string) => never): MidiMeter {
  if (data.length < 2) damaged(`has a time signature of ${data.length} bytes (it must be 4)`);
  const numerator = data[0]!;
  const power = data[1]!;
  if (numerator === 0 || power > 6) damaged(`has an impossible time signature (${numerator}/2^${power})`);
  return { tick, numerator, denominator: 2 ** power };
}
