import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMidiFile } from '../../../../src/codecs/midi';
import { GlowroomError } from '../../../../src/std/errors';
import { smf, track } from './smf-bytes';

// mido-*.mid are written by Debian's python3-mido (tests/fixtures/midi/make-fixtures.py), not by
// Glowroom's writer, so these tests hold the reader to another implementation's output.
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/midi/${name}`, import.meta.url))));

describe('reading files written by mido', () => {
  it('type 1: tracks, tempo and meter maps, channel 10, velocity-0 offs and overlapping same-pitch notes', () => {
    const file = readMidiFile(fixture('mido-type1.mid'));
    expect(file.format).toBe(1);
    expect(file.ticksPerQuarter).toBe(480);
    expect(file.tracks.map((t) => t.name)).toEqual(['Tempo', 'Bass', 'Drums']);
    expect(file.tempos).toEqual([
      { tick: 0, microsPerQuarter: 600_000 },
      { tick: 1440, microsPerQuarter: 428_571 },
    ]);
    expect(file.meters).toEqual([
      { tick: 0, numerator: 3, denominator: 4 },
      { tick: 1440, numerator: 6, denominator: 8 },
    ]);
    expect(file.tracks[0]!.notes).toEqual([]);
    // The first note-off of C2 ends the first C2 (first in, first out), not the one started later.
    expect(file.tracks[1]!.notes).toEqual([
      { channel: 0, pitch: 36, velocity: 100, start: 0, duration: 480 },
      { channel: 0, pitch: 36, velocity: 90, start: 240, duration: 480 },
      { channel: 0, pitch: 43, velocity: 127, start: 720, duration: 720 },
    ]);
    const drums = file.tracks[2]!.notes;
    expect(drums.map((n) => [n.channel, n.pitch, n.start, n.duration, n.velocity])).toEqual(
      [0, 1, 2, 3, 4, 5].map((beat) => [9, beat % 2 === 0 ? 36 : 38, beat * 480, 120, 110]),
    );
  });

  it('type 0: one track holding two channels', () => {
    const file = readMidiFile(fixture('mido-type0.mid'));
    expect(file.format).toBe(0);
    expect(file.ticksPerQuarter).toBe(96);
    expect(file.tempos).toEqual([]);
    expect(file.tracks).toHaveLength(1);
    expect(file.tracks[0]!.notes).toEqual([
      { channel: 9, pitch: 42, velocity: 70, start: 0, duration: 24 },
      { channel: 2, pitch: 60, velocity: 80, start: 0, duration: 96 },
      { channel: 2, pitch: 64, velocity: 81, start: 96, duration: 96 },
    ]);
  });
});

describe('reading hand-built files (the spec, byte by byte)', () => {
  it('follows running status across note-ons, velocity-0 offs and a controller', () => {
    // on C4 | (running) on E4 | 96 ticks later (running) C4 velocity 0 | E4 velocity 0 | sustain CC | (running) CC 65
    const bytes = smf(0, 96, [track([0x00, 0x90, 0x3c, 0x64, 0x00, 0x40, 0x64, 0x60, 0x3c, 0x00, 0x00, 0x40, 0x00, 0x00, 0xb0, 0x40, 0x7f, 0x10, 0x41, 0x00])]);
    const file = readMidiFile(bytes);
    expect(file.tracks[0]!.notes).toEqual([
      { channel: 0, pitch: 60, velocity: 100, start: 0, duration: 96 },
      { channel: 0, pitch: 64, velocity: 100, start: 0, duration: 96 },
    ]);
  });

  it('a meta event ends running status: a data byte after it is damage', () => {
    const bytes = smf(0, 96, [track([0x00, 0x90, 0x3c, 0x64, 0x00, 0xff, 0x01, 0x00, 0x10, 0x3c, 0x00])]);
    expect(() => readMidiFile(bytes)).toThrow(/data byte where an event should start/);
  });

  it('a note that starts and ends on one tick lasts one tick; one never ended ends at the end of its track', () => {
    const bytes = smf(0, 96, [track([0x00, 0x90, 0x3c, 0x64, 0x00, 0x80, 0x3c, 0x40, 0x00, 0x90, 0x3e, 0x50], 200)]);
    expect(readMidiFile(bytes).tracks[0]!.notes).toEqual([
      { channel: 0, pitch: 60, velocity: 100, start: 0, duration: 1 },
      { channel: 0, pitch: 62, velocity: 80, start: 0, duration: 200 },
    ]);
  });

  it('skips chunks it does not know', () => {
    const alien = [...'XFIH'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 2, 1, 2]);
    const bytes = smf(1, 96, [alien, track([0x00, 0x99, 0x24, 0x64, 0x30, 0x89, 0x24, 0x00])], 1);
    expect(readMidiFile(bytes).tracks[0]!.notes).toEqual([{ channel: 9, pitch: 36, velocity: 100, start: 0, duration: 48 }]);
  });
});

describe('damaged and hostile files are refused with a reason', () => {
  const type1 = fixture('mido-type1.mid');

  function refusal(bytes: Uint8Array): GlowroomError {
    try {
      readMidiFile(bytes, 'song.mid');
    } catch (error) {
      expect(error).toBeInstanceOf(GlowroomError);
      return error as GlowroomError;
    }
    throw new Error('the file was read');
  }

  it('every truncation of a real file is refused, never read in part', () => {
    for (let length = 0; length < type1.length; length++) {
      const error = refusal(type1.subarray(0, length));
      expect(error.code).toBe('bad-format');
      expect(error.message).toMatch(/^song\.mid is (damaged|not a MIDI file)/);
    }
  });

  it('seeded byte damage never escapes as anything but a GlowroomError', () => {
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 3000; i++) {
      const bytes = type1.slice();
      for (let flips = 1 + Math.floor(next() * 4); flips > 0; flips--) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      try {
        readMidiFile(bytes, 'song.mid');
      } catch (error) {
        expect(error).toBeInstanceOf(GlowroomError);
        expect((error as Error).message).not.toMatch(/RangeError|undefined|NaN/);
      }
    }
  });

  it('names the problem', () => {
    expect(refusal(new TextEncoder().encode('RIFF....WAVE')).message).toBe(
      'song.mid is not a MIDI file (it does not start with a MIDI header). Choose a .mid file.',
    );
    expect(refusal(smf(2, 96, [track([])])).code).toBe('unsupported');
    expect(refusal(smf(1, 0xe728, [track([])])).message).toMatch(/SMPTE/);
    expect(refusal(smf(1, 0, [track([])])).message).toMatch(/resolution of 0/);
    expect(refusal(smf(0, 96, [track([]), track([])], 2)).message).toMatch(/type 0 \(one track\) but its header says 2/);
    expect(refusal(smf(1, 96, [track([])], 3)).message).toMatch(/promises 3 tracks but it holds 1/);
    expect(refusal(smf(1, 96, [track([0x00, 0x90, 0x3c])])).message).toMatch(/track 1 ends in the middle of an event/);
    expect(refusal(smf(1, 96, [track([0x00, 0x90, 0x3c, 0x90])])).message).toMatch(/cut short/);
    expect(refusal(smf(1, 96, [track([0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 0x3c, 0x40])])).message).toMatch(/time step longer/);
    expect(refusal(smf(1, 96, [track([0x00, 0xf2, 0x00, 0x00])])).message).toMatch(/system message/);
    expect(refusal(smf(1, 96, [track([0x00, 0xff, 0x51, 0x03, 0, 0, 0])])).message).toMatch(/tempo of zero/);
    expect(refusal(smf(1, 96, [track([0x00, 0xff, 0x58, 0x04, 4, 9, 24, 8])])).message).toMatch(/impossible time signature/);
    expect(refusal(smf(1, 96, [track([0x00, 0xff, 0x01, 0x7f, 0x41])])).message).toMatch(/track 1 ends in the middle/);
    const noEnd = smf(1, 96, [[...'MTrk'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 4, 0x00, 0x90, 0x3c, 0x40])]);
    expect(refusal(noEnd).message).toMatch(/no end-of-track marker/);
  });

  it('bounds hostile sizes before reading them', () => {
    expect(refusal(smf(1, 96, [track([])], 5000)).message).toMatch(/5000 tracks; Glowroom imports up to 256/);
    const huge = new Uint8Array(17 * 1024 * 1024);
    huge.set(type1);
    expect(refusal(huge).message).toMatch(/larger than any song's MIDI file/);
    // A chunk that claims 4 GiB.
    const lying = smf(1, 96, [[...'MTrk'].map((c) => c.charCodeAt(0)).concat([0xff, 0xff, 0xff, 0xff, 0x00, 0xff, 0x2f, 0x00])]);
    expect(refusal(lying).message).toMatch(/track 1 is cut short/);
  });
});
