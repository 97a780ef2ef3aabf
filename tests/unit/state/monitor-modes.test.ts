import { describe, expect, it } from 'vitest';
import { createTrack } from '../../../src/model/new-track';
import { monitoredTrackIds } from '../../../renderer/state/monitor-modes';

const vox = createTrack('vox', 'Vox', 0);
const gtr = createTrack('gtr', 'Guitar', 1);
const keys = { ...createTrack('keys', 'Keys', 2), instrument: { id: 'i1', type: 'synth' } } as unknown as typeof vox;
const tracks = [vox, gtr, keys];

describe('which tracks monitor their input', () => {
  it('In always, Off never, instrument tracks never', () => {
    const modes = { vox: 'in', gtr: 'off', keys: 'in' } as const;
    for (const playing of [false, true]) expect(monitoredTrackIds(tracks, modes, { armedTrackId: null, playing, recording: false })).toEqual(['vox']);
  });

  it('Auto: while armed and stopped or recording, not while playing back, not when another track is armed', () => {
    const modes = { vox: 'auto', gtr: 'auto' } as const;
    expect(monitoredTrackIds(tracks, modes, { armedTrackId: 'vox', playing: false, recording: false })).toEqual(['vox']);
    expect(monitoredTrackIds(tracks, modes, { armedTrackId: 'vox', playing: true, recording: false })).toEqual([]);
    expect(monitoredTrackIds(tracks, modes, { armedTrackId: 'vox', playing: true, recording: true })).toEqual(['vox']);
    expect(monitoredTrackIds(tracks, modes, { armedTrackId: 'gtr', playing: false, recording: false })).toEqual(['gtr']);
    expect(monitoredTrackIds(tracks, {}, { armedTrackId: 'vox', playing: false, recording: false })).toEqual([]);
  });
});
