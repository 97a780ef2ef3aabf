import { describe, expect, it } from 'vitest';
import { recordNotes } from '../../../src/model/edits/record-notes-edits';
import { createInstrument } from '../../../src/model/new-instrument';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
import { ProjectSchema, type Project } from '../../../src/model/project-schema';

function withSynth(): Project {
  return { ...createEmptyProject(), tracks: [{ ...createTrack('t1', 'Keys', 0), instrument: createInstrument('synth', 'i1') }] };
}

const played = [
  { pitch: 60, start: 4.02, length: 0.9, velocity: 0.8 },
  { pitch: 64, start: 5.51, length: 0.4, velocity: 0.5 },
];
const valid = (project: Project) => expect(ProjectSchema.safeParse(project).error).toBeUndefined();

describe('recording notes into a clip', () => {
  it('without a clip there: a new clip from the take’s start to the next bar line, notes relative to it', () => {
    const project = recordNotes(withSynth(), 't1', played, { start: 4, range: null, quantize: null, mode: 'overdub', punch: null });
    valid(project);
    const clip = project.tracks[0]!.clips[0]!;
    expect(clip).toMatchObject({ kind: 'notes', start: 4, length: 4, offset: 0, loop: false });
    const pattern = project.patterns[clip.kind === 'notes' ? clip.pattern : '']!;
    expect(pattern.length).toBe(4);
    expect(pattern.notes.map((n) => [n.pitch, n.start])).toEqual([
      [60, expect.closeTo(0.02, 9)],
      [64, expect.closeTo(1.51, 9)],
    ]);
  });

  it('input quantize pulls starts onto the grid from the region’s start', () => {
    const project = recordNotes(withSynth(), 't1', played, { start: 4, range: null, quantize: 0.25, mode: 'overdub', punch: null });
    const clip = project.tracks[0]!.clips[0]!;
    const pattern = project.patterns[clip.kind === 'notes' ? clip.pattern : '']!;
    expect(pattern.notes.map((n) => n.start)).toEqual([0, 1.5]);
  });

  it('looped recording overdubs into the clip holding the loop; replace clears the loop range first', () => {
    const first = recordNotes(withSynth(), 't1', [{ pitch: 48, start: 0, length: 1, velocity: 1 }, { pitch: 50, start: 6, length: 1, velocity: 1 }], { start: 0, range: { start: 0, end: 8 }, quantize: null, mode: 'overdub', punch: null });
    const loop = { start: 4, end: 8 };
    const overdub = recordNotes(first, 't1', played, { start: 4, range: loop, quantize: null, mode: 'overdub', punch: null });
    valid(overdub);
    expect(overdub.tracks[0]!.clips).toHaveLength(1);
    const notesOf = (p: Project) => Object.values(p.patterns)[0]!.notes.map((n) => n.pitch);
    expect(notesOf(overdub)).toEqual([48, 60, 64, 50]);
    const replace = recordNotes(first, 't1', played, { start: 4, range: loop, quantize: null, mode: 'replace', punch: null });
    expect(notesOf(replace)).toEqual([48, 60, 64]);
  });

  it('a take on a track without an instrument, or with no notes, changes nothing', () => {
    const project = { ...withSynth(), tracks: [createTrack('t1', 'Audio', 0)] };
    expect(recordNotes(project, 't1', played, { start: 0, range: null, quantize: null, mode: 'overdub', punch: null })).toBe(project);
    const synth = withSynth();
    expect(recordNotes(synth, 't1', [], { start: 0, range: null, quantize: null, mode: 'overdub', punch: null })).toBe(synth);
  });
});
