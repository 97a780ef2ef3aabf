import { describe, expect, it } from 'vitest';
import { automatableParams, channelOwners, masterOwner } from '../../../src/model/automation-params';
import { addAutomationPoint, copyAutomationPoints, pasteAutomationPoints, removeAutomationPoints, setAutomationCurve } from '../../../src/model/edits/automation-edits';
import { masterColour } from '../../../src/model/track-colours';
import { laneValueAt } from '../../../src/model/lane-values';
import type { Project } from '../../../src/model/project-schema';
import { sharedMode, useAutomationModes } from '../../../renderer/state/automation-modes';
import { addLaneRowHeight, automationRowHeight, automationRowsOf, automationSpan } from '../../../renderer/ui/timeline/automation-rows';
import { channelRowHeight, channelRowsOf, channelRowsSpan, channelToggleRowHeight } from '../../../renderer/ui/timeline/channel-rows';
import { expectValid, mixerProject } from '../model/edits/helpers';

const closed = { expanded: {}, added: {}, channelRowsShown: true };
const volume = (target: string) => ({ target, param: 'gainDb' });

function paramOf(doc: Project, ownerId: string, target: string, param: string) {
  const owner = channelOwners(doc).find((candidate) => candidate.id === ownerId);
  const found = owner && automatableParams(doc, owner).find((candidate) => candidate.target === target && candidate.param === param);
  if (!found) throw new Error(`${target}/${param} is not a parameter of ${ownerId}`);
  return found;
}

describe('the buses and the master as rows of the arrangement', () => {
  it('lists every bus, then the master with its own name and colour, each an owner of the same parameters the mixer writes', () => {
    const doc = mixerProject();
    const rows = channelRowsOf({ ...doc, buses: [...doc.buses, { ...doc.buses[0]!, id: 'b3', name: '' }] });
    expect(rows.map((row) => [row.id, row.name, row.colour])).toEqual([
      ['b1', 'Reverb', '#5aa9ff'],
      ['b2', 'Delay', '#8f7cff'],
      ['b3', 'Untitled bus', '#5aa9ff'],
      ['master', 'Master', masterColour],
    ]);
    expect(channelOwners(doc).map((owner) => owner.id)).toEqual(['t1', 't2', 't3', 'b1', 'b2', 'master']);
    // A bus has a mute; the master has none, but its inserts' parameters are there.
    expect(automatableParams(doc, doc.buses[0]!).map((param) => param.label)).toEqual(['Volume', 'Pan', 'Mute']);
    const master = automatableParams(doc, masterOwner(doc));
    expect(master.slice(0, 3).map((param) => param.label)).toEqual(['Volume', 'Pan', 'Utility 1: Gain']);
    expect(master.every((param) => param.channel === 'master')).toBe(true);
  });

  it('gives a bus or the master rows for its automated parameters and the ones picked, keyed by its id', () => {
    const base = mixerProject();
    const bus = base.buses[1]!;
    expect(automationRowsOf(base, bus, closed)).toEqual([]);
    const drawn = addAutomationPoint(base, volume('b2'), paramOf(base, 'b2', 'b2', 'gainDb').spec, 4, -12).project;
    expect(automationRowsOf(drawn, bus, closed).map((param) => param.label)).toEqual(['Volume']);
    const view = { expanded: { b2: true, master: true } as const, added: { master: [{ target: 'master', param: 'pan' }] } };
    expect(automationRowsOf(drawn, masterOwner(drawn), view).map((param) => param.label)).toEqual(['Pan']);
    // A row that belongs to the master is not the bus's, and the other way round.
    expect(automationRowsOf(drawn, masterOwner(drawn), { ...view, added: {} })).toEqual([]);
    expect(automationSpan(drawn, bus, view)).toBe(automationRowHeight + addLaneRowHeight);
    expect(automationSpan(drawn, bus, { ...view, expanded: {} })).toBe(0);
  });

  it('takes the rows’ pixels: the show/hide row alone when hidden, every channel’s row and open automation when shown', () => {
    const doc = mixerProject();
    expect(channelRowsSpan(doc, { ...closed, channelRowsShown: false })).toBe(channelToggleRowHeight);
    expect(channelRowsSpan(doc, closed)).toBe(channelToggleRowHeight + 3 * channelRowHeight);
    const open = { ...closed, expanded: { master: true } as const, added: { master: [volume('master')] } };
    expect(channelRowsSpan(doc, open)).toBe(channelToggleRowHeight + 3 * channelRowHeight + automationRowHeight + addLaneRowHeight);
  });

  it('edits a bus’s and the master’s lanes as a track’s: draw, curve, copy, paste, delete; every result valid and played as drawn', () => {
    let doc = mixerProject();
    const busVolume = paramOf(doc, 'b1', 'b1', 'gainDb');
    const masterVolume = paramOf(doc, 'master', 'master', 'gainDb');
    for (const [lane, spec] of [
      [volume('b1'), busVolume.spec],
      [volume('master'), masterVolume.spec],
    ] as const) {
      doc = addAutomationPoint(doc, lane, spec, 1, -6).project;
      doc = addAutomationPoint(doc, lane, spec, 5, -18).project;
      doc = setAutomationCurve(doc, lane, [0], 'hold');
      const clipboard = copyAutomationPoints(doc, lane, [0, 1]);
      if (!clipboard) throw new Error('nothing copied');
      doc = pasteAutomationPoints(doc, lane, spec, clipboard, 8).project;
      expectValid(doc);
      const points = doc.automation.find((candidate) => candidate.target === lane.target && candidate.param === lane.param)?.points ?? [];
      expect(points.map((point) => [point.beat, point.value, point.curve])).toEqual([
        [1, -6, 'hold'],
        [5, -18, 'linear'],
        [8, -6, 'hold'],
        [12, -18, 'linear'],
      ]);
      // Hold: the value stays until the next point.
      expect(laneValueAt(points, spec, 4.9, 0)).toBe(-6);
      doc = removeAutomationPoints(doc, lane, [2, 3]);
      expect(doc.automation.find((candidate) => candidate.target === lane.target)?.points).toHaveLength(2);
    }
    expectValid(doc);
  });
});

describe('All channels: one automation mode for every channel', () => {
  it('sets the mode of every given channel at once and tells the mode they share, or none when they differ', () => {
    const channels = channelOwners(mixerProject()).map((owner) => owner.id);
    useAutomationModes.setState({ modes: {} });
    expect(sharedMode(useAutomationModes.getState().modes, channels)).toBe('read');
    useAutomationModes.getState().setMode('b1', 'touch');
    expect(sharedMode(useAutomationModes.getState().modes, channels)).toBeNull();
    useAutomationModes.getState().setModes(channels, 'latch');
    expect(channels.map((id) => useAutomationModes.getState().modes[id])).toEqual(channels.map(() => 'latch'));
    expect(sharedMode(useAutomationModes.getState().modes, channels)).toBe('latch');
    expect(sharedMode(useAutomationModes.getState().modes, [])).toBeNull();
  });
});
