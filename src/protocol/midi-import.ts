/**
 * A MIDI file as the song Glowroom builds from it (the edit that adds it is
 * src/model/edits/note-import-edits.ts): one instrument track per MIDI track and channel (a type-0
 * file's single track splits by channel, as a type-1 track holding two channels does), channel 10
 * on the drum machine (General MIDI drum notes 36–51 are its 16 pads, unchanged), the others on
 * the synth; the tempo and meter maps in beats and bars; velocities 1–127 as 1/127–1.
 *
 * Nothing is rounded: ticks become beats by one division, so writing the notes back at the same
 * resolution gives the same ticks.
 */
import { drumPadBasePitch, drumPadCount } from '../devices/instruments/catalog';
import { drumChannel, type MidiFile, type MidiMeter, type MidiNote } from '../codecs/midi';
import type { ImportedSong, ImportedNoteTrack } from '../model/edits/note-import-edits';
import { TempoChangeSchema, type MeterChange, type TempoChange } from '../model/timing-schema';
import type { Project } from '../model/project-schema';
import { songLengthProblem } from '../model/project-limits';
import { GlowroomError } from '../std/errors';
import { beats } from '../std/units';

type Meter = Project['timeSignature'];
const minTempo = TempoChangeSchema.shape.bpm.minValue as number;
const maxTempo = TempoChangeSchema.shape.bpm.maxValue as number;

/** MIDI's tempo when a file sets none (SMF 1.0: 120 BPM). */
const defaultMicrosPerQuarter = 500_000;
const meterValues = new Set([1, 2, 4, 8, 16, 32]);

export interface SongFromMidi {
  readonly song: ImportedSong;
  /** What the import changed or left out, in words for the status line (empty: nothing). */
  readonly notes: readonly string[];
}

export function songFromMidi(file: MidiFile, fileName: string): SongFromMidi {
  const notes: string[] = [];
  const ppq = file.ticksPerQuarter;
  const toBeats = (tick: number) => tick / ppq;
  const tempoMap = tempoFromMidi(file, toBeats, notes);
  const meterMap = metersFromMidi(file.meters, ppq, notes);
  const tracks = tracksFromMidi(file, fileName, toBeats);
  const outsidePads = tracks.filter((t) => t.instrument === 'drums').flatMap((t) => t.notes).filter((n) => n.pitch < drumPadBasePitch || n.pitch >= drumPadBasePitch + drumPadCount).length;
  if (outsidePads > 0) {
    notes.push(`${outsidePads} drum ${outsidePads === 1 ? 'note lies' : 'notes lie'} outside the drum machine’s 16 pads (General MIDI notes 36–51): kept in the clip, silent.`);
  }
  // A loop, not Math.max(...notes): a 16 MiB file holds millions of notes, more arguments than a call takes.
  let end = 0;
  for (const track of file.tracks) for (const note of track.notes) end = Math.max(end, note.start + note.duration);
  // Before the song is built: a few bytes can place a note 23 hours in (a render of that would run for hours).
  const tooLong = songLengthProblem({ ...tempoMap, ...meterMap.song }, beats(toBeats(end)), 'note');
  if (tooLong) throw new GlowroomError('unsupported', `${fileName}: ${tooLong}`);
  return {
    song: { ...tempoMap, ...meterMap.song, length: toBeats(meterMap.barLineAtOrAfter(end)), tracks },
    notes,
  };
}

function tempoFromMidi(file: MidiFile, toBeats: (tick: number) => number, notes: string[]): { tempo: number; tempoChanges: TempoChange[] } {
  let clamped = 0;
  const bpmOf = (micros: number) => {
    const bpm = 60_000_000 / micros;
    if (bpm >= minTempo && bpm <= maxTempo) return bpm;
    clamped++;
    return Math.min(maxTempo, Math.max(minTempo, bpm));
  };
  const first = file.tempos[0]?.tick === 0 ? file.tempos[0] : undefined;
  const tempo = bpmOf(first?.microsPerQuarter ?? defaultMicrosPerQuarter);
  const tempoChanges: TempoChange[] = [];
  let previous = tempo;
  for (const change of file.tempos) {
    if (change.tick === 0) continue;
    const bpm = bpmOf(change.microsPerQuarter);
    if (bpm !== previous) tempoChanges.push({ beat: toBeats(change.tick), bpm, ramp: false });
    previous = bpm;
  }
  if (clamped > 0) notes.push(`${clamped} ${clamped === 1 ? 'tempo was' : 'tempos were'} outside ${minTempo}–${maxTempo} BPM and set to the nearest end.`);
  return { tempo, tempoChanges };
}

/**
 * The meter at bar 0 and the changes by bar index. A MIDI meter event may fall inside a bar; a
 * project's meter changes on a bar line, so such a change starts on the next bar line.
 */
function metersFromMidi(meters: readonly MidiMeter[], ppq: number, notes: string[]) {
  const usable = meters.filter((m) => m.numerator <= 32 && meterValues.has(m.denominator));
  const dropped = meters.length - usable.length;
  if (dropped > 0) notes.push(`${dropped} time ${dropped === 1 ? 'signature' : 'signatures'} Glowroom cannot show (over 32 beats, or 64th notes) left out.`);
  const barTicks = (m: Meter) => (m[0] * ppq * 4) / m[1];
  /** Where the meter changes: on a bar line, with the bar's index. */
  const lines: { tick: number; bar: number; meter: Meter }[] = [{ tick: 0, bar: 0, meter: [4, 4] }];
  let moved = 0;
  for (const event of usable) {
    const last = lines[lines.length - 1]!;
    const meter: Meter = [event.numerator, event.denominator as Meter[1]];
    const bars = (event.tick - last.tick) / barTicks(last.meter);
    const whole = Math.ceil(bars - 1e-9);
    if (whole - bars > 1e-9) moved++;
    if (whole === 0) last.meter = meter;
    else lines.push({ tick: last.tick + whole * barTicks(last.meter), bar: last.bar + whole, meter });
  }
  if (moved > 0) notes.push(`${moved} time ${moved === 1 ? 'signature change fell' : 'signature changes fell'} inside a bar and now ${moved === 1 ? 'starts' : 'start'} on the next bar line.`);
  const meterChanges: MeterChange[] = lines
    .filter((line, i) => i > 0 && !sameMeter(line.meter, lines[i - 1]!.meter))
    .map((line) => ({ bar: line.bar, timeSignature: line.meter }));
  const barLineAtOrAfter = (tick: number): number => {
    const line = lines.findLast((l) => l.tick <= tick) ?? lines[0]!;
    return line.tick + Math.ceil((tick - line.tick) / barTicks(line.meter) - 1e-9) * barTicks(line.meter);
  };
  return { song: { timeSignature: lines[0]!.meter, meterChanges }, barLineAtOrAfter };
}

const sameMeter = (a: Meter, b: Meter) => a[0] === b[0] && a[1] === b[1];

function tracksFromMidi(file: MidiFile, fileName: string, toBeats: (tick: number) => number): ImportedNoteTrack[] {
  const base = fileName.replace(/\.midi?$/i, '');
  return file.tracks.flatMap((track, t) => {
    const channels = [...new Set(track.notes.map((n) => n.channel))].sort((a, b) => a - b);
    const trackName = track.name || (file.tracks.length === 1 ? base : `${base} ${t + 1}`);
    return channels.map((channel) => ({
      name: channels.length > 1 ? `${trackName} (ch ${channel + 1})` : trackName,
      instrument: channel === drumChannel ? ('drums' as const) : ('synth' as const),
      notes: track.notes.filter((n) => n.channel === channel).map((n: MidiNote) => ({ pitch: n.pitch, start: toBeats(n.start), length: toBeats(n.duration), velocity: n.velocity / 127 })),
    }));
  });
}
