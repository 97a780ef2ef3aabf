import { describe, expect, it } from 'vitest';
import { channelParams } from '../../../../src/devices/catalog';
import { addAutomationPoint } from '../../../../src/model/edits/automation-edits';
import { carryAutomation, duplicatedClipShifts, movedClipShifts } from '../../../../src/model/edits/automation-follow';
import { duplicateClipsWithResult, moveClips } from '../../../../src/model/edits/clip-edits';
import { laneValueAt } from '../../../../src/model/lane-values';
import type { Project } from '../../../../src/model/project-schema';
import { deepFreeze, expectValid, project, ref } from './helpers';

const volume = { target: 't1', param: 'gainDb' };
const spec = channelParams[0];

/** t1's c1 lies on [0, 4); its volume rises 0 → −12 dB over [1, 3), then −12 dB until beat 16 rises back to 0 dB at 20. */
function withRide(): Project {
  let next = project();
  for (const [beat, value] of [[1, 0], [3, -12], [16, -12], [20, 0]] as const) next = addAutomationPoint(next, volume, spec, beat, value).project;
  return deepFreeze(expectValid(next));
}

const at = (doc: Project, beat: number) => laneValueAt(doc.automation[0]?.points ?? [], spec, beat, 0);

describe('automation that moves with its clips', () => {
  it('moving a clip along its track carries the lane under it, leaving the lane elsewhere as it was', () => {
    const before = withRide();
    const moved = moveClips(before, [ref('t1', 'c1')], 12);
    const after = expectValid(carryAutomation(before, moved, movedClipShifts(before, moved), false));
    // The ride now lies under the clip at [12, 16).
    for (const beat of [12, 13, 14, 15, 15.99]) expect(at(after, beat)).toBeCloseTo(at(before, beat - 12), 6);
    // After the destination the old lane goes on exactly (−12 dB at 16, the rise to 20).
    for (const beat of [16, 18, 20, 24]) expect(at(after, beat)).toBeCloseTo(at(before, beat), 9);
    // The old stretch lost its points: the lane joins its neighbours there.
    expect(after.automation[0]?.points.every((point) => point.beat >= 4 || point.beat === 0)).toBe(true);
    expect(at(after, 2)).not.toBeCloseTo(at(before, 2), 1);
  });

  it('duplicating copies the lane under the clip and keeps the original', () => {
    const before = withRide();
    const result = duplicateClipsWithResult(before, [ref('t1', 'c1')], 'beat');
    const copyStart = result.project.tracks[0]?.clips.find((clip) => clip.id === result.created[0]?.clipId)?.start ?? NaN;
    expect(copyStart).toBe(4);
    const shifts = duplicatedClipShifts(before, [ref('t1', 'c1')], result);
    expect(shifts).toEqual([{ trackId: 't1', from: 0, to: 4, by: 4 }]);
    const after = expectValid(carryAutomation(before, result.project, shifts, true));
    for (const beat of [0, 1, 2, 3, 3.99]) {
      expect(at(after, beat)).toBeCloseTo(at(before, beat), 9);
      expect(at(after, beat + 4)).toBeCloseTo(at(before, beat), 6);
    }
    for (const beat of [8, 12, 18]) expect(at(after, beat)).toBeCloseTo(at(before, beat), 9);
  });

  it('leaves automation alone for clips moved to another track, and for documents without lanes', () => {
    const before = withRide();
    const across = moveClips(before, [ref('t1', 'c1')], 0, 1);
    expect(movedClipShifts(before, across)).toEqual([]);
    const plain = project();
    const moved = moveClips(plain, [ref('t1', 'c1')], 2);
    expect(carryAutomation(plain, moved, movedClipShifts(plain, moved), false)).toBe(moved);
  });
});
