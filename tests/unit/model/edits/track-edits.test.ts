import { describe, expect, it } from 'vitest';
import { addTrack, addTrackWithId, deleteTracks, moveTrack, renameTrack, setTrackGain, setTrackPan, toggleMute, toggleSolo } from '../../../../src/model/edits/track-edits';
import { expectValid, project } from './helpers';

const ids = (p: ReturnType<typeof project>) => p.tracks.map((t) => t.id);

describe('track edits', () => {
  it('adds tracks with fresh ids, at the end or at an index', () => {
    const p = project();
    const { project: q, trackId } = addTrackWithId(p);
    expectValid(q);
    expect(trackId).toBe('t4');
    expect(q.tracks[3]).toEqual({ id: 't4', name: 'Track 4', gainDb: 0, pan: 0, mute: false, solo: false, clips: [] });
    expect(q.tracks[0]).toBe(p.tracks[0]);
    expect(ids(expectValid(addTrack(p, { name: 'Bass', index: 0 })))).toEqual(['t4', 't1', 't2', 't3']);
    expect(ids(expectValid(addTrack(p, { index: 99 })))).toEqual(['t1', 't2', 't3', 't4']);
    expect(expectValid(addTrack(p, { name: 'x'.repeat(300) })).tracks[3]!.name).toHaveLength(200);
  });

  it('renames', () => {
    const p = project();
    const q = expectValid(renameTrack(p, 't2', 'Vocals'));
    expect(q.tracks[1]).toEqual({ ...p.tracks[1], name: 'Vocals' });
    expect(q.tracks[0]).toBe(p.tracks[0]);
    expect(renameTrack(p, 't2', 'Vox')).toBe(p);
    expect(renameTrack(p, 't9', 'Vocals')).toBe(p);
    expect(expectValid(renameTrack(p, 't1', 'y'.repeat(201))).tracks[0]!.name).toHaveLength(200);
  });

  it('deletes one or several tracks', () => {
    const p = project();
    expect(ids(expectValid(deleteTracks(p, ['t1', 't3'])))).toEqual(['t2']);
    expect(ids(expectValid(deleteTracks(p, 't2')))).toEqual(['t1', 't3']);
    expect(deleteTracks(p, ['t9'])).toBe(p);
  });

  it('moves a track to an index, clamped', () => {
    const p = project();
    expect(ids(expectValid(moveTrack(p, 't1', 2)))).toEqual(['t2', 't3', 't1']);
    expect(ids(expectValid(moveTrack(p, 't3', 0)))).toEqual(['t3', 't1', 't2']);
    expect(ids(expectValid(moveTrack(p, 't1', 99)))).toEqual(['t2', 't3', 't1']);
    expect(ids(expectValid(moveTrack(p, 't2', -5)))).toEqual(['t2', 't1', 't3']);
    expect(moveTrack(p, 't2', 1)).toBe(p);
    expect(moveTrack(p, 't9', 0)).toBe(p);
    expect(moveTrack(p, 't1', Number.NaN)).toBe(p);
  });

  it('sets gain and pan, clamped', () => {
    const p = project();
    const q = expectValid(setTrackGain(p, ['t1', 't3'], -6));
    expect(q.tracks.map((t) => t.gainDb)).toEqual([-6, -3, -6]);
    expect(q.tracks[1]).toBe(p.tracks[1]);
    expect(expectValid(setTrackGain(p, 't1', 99)).tracks[0]!.gainDb).toBe(24);
    expect(expectValid(setTrackGain(p, 't1', -999)).tracks[0]!.gainDb).toBe(-144);
    expect(setTrackGain(p, 't2', -3)).toBe(p);
    expect(setTrackGain(p, 't2', Number.NaN)).toBe(p);
    expect(expectValid(setTrackPan(p, 't1', -0.5)).tracks[0]!.pan).toBe(-0.5);
    expect(expectValid(setTrackPan(p, 't1', 3)).tracks[0]!.pan).toBe(1);
    expect(setTrackPan(p, 't2', 0.25)).toBe(p);
  });

  it('toggles mute and solo as a group', () => {
    const p = project();
    const muted = expectValid(toggleMute(p, ['t1', 't3']));
    expect(muted.tracks.map((t) => t.mute)).toEqual([true, false, true]);
    expect(muted.tracks[2]).toBe(p.tracks[2]);
    expect(expectValid(toggleMute(muted, ['t1', 't3'])).tracks.map((t) => t.mute)).toEqual([false, false, false]);
    const soloed = expectValid(toggleSolo(p, 't2'));
    expect(soloed.tracks.map((t) => t.solo)).toEqual([false, true, false]);
    expect(expectValid(toggleSolo(soloed, 't2')).tracks.map((t) => t.solo)).toEqual([false, false, false]);
    expect(toggleMute(p, [])).toBe(p);
    expect(toggleSolo(p, 't9')).toBe(p);
  });
});
