/**
 * Standard MIDI File reader (types 0 and 1).
 *
 * Written here rather than taken from npm: the maintained readers (midi-file, @tonejs/midi) are
 * lenient by design — a truncated track or a data byte without a status yields a partial song or
 * a generic exception — while an import must refuse damage with a reason and build nothing. The
 * format is small (chunks, variable-length deltas, running status, three meta events we use), so
 * an own strict reader of ~200 lines is less code to trust than an adapter that re-checks a
 * library's output.
 *
 * Every refusal is a GlowroomError: 'bad-format' for damage (truncation, bytes that cannot be
 * there), 'unsupported' for valid variants Glowroom does not read (type 2, SMPTE time), with a
 * sentence that names the file and says what to do.
 */
import { GlowroomError } from '../../std/errors';
import { MidiCursor } from './midi-cursor';
import { midiLimits, type MidiFile, type MidiMeter, type MidiTempo, type MidiTrack } from './midi-file';
import { readTrack } from './read-track';

export function readMidiFile(bytes: Uint8Array, name = 'The MIDI file'): MidiFile {
  const damaged = (detail: string): never => {
    throw new GlowroomError('bad-format', `${name} is damaged: ${detail}. Nothing was imported; export it again from the program that made it.`);
  };
  if (bytes.byteLength > midiLimits.maxFileBytes) {
    throw new GlowroomError(
      'unsupported',
      `${name} is ${Math.round(bytes.byteLength / 1048576)} MiB, larger than any song's MIDI file (the limit is ${midiLimits.maxFileBytes / 1048576} MiB).`,
    );
  }
  if (!startsWith(bytes, 0, 'MThd')) {
    throw new GlowroomError('bad-format', `${name} is not a MIDI file (it does not start with a MIDI header). Choose a .mid file.`);
  }
  const file = new MidiCursor(bytes, 4, bytes.byteLength, () => damaged('it ends inside its header (the file is truncated)'));
  const headerLength = file.u32();
  if (headerLength < 6) damaged(`its header is ${headerLength} bytes long, shorter than the 6 bytes every MIDI header has`);
  const headerEnd = 8 + headerLength;
  const format = file.u16();
  const trackCount = file.u16();
  const division = file.u16();
  file.skip(headerLength - 6);
  if (format === 2) {
    throw new GlowroomError(
      'unsupported',
      `${name} is a type-2 MIDI file (independent patterns), which Glowroom does not import. Save it as type 1 in the program that made it.`,
    );
  }
  if (format !== 0 && format !== 1) damaged(`its header names MIDI file type ${format} (only 0, 1 and 2 exist)`);
  if (division & 0x8000) {
    throw new GlowroomError(
      'unsupported',
      `${name} counts time in SMPTE frames rather than beats, which Glowroom does not import. Save it with a beat-based resolution (PPQ) in the program that made it.`,
    );
  }
  if (division === 0) damaged('its header gives a resolution of 0 ticks per beat');
  if (trackCount === 0) damaged('its header says it holds no tracks');
  if (format === 0 && trackCount !== 1) damaged(`it is type 0 (one track) but its header says ${trackCount} tracks`);
  if (trackCount > midiLimits.maxTracks) {
    throw new GlowroomError('unsupported', `${name} has ${trackCount} tracks; Glowroom imports up to ${midiLimits.maxTracks}.`);
  }

  const tracks: MidiTrack[] = [];
  const tempos = new Map<number, MidiTempo>();
  const meters = new Map<number, MidiMeter>();
  let notesLeft: number = midiLimits.maxNotes;
  let offset = headerEnd;
  while (tracks.length < trackCount) {
    if (offset + 8 > bytes.byteLength) {
      damaged(`its header promises ${trackCount} tracks but it holds ${tracks.length} (the file is truncated)`);
    }
    const chunk = new MidiCursor(bytes, offset + 4, offset + 8, () => damaged('a chunk header is cut short'));
    const length = chunk.u32();
    const start = offset + 8;
    const end = start + length;
    if (end > bytes.byteLength) damaged(`track ${tracks.length + 1} is cut short (the file is truncated)`);
    if (startsWith(bytes, offset, 'MTrk')) {
      const index = tracks.length + 1;
      const read = readTrack(new MidiCursor(bytes, start, end, () => damaged(`track ${index} ends in the middle of an event (the file is truncated)`)), {
        damaged: (detail) => damaged(`track ${index} ${detail}`),
        maxNotes: notesLeft,
        tooManyNotes: () => {
          throw new GlowroomError('unsupported', `${name} has more than ${midiLimits.maxNotes.toLocaleString('en')} notes; Glowroom imports up to that many.`);
        },
      });
      notesLeft -= read.notes.length;
      for (const tempo of read.tempos) tempos.set(tempo.tick, tempo);
      for (const meter of read.meters) meters.set(meter.tick, meter);
      tracks.push({ name: read.name, notes: read.notes });
    }
    offset = end;
  }
  return {
    format: format === 0 ? 0 : 1,
    ticksPerQuarter: division,
    tracks,
    tempos: [...tempos.values()].sort((a, b) => a.tick - b.tick),
    meters: [...meters.values()].sort((a, b) => a.tick - b.tick),
  };
}

function startsWith(bytes: Uint8Array, offset: number, tag: string): boolean {
  if (offset + tag.length > bytes.byteLength) return false;
  for (let i = 0; i < tag.length; i++) if (bytes[offset + i] !== tag.charCodeAt(i)) return false;
  return true;
}
