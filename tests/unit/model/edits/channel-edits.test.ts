import { describe, expect, it } from 'vitest';
import {
  channelKind,
  RoutingLoopError,
  setChannelGain,
  setChannelOutput,
  setChannelPan,
  soloExclusively,
  toggleMute,
  toggleSolo,
  toggleSoloSafe,
} from '../../../../src/model/edits/channel-edits';
import { applyEdit, emptyHistory } from '../../../../src/model/history';
import { expectValid, mixerProject, project } from './helpers';

describe('channel edits', () => {
  it('sets the gain of tracks, buses and the master, clamped', () => {
    const p = mixerProject();
    const q = expectValid(setChannelGain(p, ['t1', 't3', 'b1', 'master'], -6));
    expect(q.tracks.map((t) => t.channel.gainDb)).toEqual([-6, -3, -6]);
    expect(q.buses.map((b) => b.channel.gainDb)).toEqual([-6, 0]);
    expect(q.master.gainDb).toBe(-6);
    expect(q.tracks[1]).toBe(p.tracks[1]);
    expect(q.buses[1]).toBe(p.buses[1]);
    expect(expectValid(setChannelGain(p, 't1', 99)).tracks[0]!.channel.gainDb).toBe(24);
    expect(expectValid(setChannelGain(p, 'master', -999)).master.gainDb).toBe(-144);
    expect(setChannelGain(p, 't2', -3)).toBe(p);
    expect(setChannelGain(p, 'master', 0)).toBe(p);
    expect(setChannelGain(p, 't1', Number.NaN)).toBe(p);
    expect(setChannelGain(p, 'nobody', -3)).toBe(p);
  });

  it('sets pan, clamped, on any channel', () => {
    const p = mixerProject();
    expect(expectValid(setChannelPan(p, 't1', -0.5)).tracks[0]!.channel.pan).toBe(-0.5);
    expect(expectValid(setChannelPan(p, 'b2', 3)).buses[1]!.channel.pan).toBe(1);
    expect(expectValid(setChannelPan(p, 'master', -0.25)).master.pan).toBe(-0.25);
    expect(setChannelPan(p, 't2', 0.25)).toBe(p);
    expect(setChannelPan(p, 't1', Number.POSITIVE_INFINITY)).toBe(p);
  });

  it('toggles mute and solo as a group, buses too', () => {
    const p = mixerProject();
    const muted = expectValid(toggleMute(p, ['t1', 't3', 'b1']));
    expect(muted.tracks.map((t) => t.channel.mute)).toEqual([true, false, true]);
    expect(muted.buses.map((b) => b.channel.mute)).toEqual([true, false]);
    expect(muted.tracks[2]).toBe(p.tracks[2]);
    expect(expectValid(toggleMute(muted, ['t1', 't3', 'b1'])).tracks.map((t) => t.channel.mute)).toEqual([false, false, false]);
    const soloed = expectValid(toggleSolo(p, ['t2', 'b2']));
    expect(soloed.tracks.map((t) => t.channel.solo)).toEqual([false, true, false]);
    expect(soloed.buses.map((b) => b.channel.solo)).toEqual([false, true]);
    expect(expectValid(toggleSolo(soloed, ['t2', 'b2'])).tracks.map((t) => t.channel.solo)).toEqual([false, false, false]);
    expect(toggleMute(p, [])).toBe(p);
    expect(toggleSolo(p, 'master')).toBe(p);
    expect(toggleSolo(p, 't9')).toBe(p);
  });

  it('makes buses and tracks solo safe and back, one undo step', () => {
    const p = mixerProject();
    const safe = expectValid(toggleSoloSafe(p, 'b2'));
    expect(safe.buses.map((b) => b.channel.soloSafe)).toEqual([false, true]);
    expect(safe.tracks).toBe(p.tracks);
    expect(expectValid(toggleSoloSafe(safe, ['b2'])).buses.map((b) => b.channel.soloSafe)).toEqual([false, false]);
    expect(expectValid(toggleSoloSafe(p, ['t1', 'b1'])).tracks[0]?.channel.soloSafe).toBe(true);
    expect(toggleSoloSafe(p, 'master')).toBe(p);
    const history = applyEdit(p, emptyHistory, 'Make Bus Solo Safe', (doc) => toggleSoloSafe(doc, 'b2'));
    expect(history.history.past).toHaveLength(1);
  });

  it('solos one channel exclusively, and clears every solo when it is alone already', () => {
    const p = expectValid(toggleSolo(mixerProject(), ['t1', 'b1']));
    const alone = expectValid(soloExclusively(p, 't2'));
    expect(alone.tracks.map((t) => t.channel.solo)).toEqual([false, true, false]);
    expect(alone.buses.map((b) => b.channel.solo)).toEqual([false, false]);
    const cleared = expectValid(soloExclusively(alone, 't2'));
    expect([...cleared.tracks, ...cleared.buses].some((owner) => owner.channel.solo)).toBe(false);
    expect(soloExclusively(p, 'master')).toBe(p);
  });

  it('routes outputs to a bus or the master', () => {
    const p = mixerProject();
    const q = expectValid(setChannelOutput(p, ['t1', 't3'], 'b1'));
    expect(q.tracks.map((t) => t.channel.output)).toEqual(['b1', 'b2', 'b1']);
    expect(expectValid(setChannelOutput(q, 't1', 'master')).tracks[0]!.channel.output).toBe('master');
    expect(expectValid(setChannelOutput(p, 'b1', 'b2')).buses[0]!.channel.output).toBe('b2');
    expect(setChannelOutput(p, 't2', 'b2')).toBe(p);
    expect(setChannelOutput(p, 't1', 'nowhere')).toBe(p);
    expect(setChannelOutput(p, 't1', 't2')).toBe(p);
  });

  it('refuses an output that would loop, naming the path', () => {
    const p = expectValid(setChannelOutput(mixerProject(), 'b1', 'b2'));
    expect(() => setChannelOutput(p, 'b2', 'b1')).toThrow(RoutingLoopError);
    expect(() => setChannelOutput(p, 'b2', 'b1')).toThrow(/loop \((Reverb → Delay → Reverb|Delay → Reverb → Delay)\)/);
    expect(() => setChannelOutput(p, 'b1', 'b1')).toThrow('That routing would make a loop (Reverb → Reverb), so it was not changed. Send to a bus that does not feed this one.');
    // Through applyEdit, the refused edit leaves document and history as they were.
    expect(() => applyEdit(p, emptyHistory, 'Change Output', (d) => setChannelOutput(d, 'b2', 'b1'))).toThrow(RoutingLoopError);
  });

  it('knows what owns a channel id', () => {
    const p = mixerProject();
    expect(['t1', 'b2', 'master', 'x1'].map((id) => channelKind(p, id))).toEqual(['track', 'bus', 'master', null]);
    expect(channelKind(project(), 'b1')).toBeNull();
  });
});
