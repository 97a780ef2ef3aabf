import { describe, expect, it } from 'vitest';
import { duplicateClips, splitClips } from '../../../../src/model/edits/clip-edits';
import { addRecordedTakes, chooseTake, regroupTakes, splitTakeGroup, takesOf } from '../../../../src/model/edits/take-edits';
import { applyEdit, emptyHistory } from '../../../../src/model/history';
import type { AudioClip, Project } from '../../../../src/model/project-schema';
import { deepFreeze, expectValid, project, ref } from './helpers';

const take = { path: '/songs/Audio/Takes/Vox 1.wav', name: 'Vox 1.wav', durationSeconds: 12 };

/** Three passes over the loop [4, 8) at 120 BPM (2 s each): the first began a beat into the loop, the last was stopped halfway. */
function recorded(): Project {
  const { project: p } = addRecordedTakes(project(), take, 't2', [
    { start: 5, length: 3, offset: 0 },
    { start: 4, length: 4, offset: 1.5 },
    { start: 4, length: 4, offset: 3.5 },
    { start: 4, length: 2, offset: 5.5 },
  ]);
  return deepFreeze(expectValid(p));
}

const takes = (p: Project, group: string) => (takesOf(p, group)?.clips ?? []).map((c) => [c.take?.pass, c.start, c.length, c.offset, c.mute]);

describe('recorded takes', () => {
  it('makes one take group of the passes, pass n being take n; the newest whole pass plays, the others are muted', () => {
    const p = recorded();
    expect(takes(p, 'g1')).toEqual([
      [1, 5, 3, 0, true],
      [2, 4, 4, 1.5, true],
      [3, 4, 4, 3.5, false],
      [4, 4, 2, 5.5, true],
    ]);
    const clips = (takesOf(p, 'g1')?.clips ?? []) as AudioClip[];
    expect(new Set(clips.map((c) => c.source)).size).toBe(1);
    expect(p.sources[clips[0]?.source ?? '']?.path).toBe(take.path);
  });

  it('takes the next free group id, and refuses an instrument or unknown track', () => {
    const again = addRecordedTakes(recorded(), take, 't2', [{ start: 12, length: 4, offset: 0 }]);
    expect(takes(again.project, 'g2')).toEqual([[1, 12, 4, 0, false]]);
    const p = recorded();
    expect(addRecordedTakes(p, take, 'nope', [{ start: 0, length: 4, offset: 0 }]).project).toBe(p);
    expect(addRecordedTakes(p, take, 't2', [{ start: 0, length: 0, offset: 0 }]).project).toBe(p);
  });
});

describe('recording again over a take group', () => {
  it('adds the new passes to that group, numbered after its last; the newest whole pass plays and every earlier take is muted', () => {
    const again = expectValid(addRecordedTakes(recorded(), { ...take, path: '/songs/Audio/Takes/Vox 2.wav', name: 'Vox 2.wav' }, 't2', [
      { start: 4, length: 4, offset: 0 },
      { start: 4, length: 4, offset: 2 },
    ]).project);
    expect(takes(again, 'g1')).toEqual([
      [1, 5, 3, 0, true],
      [2, 4, 4, 1.5, true],
      [3, 4, 4, 3.5, true],
      [4, 4, 2, 5.5, true],
      [5, 4, 4, 0, true],
      [6, 4, 4, 2, false],
    ]);
    expect(takesOf(again, 'g2')).toBeNull();
  });

  it('a punched pass inside the group joins it too; one that only touches its edge makes a group of its own', () => {
    const inside = expectValid(addRecordedTakes(recorded(), take, 't2', [{ start: 5, length: 1, offset: 0 }]).project);
    expect(takes(inside, 'g1').at(-1)).toEqual([5, 5, 1, 0, false]);
    const after = expectValid(addRecordedTakes(recorded(), take, 't2', [{ start: 8, length: 4, offset: 0 }]).project);
    expect(takes(after, 'g2')).toEqual([[1, 8, 4, 0, false]]);
    expect(takes(after, 'g1')).toEqual(takes(recorded(), 'g1'));
  });
});

describe('comping', () => {
  it('"Use this take" plays the chosen take alone in its group; choosing it again changes nothing', () => {
    const p = recorded();
    const second = takesOf(p, 'g1')?.clips[1]?.id ?? '';
    const chosen = expectValid(chooseTake(p, second));
    expect(takes(chosen, 'g1').map((t) => t[4])).toEqual([true, false, true, true]);
    expect(chooseTake(chosen, second)).toBe(chosen);
    expect(chooseTake(p, 'c1')).toBe(p);
  });

  it('splits every take of a group at once; after the split each side is chosen on its own', () => {
    const p = recorded();
    const split = expectValid(splitTakeGroup(p, 'g1', 6, { sourceDurations: { s3: 12 } }));
    expect(takes(split, 'g1')).toEqual([
      [1, 5, 1, 0, true],
      [2, 4, 2, 1.5, true],
      [3, 4, 2, 3.5, false],
      [4, 4, 2, 5.5, true],
    ]);
    // The fourth take ended at beat 6: it stays whole on the left.
    expect(takes(split, 'g2')).toEqual([
      [1, 6, 2, 0.5, true],
      [2, 6, 2, 2.5, true],
      [3, 6, 2, 4.5, false],
    ]);
    const left = takesOf(split, 'g1')?.clips[0]?.id ?? '';
    const comped = expectValid(chooseTake(split, left));
    expect(takes(comped, 'g1').map((t) => t[4])).toEqual([false, true, true, true]);
    expect(takes(comped, 'g2').map((t) => t[4])).toEqual([true, true, false]);
  });

  it('does not split at or next to the group\'s edges', () => {
    const p = recorded();
    expect(splitTakeGroup(p, 'g1', 4, {})).toBe(p);
    expect(splitTakeGroup(p, 'g1', 8, {})).toBe(p);
    expect(splitTakeGroup(p, 'g1', Number.NaN, {})).toBe(p);
    expect(splitTakeGroup(p, 'g9', 6, {})).toBe(p);
  });

  it('each comping edit is one undo step', () => {
    const p = recorded();
    const split = applyEdit(p, emptyHistory, 'Split Takes', (d) => splitTakeGroup(d, 'g1', 6));
    const chosen = applyEdit(split.document, split.history, 'Use Take', (d) => chooseTake(d, takesOf(d, 'g2')?.clips[0]?.id ?? ''));
    expect(chosen.history.past.map((s) => s.label)).toEqual(['Split Takes', 'Use Take']);
    expect(chosen.history.past[1]?.before).toBe(split.document);
  });
});

describe('keeping take groups valid after other edits', () => {
  it('a duplicated group becomes a new group, pass for pass', () => {
    const p = recorded();
    const all = (takesOf(p, 'g1')?.clips ?? []).map((c) => ref('t2', c.id));
    const copied = expectValid(regroupTakes(duplicateClips(p, all)));
    expect(takes(copied, 'g1')).toEqual(takes(p, 'g1'));
    expect((takesOf(copied, 'g2')?.clips ?? []).map((c) => c.take?.pass)).toEqual([1, 2, 3, 4]);
  });

  it('the second part of a plain split of one take goes to a group of its own', () => {
    const p = recorded();
    const third = takesOf(p, 'g1')?.clips[2] as AudioClip;
    const split = expectValid(regroupTakes(splitClips(p, [ref('t2', third.id)], 6)));
    expect(takes(split, 'g1')).toHaveLength(4);
    expect(takes(split, 'g2')).toEqual([[3, 6, 2, 4.5, false]]);
  });

  it('takes moved to another track leave the group; a valid document is returned as it is', () => {
    const p = recorded();
    const first = takesOf(p, 'g1')?.clips[0] as AudioClip;
    const moved: Project = { ...p, tracks: p.tracks.map((t) => (t.id === 't1' ? { ...t, clips: [...t.clips, first] } : t.id === 't2' ? { ...t, clips: t.clips.filter((c) => c.id !== first.id) } : t)) };
    // t1 comes first: the moved take keeps g1 there and the three left behind form a new group.
    const fixed = expectValid(regroupTakes(moved));
    expect(takesOf(fixed, 'g1')?.trackId).toBe('t1');
    expect(takesOf(fixed, 'g2')?.clips.map((c) => c.take?.pass)).toEqual([2, 3, 4]);
    expect(regroupTakes(p)).toBe(p);
  });

  it('every edit through applyEdit keeps take groups valid (a duplicate used to break the project)', () => {
    const p = recorded();
    const third = takesOf(p, 'g1')?.clips[2] as AudioClip;
    const step = applyEdit(p, emptyHistory, 'Duplicate Clip', (d) => duplicateClips(d, [ref('t2', third.id)]));
    expectValid(step.document);
    expect(takes(step.document, 'g2')).toEqual([[3, 8, 4, 3.5, false]]);
  });
});
