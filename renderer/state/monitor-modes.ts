import type { MonitorMode, Track } from '../../src/model/project-schema';

export { monitorModes } from '../../src/model/recording-schema';
export type { MonitorMode };

/**
 * The audio tracks whose input is monitored now, by each track's `monitor` (saved with the song;
 * off when absent): `in` always; `auto` while the track is armed and the transport is stopped or
 * recording (as in Ableton Live: playing back, you hear the take, not the input). Instrument
 * tracks play what is played on them and are never monitored.
 */
export function monitoredTrackIds(
  tracks: readonly Track[],
  state: { readonly armedTrackId: string | null; readonly playing: boolean; readonly recording: boolean },
): string[] {
  return tracks
    .filter((track) => {
      if (track.instrument) return false;
      const mode = track.monitor ?? 'off';
      return mode === 'in' || (mode === 'auto' && track.id === state.armedTrackId && (!state.playing || state.recording));
    })
    .map((track) => track.id);
}
