import { createChannel } from '../../../../src/model/new-track';
import { describe, expect, it } from 'vitest';
import {
  addTrack,
  addTrackWithId,
  deleteTracks,
  moveTrack,
  renameTrack,
  setTrackColour,
  setTrackHeight,
} from '../../../../src/model/edits/track-edits';
import { pasteClipsWithResult, type Clipboard } from '../../../../src/model/edits/clip-edits';
import { trackPalette } from '../../../../src/model/track-colours';
import { clip, expectValid, project } from './helpers';

const ids = (p: ReturnType<typeof project>) => p.tracks.map((t) => t.id);

describe('track edits', () => {
  it('adds tracks with fresh ids, at the end or at an index', () => {
    const p = project();
    const { project: q, trackId } = addTrackWithId(p);
    expectValid(q);
    expect(trackId).toBe('t4');
    expect(q.tracks[3]).toEqual({ id: 't4', name: 'Track 4', colour: trackPalette[3], height: 72, channel: createChannel(), clips: [] });
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

  it('colours new tracks from the palette by the track count, cycling', () => {
    let p = project();
    for (let i = 0; i < trackPalette.length; i++) p = addTrack(p);
    const colours = expectValid(p).tracks.map((t) => t.colour);
    expect(colours.slice(3)).toEqual([...trackPalette.slice(3), ...trackPalette.slice(0, 3)]);
    expect(expectValid(addTrack(project(), { index: 0 })).tracks[0]?.colour).toBe(trackPalette[3]);
  });

  it('gives tracks added by a paste a palette colour and the default height too', () => {
    const board: Clipboard = { clips: [{ row: 0, clip: clip('x') }, { row: 1, clip: clip('y') }], sources: { s1: { path: 'Audio/loop.wav' } }, patterns: {} };
    const q = expectValid(pasteClipsWithResult(project(), board, 0, 't3').project);
    expect(q.tracks[3]).toMatchObject({ id: 't4', name: 'Track 4', colour: trackPalette[3], height: 72 });
  });

  it('sets the colour of one or several tracks, lowercase; refuses what is not #rrggbb', () => {
    const p = project();
    const q = expectValid(setTrackColour(p, ['t1', 't3'], '#12AbEf'));
    expect(q.tracks.map((t) => t.colour)).toEqual(['#12abef', p.tracks[1]?.colour, '#12abef']);
    expect(q.tracks[1]).toBe(p.tracks[1]);
    for (const bad of ['12abef', '#12abe', '#12abeg', 'red', '', '#12abef0']) expect(setTrackColour(p, 't1', bad)).toBe(p);
    expect(setTrackColour(p, 't1', p.tracks[0]?.colour ?? '')).toBe(p);
    expect(setTrackColour(p, 't9', '#000000')).toBe(p);
  });

  it('sets the height in whole pixels, clamped to 40…240', () => {
    const p = project();
    expect(expectValid(setTrackHeight(p, ['t1', 't2'], 100)).tracks.map((t) => t.height)).toEqual([100, 100, 120]);
    expect(expectValid(setTrackHeight(p, 't1', 96.6)).tracks[0]?.height).toBe(97);
    expect(expectValid(setTrackHeight(p, 't1', 10)).tracks[0]?.height).toBe(40);
    expect(expectValid(setTrackHeight(p, 't1', 1e9)).tracks[0]?.height).toBe(240);
    expect(setTrackHeight(p, 't3', 120)).toBe(p);
    expect(setTrackHeight(p, 't1', Number.NaN)).toBe(p);
    expect(setTrackHeight(p, 't1', Number.POSITIVE_INFINITY)).toBe(p);
    expect(setTrackHeight(p, 't9', 100)).toBe(p);
  });
});
