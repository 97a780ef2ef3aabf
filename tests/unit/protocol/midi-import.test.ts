import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMidiFile, type MidiFile } from '../../../src/codecs/midi';
import { songFromMidi } from '../../../src/protocol/midi-import';

const fixture = (name: string) => readMidiFile(new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/midi/${name}`, import.meta.url)))));

describe('a MIDI file as a song', () => {
  it('type 1: one track per MIDI track with notes, channel 10 on the drum machine, tempo and meter maps in beats and bars', () => {
    const { song, notes } = songFromMidi(fixture('mido-type1.mid'), 'song.mid');
    expect(notes).toEqual([]);
    expect(song.tempo).toBe(100);
    expect(song.tempoChanges).toEqual([{ beat: 3, bpm: 60_000_000 / 428_571, ramp: false }]);
    expect(song.timeSignature).toEqual([3, 4]);
    expect(song.meterChanges).toEqual([{ bar: 1, timeSignature: [6, 8] }]);
    // The last note (a drum hit at beat 5 for 1/4 beat) ends in the 6/8 bar from beat 3 to 6.
    expect(song.length).toBe(6);
    expect(song.tracks.map((t) => [t.name, t.instrument])).toEqual([
      ['Bass', 'synth'],
      ['Drums', 'drums'],
    ]);
    expect(song.tracks[0]!.notes).toEqual([
      { pitch: 36, start: 0, length: 1, velocity: 100 / 127 },
      { pitch: 36, start: 0.5, length: 1, velocity: 90 / 127 },
      { pitch: 43, start: 1.5, length: 1.5, velocity: 1 },
    ]);
    expect(song.tracks[1]!.notes.map((n) => [n.pitch, n.start])).toEqual([
      [36, 0], [38, 1], [36, 2], [38, 3], [36, 4], [38, 5],
    ]);
  });

  it('type 0: the one track splits by channel; no tempo event means 120 BPM, no meter 4/4', () => {
    const { song } = songFromMidi(fixture('mido-type0.mid'), 'groove.mid');
    expect(song.tempo).toBe(120);
    expect(song.timeSignature).toEqual([4, 4]);
    expect(song.length).toBe(4);
    expect(song.tracks.map((t) => [t.name, t.instrument, t.notes.length])).toEqual([
      ['groove (ch 3)', 'synth', 2],
      ['groove (ch 10)', 'drums', 1],
    ]);
  });

  it('says what it changed: a meter change inside a bar, a tempo out of range, drum notes beyond the pads', () => {
    const file: MidiFile = {
      format: 1,
      ticksPerQuarter: 100,
      tempos: [{ tick: 0, microsPerQuarter: 50_000 }, { tick: 400, microsPerQuarter: 500_000 }],
      meters: [{ tick: 0, numerator: 4, denominator: 4 }, { tick: 600, numerator: 7, denominator: 8 }, { tick: 900, numerator: 5, denominator: 64 }],
      tracks: [{ name: 'Kit', notes: [{ channel: 9, pitch: 36, velocity: 100, start: 0, duration: 10 }, { channel: 9, pitch: 57, velocity: 100, start: 100, duration: 10 }] }],
    };
    const { song, notes } = songFromMidi(file, 'x.mid');
    expect(song.tempo).toBe(999);
    expect(song.tempoChanges).toEqual([{ beat: 4, bpm: 120, ramp: false }]);
    // 7/8 at beat 6 lies inside bar 1 (beats 4–8): it starts on bar 2.
    expect(song.meterChanges).toEqual([{ bar: 2, timeSignature: [7, 8] }]);
    expect(notes).toEqual([
      '1 tempo was outside 20–999 BPM and set to the nearest end.',
      '1 time signature Glowroom cannot show (over 32 beats, or 64th notes) left out.',
      '1 time signature change fell inside a bar and now starts on the next bar line.',
      '1 drum note lies outside the drum machine’s 16 pads (General MIDI notes 36–51): kept in the clip, silent.',
    ]);
  });

  /** One note at `startTick` (96 ticks a beat, 120 BPM: 1 hour is 691,200 ticks), as a 37-byte file can say. */
  const lateNote = (startTick: number, duration = 96): MidiFile => ({
    format: 0,
    ticksPerQuarter: 96,
    tempos: [],
    meters: [],
    tracks: [{ name: 'Lead', notes: [{ channel: 0, pitch: 60, velocity: 100, start: startTick, duration }] }],
  });

  it('refuses a song longer than a project may be, naming the file, before building it', () => {
    // glowroom render of such a file ran for hours (a note at tick 2^28 − 1: 388 hours in).
    expect(() => songFromMidi(lateNote(2 ** 28 - 1), 'late.mid')).toThrow('late.mid: the song lasts 388 h 21 min (its last note ends at beat 2,796,203.656); a Glowroom song may last at most 6 hours');
    expect(() => songFromMidi(lateNote(0, 6 * 691_200 + 96), 'held.mid')).toThrow(/^held\.mid: the song lasts 6 h 0 min 0.5 s \(its last note ends at beat 43,201\)/);
    expect(songFromMidi(lateNote(6 * 691_200 - 96), 'just.mid').song.length).toBe(43_200);
  });
});
