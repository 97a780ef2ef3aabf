import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readMidiFile, writeMidiFile } from '../../../src/codecs/midi';
import { addImportedSong } from '../../../src/model/edits/note-import-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import { ProjectSchema, type Project } from '../../../src/model/project-schema';
import { noteClipToMidi, noteTrackToMidi } from '../../../src/protocol/midi-export';
import { songFromMidi } from '../../../src/protocol/midi-import';

const fixture = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/midi/mido-type1.mid', import.meta.url))));

function imported(bytes: Uint8Array, into: Project = createEmptyProject()) {
  const { song } = songFromMidi(readMidiFile(bytes), 'song.mid');
  return addImportedSong(into, song, 0);
}

describe('importing and exporting MIDI files', () => {
  it('an imported file is a valid project: one instrument track and note clip per MIDI track, the file’s tempo and meter', () => {
    const { project, trackIds, tempoApplied } = imported(fixture);
    expect(ProjectSchema.safeParse(project).success).toBe(true);
    expect(tempoApplied).toBe(true);
    expect(project.tempo).toBe(100);
    expect(project.timeSignature).toEqual([3, 4]);
    expect(project.meterChanges).toEqual([{ bar: 1, timeSignature: [6, 8] }]);
    expect(project.tracks.map((t) => [t.name, t.instrument?.type, t.clips.length])).toEqual([
      ['Bass', 'synth', 1],
      ['Drums', 'drums', 1],
    ]);
    expect(trackIds).toEqual(project.tracks.map((t) => t.id));
    const clip = project.tracks[0]!.clips[0]!;
    expect(clip).toMatchObject({ kind: 'notes', start: 0, length: 6, offset: 0, loop: false });
  });

  it('import → export → import gives the same notes, tempo and meter', () => {
    const first = imported(fixture).project;
    for (const track of first.tracks) {
      const again = imported(writeMidiFile(noteTrackToMidi(first, track))).project;
      const notesOf = (p: Project) => p.tracks.flatMap((t) => t.clips.flatMap((c) => (c.kind === 'notes' ? p.patterns[c.pattern]!.notes : [])));
      expect(notesOf(again)).toEqual(notesOf({ ...first, tracks: [track] }));
      expect([again.tempo, again.tempoChanges, again.timeSignature, again.meterChanges]).toEqual([first.tempo, first.tempoChanges, first.timeSignature, first.meterChanges]);
      expect(again.tracks[0]!.instrument?.type).toBe(track.instrument?.type);
    }
  });

  it('into a song in progress: the tracks are added after the others and the song keeps its tempo', () => {
    const song = imported(fixture).project;
    const { project, tempoApplied } = imported(fixture, { ...song, tempo: 87 });
    expect(tempoApplied).toBe(false);
    expect(project.tempo).toBe(87);
    expect(project.tracks).toHaveLength(4);
    expect(new Set(project.tracks.map((t) => t.id)).size).toBe(4);
    expect(Object.keys(project.patterns)).toHaveLength(4);
    expect(ProjectSchema.safeParse(project).success).toBe(true);
  });

  it('a note clip exports as it plays: from its offset, looped to its length, ratchets repeated, swing applied', () => {
    const base = imported(fixture).project;
    const track = base.tracks[0]!;
    const project: Project = {
      ...base,
      swing: 75,
      patterns: { beat: { name: 'Beat', length: 2, notes: [{ pitch: 60, start: 0, length: 0.5, velocity: 1 }, { pitch: 62, start: 0.25, length: 0.25, velocity: 0.5, ratchet: 2 }] } },
    };
    const clip = { kind: 'notes' as const, id: 'c9', name: 'Riff', pattern: 'beat', start: 8, length: 3, offset: 1, loop: true, mute: false };
    const song = noteClipToMidi({ ...project, tracks: [{ ...track, clips: [clip] }] }, track, clip);
    // From offset 1: the pattern's second half is empty, then it loops at clip beat 1 (C4), and
    // the D4 at 0.25 (an odd 1/16 step) is swung by half a step to 0.375, in two ratchet hits.
    expect(song.tracks[0]!.notes.map((n) => [n.pitch, n.start / 960, n.duration / 960, n.velocity])).toEqual([
      [60, 1, 0.5, 127],
      [62, 1.375, 0.125, 64],
      [62, 1.5, 0.125, 64],
    ]);
    expect(song.tempos).toEqual([{ tick: 0, microsPerQuarter: 428_571 }]);
  });
});
