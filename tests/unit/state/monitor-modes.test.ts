import { describe, expect, it } from 'vitest';
import { createTrack } from '../../../src/model/new-track';
import type { MonitorMode, Track } from '../../../src/model/project-schema';
import { monitoredTrackIds } from '../../../renderer/state/monitor-modes';

const keys = { ...createTrack('keys', 'Keys', 2), instrument: { id: 'i1', type: 'synth' } } as unknown as Track;

/** Vox, Guitar and an instrument track, each with the monitor mode given (absent = off, as saved). */
function tracks(vox: MonitorMode | undefined, gtr: MonitorMode | undefined): Track[] {
  const withMode = (track: Track, mode: MonitorMode | undefined): Track => (mode === undefined ? track : { ...track, monitor: mode });
  return [withMode(createTrack('vox', 'Vox', 0), vox), withMode(createTrack('gtr', 'Guitar', 1), gtr), { ...keys, monitor: 'in' }];
}

describe('which tracks monitor their input', () => {
  it('In always, Off never, instrument tracks never', () => {
    for (const playing of [false, true]) expect(monitoredTrackIds(tracks('in', 'off'), { armedTrackId: null, playing, recording: false })).toEqual(['vox']);
  });

  it('Auto: while armed and stopped or recording, not while playing back, not when another track is armed', () => {
    const auto = tracks('auto', 'auto');
    expect(monitoredTrackIds(auto, { armedTrackId: 'vox', playing: false, recording: false })).toEqual(['vox']);
    expect(monitoredTrackIds(auto, { armedTrackId: 'vox', playing: true, recording: false })).toEqual([]);
    expect(monitoredTrackIds(auto, { armedTrackId: 'vox', playing: true, recording: true })).toEqual(['vox']);
    expect(monitoredTrackIds(auto, { armedTrackId: 'gtr', playing: false, recording: false })).toEqual(['gtr']);
    expect(monitoredTrackIds(tracks(undefined, undefined), { armedTrackId: 'vox', playing: false, recording: false })).toEqual([]);
  });
});
