import { describe, expect, it } from 'vitest';
import { addBus, addBusWithId, busFeeders, deleteBus, renameBus, routeToNewBusWithId } from '../../../../src/model/edits/bus-edits';
import {
  RoutingLoopError,
  setChannelGain,
  setChannelOutput,
  setChannelPan,
  soloExclusively,
  toggleMute,
} from '../../../../src/model/edits/channel-edits';
import { addInsertWithId, insertOwner, moveInsert, removeInsert, setInsertBypass } from '../../../../src/model/edits/insert-edits';
import { addSend, addSendWithId, removeSend, setSendLevel, setSendTap } from '../../../../src/model/edits/send-edits';
import * as labels from '../../../../src/model/edits/labels';
import { applyEdit, emptyHistory, undo, undoLabel } from '../../../../src/model/history';
import { createChannel } from '../../../../src/model/new-track';
import type { Project } from '../../../../src/model/project-schema';
import { trackPalette } from '../../../../src/model/track-colours';
import { expectValid, mixerProject, project } from './helpers';

describe('bus edits', () => {
  it('adds buses into the master with fresh ids, names and palette colours', () => {
    const { project: q, busId } = addBusWithId(mixerProject());
    expectValid(q);
    expect(busId).toBe('b3');
    expect(q.buses[2]).toEqual({ id: 'b3', name: 'Bus 3', colour: trackPalette[5], channel: createChannel() });
    expect(expectValid(addBus(project(), { name: 'Drum bus' })).buses).toEqual([{ id: 'b1', name: 'Drum bus', colour: trackPalette[3], channel: createChannel() }]);
  });

  it('routes channels to a new bus in one step', () => {
    const p = mixerProject();
    const { project: q, busId } = routeToNewBusWithId(p, ['t1', 't3', 'b2']);
    expectValid(q);
    expect(busId).toBe('b3');
    expect(q.tracks.map((t) => t.channel.output)).toEqual(['b3', 'b2', 'b3']);
    expect(q.buses.map((b) => b.channel.output)).toEqual(['master', 'b3', 'master']);
    // Sends stay where they were.
    expect(q.tracks[0]!.channel.sends).toBe(p.tracks[0]!.channel.sends);
    expect(routeToNewBusWithId(p, ['t9'])).toEqual({ project: p, busId: null });
  });

  it('renames a bus', () => {
    const p = mixerProject();
    expect(expectValid(renameBus(p, 'b1', 'Plate')).buses[0]!.name).toBe('Plate');
    expect(renameBus(p, 'b1', 'Reverb')).toBe(p);
    expect(renameBus(p, 'b9', 'Plate')).toBe(p);
    expect(expectValid(renameBus(p, 'b2', 'z'.repeat(300))).buses[1]!.name).toHaveLength(200);
  });

  it('deletes a bus: what fed it goes to the master, sends to it and their automation go', () => {
    const p = expectValid(setChannelOutput(mixerProject(), 'b1', 'b2'));
    expect(busFeeders(p, 'b2')).toEqual({ outputs: 2, sends: 0 });
    expect(busFeeders(p, 'b1')).toEqual({ outputs: 0, sends: 1 });
    const withoutDelay = expectValid(deleteBus(p, 'b2'));
    expect(withoutDelay.buses.map((b) => b.id)).toEqual(['b1']);
    expect(withoutDelay.tracks[1]!.channel.output).toBe('master');
    expect(withoutDelay.buses[0]!.channel.output).toBe('master');
    expect(withoutDelay.tracks[0]).toBe(p.tracks[0]);
    const withoutReverb = expectValid(deleteBus(p, 'b1'));
    expect(withoutReverb.tracks[0]!.channel.sends).toEqual([]);
    expect(withoutReverb.automation).toEqual([]);
    expect(deleteBus(p, 'b9')).toBe(p);
  });
});

describe('send edits', () => {
  it('adds a send post-fader at 0 dB by default, or as asked, once per bus', () => {
    const p = mixerProject();
    const { project: q, sendId } = addSendWithId(p, 't2', 'b1');
    expectValid(q);
    expect(sendId).toBe('x2');
    expect(q.tracks[1]!.channel.sends).toEqual([{ id: 'x2', target: 'b1', levelDb: 0, tap: 'post' }]);
    const pre = expectValid(addSend(p, 'b2', 'b1', { tap: 'pre', levelDb: -99 }));
    expect(pre.buses[1]!.channel.sends).toEqual([{ id: 'x2', target: 'b1', levelDb: -99, tap: 'pre' }]);
    expect(expectValid(addSend(p, 't3', 'b1', { levelDb: 40 })).tracks[2]!.channel.sends[0]!.levelDb).toBe(24);
    expect(addSend(p, 't1', 'b1')).toBe(p);
    expect(addSend(p, 't1', 'master')).toBe(p);
    expect(addSend(p, 't1', 't2')).toBe(p);
    expect(addSend(p, 't9', 'b1')).toBe(p);
  });

  it('refuses a send that would loop, naming the path', () => {
    const p = expectValid(setChannelOutput(mixerProject(), 'b1', 'b2'));
    expect(() => addSend(p, 'b2', 'b1')).toThrow(RoutingLoopError);
    expect(() => addSend(p, 'b2', 'b1')).toThrow(/Reverb → Delay → Reverb|Delay → Reverb → Delay/);
    expect(() => addSend(p, 'b1', 'b1')).toThrow(/\(Reverb → Reverb\)/);
  });

  it('sets level (clamped) and tap, and removes a send with its automation', () => {
    const p = mixerProject();
    expect(expectValid(setSendLevel(p, 'x1', -12)).tracks[0]!.channel.sends[0]!.levelDb).toBe(-12);
    expect(expectValid(setSendLevel(p, 'x1', -500)).tracks[0]!.channel.sends[0]!.levelDb).toBe(-144);
    expect(setSendLevel(p, 'x1', -6)).toBe(p);
    expect(setSendLevel(p, 'x1', Number.NaN)).toBe(p);
    expect(setSendLevel(p, 'x9', -3)).toBe(p);
    expect(expectValid(setSendTap(p, 'x1', 'pre')).tracks[0]!.channel.sends[0]!.tap).toBe('pre');
    expect(setSendTap(p, 'x1', 'post')).toBe(p);
    const q = expectValid(removeSend(p, 'x1'));
    expect(q.tracks[0]!.channel.sends).toEqual([]);
    expect(q.automation).toEqual([]);
    expect(removeSend(p, 'x9')).toBe(p);
  });
});

describe('insert edits', () => {
  it('adds a catalog device at its defaults, last or at an index, on any channel', () => {
    const p = mixerProject();
    const { project: q, deviceId } = addInsertWithId(p, 't1', 'utility', 0);
    expectValid(q);
    expect(deviceId).toBe('d3');
    expect(q.tracks[0]!.channel.inserts.map((d) => d.id)).toEqual(['d3', 'd1']);
    expect(q.tracks[0]!.channel.inserts[0]).toEqual({ id: 'd3', type: 'utility', bypass: false, params: { gainDb: 0, pan: 0, width: 100, mono: 0, invertLeft: 0, invertRight: 0 } });
    expect(expectValid(addInsertWithId(p, 'master', 'limiter').project).master.inserts.map((d) => d.type)).toEqual(['utility', 'limiter']);
    expect(expectValid(addInsertWithId(p, 'b1', 'limiter', 99).project).buses[0]!.channel.inserts).toHaveLength(1);
    expect(addInsertWithId(p, 't1', 'flanger')).toEqual({ project: p, deviceId: null });
    expect(addInsertWithId(p, 't9', 'utility')).toEqual({ project: p, deviceId: null });
  });

  it('bypasses, reorders and removes devices', () => {
    const p = addInsertWithId(mixerProject(), 't1', 'utility').project;
    expect(insertOwner(p, 'd3')).toBe('t1');
    expect(insertOwner(p, 'd2')).toBe('master');
    expect(expectValid(setInsertBypass(p, 'd1', true)).tracks[0]!.channel.inserts[0]!.bypass).toBe(true);
    expect(expectValid(setInsertBypass(p, 'd2', true)).master.inserts[0]!.bypass).toBe(true);
    expect(setInsertBypass(p, 'd1', false)).toBe(p);
    expect(expectValid(moveInsert(p, 'd3', 0)).tracks[0]!.channel.inserts.map((d) => d.id)).toEqual(['d3', 'd1']);
    expect(expectValid(moveInsert(p, 'd1', 9)).tracks[0]!.channel.inserts.map((d) => d.id)).toEqual(['d3', 'd1']);
    expect(moveInsert(p, 'd1', 0)).toBe(p);
    expect(moveInsert(p, 'd1', Number.NaN)).toBe(p);
    const withAutomation = { ...p, automation: [{ target: 'd1', param: 'ceilingDb', points: [] }] };
    const q = expectValid(removeInsert(withAutomation, 'd1'));
    expect(q.tracks[0]!.channel.inserts.map((d) => d.id)).toEqual(['d3']);
    expect(q.automation).toEqual([]);
    expect(expectValid(removeInsert(p, 'd2')).master.inserts).toEqual([]);
    expect(removeInsert(p, 'd9')).toBe(p);
  });
});

describe('every mixer edit through applyEdit', () => {
  const edits: [string, (p: Project) => Project][] = [
    [labels.volumeLabel('Bus'), (p) => setChannelGain(p, 'b1', -4)],
    [labels.panLabel('Master'), (p) => setChannelPan(p, 'master', 0.1)],
    [labels.muteLabel(1, true, 'Bus'), (p) => toggleMute(p, 'b2')],
    [labels.exclusiveSoloLabel(), (p) => soloExclusively(p, 't3')],
    [labels.outputLabel(), (p) => setChannelOutput(p, 't1', 'b1')],
    [labels.addBusLabel(), (p) => addBus(p)],
    [labels.routeToNewBusLabel(2), (p) => routeToNewBusWithId(p, ['t1', 't2']).project],
    [labels.renameBusLabel(), (p) => renameBus(p, 'b2', 'Echo')],
    [labels.deleteBusLabel(), (p) => deleteBus(p, 'b1')],
    [labels.addSendLabel(), (p) => addSend(p, 't3', 'b2', { tap: 'pre' })],
    [labels.removeSendLabel(), (p) => removeSend(p, 'x1')],
    [labels.sendLevelLabel(), (p) => setSendLevel(p, 'x1', -20)],
    [labels.sendTapLabel('pre'), (p) => setSendTap(p, 'x1', 'pre')],
    [labels.addInsertLabel('Utility'), (p) => addInsertWithId(p, 'b1', 'utility').project],
    [labels.removeInsertLabel('Limiter'), (p) => removeInsert(p, 'd1')],
    [labels.bypassLabel('Utility', true), (p) => setInsertBypass(p, 'd2', true)],
    [labels.moveInsertLabel(), (p) => moveInsert(addInsertWithId(p, 't1', 'utility').project, 'd3', 0)],
  ];
  it.each(edits)('%s is one undoable step back to exactly the previous document', (label, recipe) => {
    const start = mixerProject();
    const done = applyEdit(start, emptyHistory, label, recipe);
    expect(done.document).not.toBe(start);
    expectValid(done.document);
    expect(undoLabel(done.history)).toBe(label);
    expect(undo(done.history)?.document).toBe(start);
  });
});
