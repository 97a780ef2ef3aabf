import { describe, expect, it } from 'vitest';
import { createInstrument } from '../../../src/model/new-instrument';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
import type { NoteClip } from '../../../src/model/note-schema';
import type { Project } from '../../../src/model/project-schema';
import { noteClipToMidi, noteTrackToMidi } from '../../../src/protocol/midi-export';

const clip = (id: string, start: number, extra: Partial<NoteClip> = {}): NoteClip => ({ kind: 'notes', id, name: id, pattern: 'p', start, length: 4, offset: 0, loop: false, mute: false, ...extra });

function song(extra: Partial<Project> = {}): Project {
  const drums = { ...createTrack('t1', 'Drums', 0), instrument: createInstrument('drums', 'i1'), clips: [clip('a', 0), clip('b', 8), clip('muted', 16, { mute: true })] };
  return {
    ...createEmptyProject(),
    patterns: { p: { name: 'Beat', length: 4, notes: [{ pitch: 36, start: 0, length: 0.25, velocity: 1 }, { pitch: 38, start: 1, length: 0.25, velocity: 0.5 }] } },
    tracks: [drums],
    ...extra,
  };
}

describe('note clips as MIDI', () => {
  it('a drum track: every unmuted clip at its place, on channel 10', () => {
    const project = song();
    const midi = noteTrackToMidi(project, project.tracks[0]!);
    expect(midi.ticksPerQuarter).toBe(960);
    expect(midi.tracks[0]!.name).toBe('Drums');
    expect(midi.tracks[0]!.notes.map((n) => [n.channel, n.pitch, n.start / 960])).toEqual([
      [9, 36, 0], [9, 38, 1], [9, 36, 8], [9, 38, 9],
    ]);
  });

  it('tempo ramps become a step every sixteenth at the ramp’s tempo there; meters start on their bars', () => {
    const project = song({ tempo: 100, tempoChanges: [{ beat: 1, bpm: 140, ramp: true }, { beat: 8, bpm: 90, ramp: false }], meterChanges: [{ bar: 2, timeSignature: [7, 8] }] });
    const midi = noteTrackToMidi(project, project.tracks[0]!);
    const bpm = (micros: number) => Math.round((60_000_000 / micros) * 10) / 10;
    expect(midi.tempos.map((t) => [t.tick / 960, bpm(t.microsPerQuarter)])).toEqual([
      [0, 105], [0.25, 115], [0.5, 125], [0.75, 135], [1, 140], [8, 90],
    ]);
    expect(midi.meters).toEqual([
      { tick: 0, numerator: 4, denominator: 4 },
      { tick: 8 * 960, numerator: 7, denominator: 8 },
    ]);
  });

  it('one clip: from its own start, with the tempo and meter in force there', () => {
    const project = song({ tempo: 100, tempoChanges: [{ beat: 6, bpm: 150, ramp: false }] });
    const midi = noteClipToMidi(project, project.tracks[0]!, clip('b', 8));
    expect(midi.tempos).toEqual([{ tick: 0, microsPerQuarter: 400_000 }]);
    expect(midi.tracks[0]!.notes.map((n) => n.start / 960)).toEqual([0, 1]);
  });
});
