import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMidiFile, writeMidiFile, type MidiFile } from '../../../../src/codecs/midi';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/midi/${name}`, import.meta.url))));
const withNotes = (file: MidiFile) => file.tracks.filter((t) => t.notes.length > 0);

describe('writing MIDI files', () => {
  it('a file read, written and read again keeps every note, tempo and meter', () => {
    for (const name of ['mido-type1.mid', 'mido-type0.mid']) {
      const first = readMidiFile(fixture(name));
      const again = readMidiFile(writeMidiFile(first));
      expect(again.format).toBe(1);
      expect(again.ticksPerQuarter).toBe(first.ticksPerQuarter);
      expect(again.tempos).toEqual(first.tempos);
      expect(again.meters).toEqual(first.meters);
      expect(withNotes(again)).toEqual(withNotes(first));
    }
  });

  it('writes a tempo track first, then the named tracks, with running status and velocity-0 offs', () => {
    const bytes = writeMidiFile({
      ticksPerQuarter: 96,
      tempos: [{ tick: 0, microsPerQuarter: 500_000 }],
      meters: [{ tick: 0, numerator: 7, denominator: 8 }],
      tracks: [
        {
          name: 'Keys',
          notes: [
            { channel: 0, pitch: 60, velocity: 100, start: 0, duration: 96 },
            { channel: 0, pitch: 60, velocity: 90, start: 96, duration: 96 },
          ],
        },
      ],
    });
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex.slice(0, 28)).toBe('4d546864000000060001000200' + '60');
    // Tempo track: tempo 500000 µs, 7/8, end.
    expect(hex).toContain('00ff5103' + '07a120' + '00ff580407031808' + '00ff2f00');
    // Keys: name, on C4, then under running status: off at 96 before the next on at the same tick.
    expect(hex).toContain('00ff03044b657973' + '00903c64' + '603c00' + '003c5a' + '603c00' + '00ff2f00');
    const read = readMidiFile(bytes);
    expect(read.tracks[1]!.notes.map((n) => [n.start, n.duration, n.velocity])).toEqual([
      [0, 96, 100],
      [96, 96, 90],
    ]);
  });

  it('a name in any script survives', () => {
    const bytes = writeMidiFile({ ticksPerQuarter: 480, tempos: [], meters: [], tracks: [{ name: 'Бас — 低音', notes: [] }] });
    expect(readMidiFile(bytes).tracks[1]!.name).toBe('Бас — 低音');
  });
});
