import type { Track } from '../../src/model/project-schema';

/** A track's input monitoring: off, always on (`in`), or `auto` (on while armed and stopped or recording). */
export type MonitorMode = 'off' | 'in' | 'auto';
export const monitorModes: readonly MonitorMode[] = ['off', 'in', 'auto'];

/**
 * The audio tracks whose input is monitored now: `in` always; `auto` while the track is armed and
 * the transport is stopped or recording (as in Ableton Live: playing back, you hear the take, not
 * the input). Instrument tracks play what is played on them and are never monitored.
 */
export function monitoredTrackIds(
  tracks: readonly Track[],
  modes: Readonly<Record<string, MonitorMode>>,
  state: { readonly armedTrackId: string | null; readonly playing: boolean; readonly recording: boolean },
): string[] {
  return tracks
    .filter((track) => {
      if (track.instrument) return false;
      const mode = modes[track.id] ?? 'off';
      return mode === 'in' || (mode === 'auto' && track.id === state.armedTrackId && (!state.playing || state.recording));
    })
    .map((track) => track.id);
}
