import { describe, expect, it } from 'vitest';
import { linkedAmong, makeClipsUnique } from '../../../../src/model/beats/make-unique';
import { editPattern } from '../../../../src/model/beats/pattern-in-project';
import { toggleStep } from '../../../../src/model/beats/step-edits';
import { duplicateClips } from '../../../../src/model/edits/clip-edits';
import { addInstrumentTrack } from '../../../../src/model/edits/instrument-track-edits';
import { applyEdit, emptyHistory, undo } from '../../../../src/model/history';
import { createEmptyProject } from '../../../../src/model/new-project';
import type { NoteClip, Project } from '../../../../src/model/project-schema';

/** A drum track with its first clip and two linked copies after it. */
function threeLinked() {
  const added = addInstrumentTrack(createEmptyProject(), 'drums');
  let project = added.project;
  const ref = { trackId: added.trackId, clipId: added.clipId };
  project = duplicateClips(project, [ref]);
  project = duplicateClips(project, [ref]);
  return { project, trackId: added.trackId };
}

const clipsOf = (project: Project) => project.tracks[0]!.clips as NoteClip[];
/** The pitches at the start of each clip's pattern, clip by clip: what each clip plays. */
const played = (project: Project) => clipsOf(project).map((clip) => project.patterns[clip.pattern]!.notes.map((n) => `${n.pitch}@${n.start}`));

describe('linked note clips and Make Unique', () => {
  it('duplicates of a note clip are linked: editing one edits all', () => {
    const { project } = threeLinked();
    const clips = clipsOf(project);
    expect(new Set(clips.map((c) => c.pattern)).size).toBe(1);
    const edited = editPattern(project, clips[1]!.pattern, (p) => toggleStep(p, 36, 0));
    expect(played(edited)).toEqual([['36@0'], ['36@0'], ['36@0']]);
  });

  it('breaks one copy off: it gets a pattern of its own with the same notes, and only it changes after', () => {
    const { project } = threeLinked();
    const withKick = editPattern(project, clipsOf(project)[0]!.pattern, (p) => toggleStep(p, 36, 0));
    const second = clipsOf(withKick)[1]!;
    expect(linkedAmong(withKick, [second.id])).toBe(1);
    const unique = makeClipsUnique(withKick, [second.id]);
    const [a, b, c] = clipsOf(unique);
    expect(b!.pattern).not.toBe(a!.pattern);
    expect(c!.pattern).toBe(a!.pattern);
    expect(unique.patterns[b!.pattern]).toEqual(unique.patterns[a!.pattern]);
    const edited = editPattern(unique, b!.pattern, (p) => toggleStep(p, 38, 4));
    expect(played(edited)).toEqual([['36@0'], ['36@0', '38@1'], ['36@0']]);
    const others = editPattern(unique, a!.pattern, (p) => toggleStep(p, 42, 2));
    expect(played(others)).toEqual([['36@0', '42@0.5'], ['36@0'], ['36@0', '42@0.5']]);
  });

  it('is one undo step, and undoing links the clip again', () => {
    const { project } = threeLinked();
    const second = clipsOf(project)[1]!.id;
    const step = applyEdit(project, emptyHistory, 'Make Unique', (p) => makeClipsUnique(p, [second]));
    expect(step.history.past).toHaveLength(1);
    expect(new Set(clipsOf(step.document).map((c) => c.pattern)).size).toBe(2);
    const back = undo(step.history)!;
    expect(back.document).toBe(project);
  });

  it('of a linked group all selected, the last keeps the pattern; a clip already unique is left alone (same document)', () => {
    const { project } = threeLinked();
    const ids = clipsOf(project).map((c) => c.id);
    const unique = makeClipsUnique(project, ids);
    const patterns = clipsOf(unique).map((c) => c.pattern);
    expect(new Set(patterns).size).toBe(3);
    expect(patterns[2]).toBe(clipsOf(project)[2]!.pattern);
    expect(Object.keys(unique.patterns)).toHaveLength(3);
    expect(linkedAmong(unique, ids)).toBe(0);
    expect(makeClipsUnique(unique, ids)).toBe(unique);
    expect(makeClipsUnique(project, ['no-such-clip'])).toBe(project);
  });
});
