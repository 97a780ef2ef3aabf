import { describe, expect, it } from 'vitest';
import { duplicateClips } from '../../../src/model/edits/clip-edits';
import { addNoteTakes, recordNotes, type NotePass } from '../../../src/model/edits/record-notes-edits';
import { chooseTake, regroupTakes, splitTakeGroup, takesOf } from '../../../src/model/edits/take-edits';
import { applyEdit, emptyHistory } from '../../../src/model/history';
import { createInstrument } from '../../../src/model/new-instrument';
import { createEmptyProject } from '../../../src/model/new-project';
import { createTrack } from '../../../src/model/new-track';
import { ProjectSchema, type NoteClip, type Project } from '../../../src/model/project-schema';

function withSynth(): Project {
  return { ...createEmptyProject(), tracks: [{ ...createTrack('t1', 'Keys', 0), instrument: createInstrument('synth', 'i1') }] };
}

const valid = (project: Project) => {
  expect(ProjectSchema.safeParse(project).error).toBeUndefined();
  return project;
};
const note = (pitch: number, start: number, length = 0.5) => ({ pitch, start, length, velocity: 0.8 });
const none = { quantize: null, punch: null };

/** Three passes over the loop [4, 8): notes in the first and third, nothing in the second, and a fourth stopped after a beat with one note. */
const looped: NotePass[] = [
  { start: 4, length: 4, notes: [note(60, 4), note(62, 6.1)] },
  { start: 4, length: 4, notes: [] },
  { start: 4, length: 4, notes: [note(64, 5), note(65, 7)] },
  { start: 4, length: 1, notes: [note(67, 4.5)] },
];

/** [pass, start, length, mute, the pattern's notes as [pitch, start]] of a group's takes. */
function takes(project: Project, group: string) {
  return (takesOf(project, group)?.clips ?? []).map((clip) => {
    const notes = clip.kind === 'notes' ? (project.patterns[clip.pattern]?.notes ?? []) : [];
    return [clip.take?.pass, clip.start, clip.length, clip.mute, notes.map((n) => [n.pitch, n.start])];
  });
}

describe('note takes from a looped recording', () => {
  it('each pass with notes is a note take of one group with a pattern of its own; the newest whole pass plays, the cut-short last one is muted', () => {
    const project = valid(addNoteTakes(withSynth(), 't1', looped, none));
    expect(takes(project, 'g1')).toEqual([
      [1, 4, 4, true, [[60, 0], [62, expect.closeTo(2.1, 9)]]],
      [2, 4, 4, false, [[64, 1], [65, 3]]],
      [3, 4, 1, true, [[67, 0.5]]],
    ]);
    const patterns = (takesOf(project, 'g1')?.clips ?? []).map((clip) => (clip as NoteClip).pattern);
    expect(new Set(patterns).size).toBe(3);
  });

  it('input quantize pulls each pass onto the grid from the pass start', () => {
    const project = addNoteTakes(withSynth(), 't1', [{ start: 4, length: 4, notes: [note(60, 4.1), note(62, 6.2)] }], { quantize: 0.5, punch: null });
    expect(takes(project, 'g1')).toEqual([[1, 4, 4, false, [[60, 0], [62, 2]]]]);
  });

  it('while punching only notes starting in the punch range are kept, and each take covers the punch range', () => {
    const project = valid(addNoteTakes(withSynth(), 't1', looped, { quantize: null, punch: { start: 5, end: 7 } }));
    expect(takes(project, 'g1')).toEqual([
      [1, 5, 2, true, [[62, expect.closeTo(1.1, 9)]]],
      [2, 5, 2, false, [[64, 0]]],
    ]);
  });

  it('recording again over the group adds its passes to that group, numbered after its last; the new whole pass plays', () => {
    const first = addNoteTakes(withSynth(), 't1', looped, none);
    const again = valid(addNoteTakes(first, 't1', [{ start: 4, length: 4, notes: [note(48, 4)] }, { start: 4, length: 4, notes: [note(50, 4)] }], none));
    expect(takes(again, 'g1').map((t) => [t[0], t[3]])).toEqual([
      [1, true],
      [2, true],
      [3, true],
      [4, true],
      [5, false],
    ]);
    expect(takesOf(again, 'g2')).toBeNull();
  });

  it('a recording elsewhere on the track makes a group of its own; an audio track or an empty take changes nothing', () => {
    const first = addNoteTakes(withSynth(), 't1', looped, none);
    const elsewhere = addNoteTakes(first, 't1', [{ start: 16, length: 4, notes: [note(48, 16)] }], none);
    expect(takes(elsewhere, 'g2')).toEqual([[1, 16, 4, false, [[48, 0]]]]);
    expect(takes(elsewhere, 'g1')).toEqual(takes(first, 'g1'));
    const audio = { ...withSynth(), tracks: [createTrack('t1', 'Audio', 0)] };
    expect(addNoteTakes(audio, 't1', looped, none)).toBe(audio);
    const synth = withSynth();
    expect(addNoteTakes(synth, 't1', [{ start: 0, length: 4, notes: [] }], none)).toBe(synth);
  });

  it('a recording without the loop over a note take group is one more take of it', () => {
    const first = addNoteTakes(withSynth(), 't1', looped, none);
    const next = valid(recordNotes(first, 't1', [note(70, 5)], { start: 4, range: null, quantize: null, punch: null, mode: 'overdub' }));
    expect(takes(next, 'g1').at(-1)).toEqual([4, 4, 4, false, [[70, 1]]]);
    expect(takes(next, 'g1').filter((t) => t[3] === false)).toHaveLength(1);
  });

  it('note takes are comped as audio takes: chosen, split (every take at once), duplicated into a group of their own', () => {
    const project = addNoteTakes(withSynth(), 't1', looped, none);
    const firstId = takesOf(project, 'g1')?.clips[0]?.id ?? '';
    const chosen = valid(chooseTake(project, firstId));
    expect(takes(chosen, 'g1').map((t) => t[3])).toEqual([false, true, true]);
    const split = valid(splitTakeGroup(chosen, 'g1', 6));
    expect(takes(split, 'g1').map((t) => [t[0], t[1], t[2]])).toEqual([
      [1, 4, 2],
      [2, 4, 2],
      [3, 4, 1],
    ]);
    expect(takes(split, 'g2').map((t) => [t[0], t[1], t[2], t[3]])).toEqual([
      [1, 6, 2, false],
      [2, 6, 2, true],
    ]);
    const all = (takesOf(project, 'g1')?.clips ?? []).map((clip) => ({ trackId: 't1', clipId: clip.id }));
    const copied = valid(regroupTakes(duplicateClips(project, all)));
    expect((takesOf(copied, 'g2')?.clips ?? []).map((clip) => clip.take?.pass)).toEqual([1, 2, 3]);
  });

  it('is one undo step', () => {
    const step = applyEdit(withSynth(), emptyHistory, 'Record 3 Note Takes', (d) => addNoteTakes(d, 't1', looped, none));
    expect(step.history.past.map((s) => s.label)).toEqual(['Record 3 Note Takes']);
    expect(takes(step.document, 'g1')).toHaveLength(3);
  });
});

describe('punching a recording of notes without the loop', () => {
  it('keeps only the notes starting in the punch range, written over that range', () => {
    const played = [note(60, 3.5), note(62, 4), note(64, 7.9), note(65, 8)];
    const project = valid(recordNotes(withSynth(), 't1', played, { start: 2, range: null, quantize: null, punch: { start: 4, end: 8 }, mode: 'overdub' }));
    const clip = project.tracks[0]?.clips[0] as NoteClip;
    expect([clip.start, clip.length]).toEqual([4, 4]);
    expect(project.patterns[clip.pattern]?.notes.map((n) => [n.pitch, n.start])).toEqual([
      [62, 0],
      [64, expect.closeTo(3.9, 9)],
    ]);
  });

  it('replace clears only the punch range of the clip there; nothing played inside it changes nothing', () => {
    const before = recordNotes(withSynth(), 't1', [note(48, 0), note(50, 5), note(52, 9)], { start: 0, range: null, quantize: null, punch: null, mode: 'overdub' });
    const replaced = recordNotes(before, 't1', [note(60, 4.5)], { start: 4, range: null, quantize: null, punch: { start: 4, end: 8 }, mode: 'replace' });
    expect(Object.values(replaced.patterns)[0]?.notes.map((n) => n.pitch)).toEqual([48, 60, 52]);
    expect(recordNotes(before, 't1', [note(60, 2)], { start: 0, range: null, quantize: null, punch: { start: 4, end: 8 }, mode: 'replace' })).toBe(before);
  });
});
