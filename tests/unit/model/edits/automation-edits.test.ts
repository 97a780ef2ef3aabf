import { describe, expect, it } from 'vitest';
import { channelParams, deviceCatalog, sendParams } from '../../../../src/devices/catalog';
import { automatableParams, automatedParams } from '../../../../src/model/automation-params';
import {
  addAutomationPoint,
  copyAutomationPoints,
  moveAutomationPoints,
  pasteAutomationPoints,
  removeAutomationPoints,
  setAutomationCurve,
} from '../../../../src/model/edits/automation-edits';
import { applyEdit, emptyHistory, undo } from '../../../../src/model/history';
import type { Project } from '../../../../src/model/project-schema';
import { deepFreeze, expectValid, project } from './helpers';

const volume = { target: 't1', param: 'gainDb' };
const volumeSpec = channelParams[0];
const muteSpec = channelParams[2];

function withVolumeLane(): Project {
  let next = project();
  for (const [beat, value] of [[0, -12], [2, 0], [4, -6]] as const) next = addAutomationPoint(next, volume, volumeSpec, beat, value).project;
  return deepFreeze(expectValid(next));
}

describe('automation edits', () => {
  it('adds points in beat order, creating the lane, clamping values and beats', () => {
    const first = addAutomationPoint(project(), volume, volumeSpec, 3, -6);
    expect(first.project.automation).toEqual([{ target: 't1', param: 'gainDb', points: [{ beat: 3, value: -6, curve: 'linear' }] }]);
    const second = addAutomationPoint(first.project, volume, volumeSpec, 1, 99, 'hold');
    expect(second.indices).toEqual([0]);
    expect(second.project.automation[0]?.points).toEqual([
      { beat: 1, value: 24, curve: 'hold' },
      { beat: 3, value: -6, curve: 'linear' },
    ]);
    const mute = addAutomationPoint(project(), { target: 't1', param: 'mute' }, muteSpec, -2, 0.7);
    expect(mute.project.automation[0]?.points).toEqual([{ beat: 0, value: 1, curve: 'linear' }]);
    expectValid(second.project);
    const same = project();
    expect(addAutomationPoint(same, volume, volumeSpec, Number.NaN, 0).project).toBe(same);
  });

  it('moves selected points together, re-sorting and returning where they landed', () => {
    const moved = moveAutomationPoints(withVolumeLane(), volume, volumeSpec, [0], 3, 6);
    expect(moved.project.automation[0]?.points.map((p) => [p.beat, p.value])).toEqual([
      [2, 0],
      [3, -6],
      [4, -6],
    ]);
    expect(moved.indices).toEqual([1]);
    const both = moveAutomationPoints(withVolumeLane(), volume, volumeSpec, [1, 2], -10, 100);
    expect(both.project.automation[0]?.points.map((p) => [p.beat, p.value])).toEqual([
      [0, -12],
      [0, 24],
      [0, 24],
    ]);
    expect(both.indices).toEqual([1, 2]);
    const lane = withVolumeLane();
    expect(moveAutomationPoints(lane, volume, volumeSpec, [0], 0, 0).project).toBe(lane);
  });

  it('deletes points, and the lane with its last point', () => {
    const lane = withVolumeLane();
    expect(removeAutomationPoints(lane, volume, [0, 2]).automation[0]?.points).toEqual([{ beat: 2, value: 0, curve: 'linear' }]);
    expect(removeAutomationPoints(lane, volume, [0, 1, 2]).automation).toEqual([]);
    expect(removeAutomationPoints(lane, volume, [7])).toBe(lane);
  });

  it('sets the curve of selected points', () => {
    const lane = withVolumeLane();
    const curved = setAutomationCurve(lane, volume, [0, 1], 'exponential');
    expect(curved.automation[0]?.points.map((p) => p.curve)).toEqual(['exponential', 'exponential', 'linear']);
    expect(setAutomationCurve(curved, volume, [0], 'exponential')).toBe(curved);
  });

  it('copies and pastes points over the span they cover, clamped to the lane they land in', () => {
    const lane = withVolumeLane();
    const clipboard = copyAutomationPoints(lane, volume, [1, 2]);
    expect(clipboard).toEqual({ points: [{ beat: 0, value: 0, curve: 'linear' }, { beat: 2, value: -6, curve: 'linear' }], span: 2 });
    if (!clipboard) throw new Error('nothing copied');
    const pasted = pasteAutomationPoints(lane, volume, volumeSpec, clipboard, 3);
    expect(pasted.project.automation[0]?.points.map((p) => [p.beat, p.value])).toEqual([
      [0, -12],
      [2, 0],
      [3, 0],
      [5, -6],
    ]);
    expect(pasted.indices).toEqual([2, 3]);
    const onMute = pasteAutomationPoints(lane, { target: 't1', param: 'mute' }, muteSpec, clipboard, 0);
    expect(onMute.project.automation[1]?.points.map((p) => p.value)).toEqual([0, 0]);
    expectValid(onMute.project);
    expect(copyAutomationPoints(lane, volume, [])).toBeNull();
  });

  it('is one undo step per edit', () => {
    const lane = withVolumeLane();
    const history = applyEdit(lane, emptyHistory, 'Delete Automation Point', (doc) => removeAutomationPoints(doc, volume, [1]));
    expect(history.document.automation[0]?.points).toHaveLength(2);
    expect(undo(history.history)?.document).toBe(lane);
  });
});

describe('automatable parameters', () => {
  it('lists volume, pan, mute, each send level and every insert parameter; "show automated" lists those with points', () => {
    const base = project();
    const track = { ...base.tracks[0]!, channel: { ...base.tracks[0]!.channel, sends: [{ id: 'x1', target: 'b1', levelDb: 0, tap: 'post' as const }], inserts: [{ id: 'd1', type: 'utility' as const, bypass: false, params: {} }] } };
    const doc = { ...base, buses: [{ id: 'b1', name: 'Verb', colour: '#000000', channel: { ...base.tracks[0]!.channel } }], tracks: [track] };
    const params = automatableParams(doc, track);
    expect(params.length).toBe(channelParams.length + sendParams.length + deviceCatalog.utility.params.length);
    expect(params.slice(0, 5).map((p) => p.label)).toEqual(['Volume', 'Pan', 'Mute', 'Send to Verb', 'Utility 1: Gain']);
    expect(automatedParams(doc, track)).toEqual([]);
    const automated = addAutomationPoint(doc, { target: 'd1', param: 'width' }, deviceCatalog.utility.params[2], 0, 50).project;
    expect(automatedParams(automated, track).map((p) => p.label)).toEqual(['Utility 1: Width']);
  });
});
