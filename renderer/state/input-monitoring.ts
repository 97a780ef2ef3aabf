import { monitoredTrackIds } from './monitor-modes';
import { useProject } from './project-store';
import { channelsOf, openInput, useRecording } from './recording-store';
import { runtime } from './runtime';
import { reportError } from './session-store';
import { useTransport } from './transport-store';

/**
 * Keeps the engine's input monitoring in step with the tracks' monitor modes, the armed track, the
 * transport and the chosen input (opened when a track monitors it). Returns the disposer.
 */
export function connectInputMonitoring(): () => void {
  let applied = '';
  let running = Promise.resolve();
  const apply = () => {
    const { armedTrackId, phase, inputId, channels } = useRecording.getState();
    const ids = monitoredTrackIds(useProject.getState().project.tracks, { armedTrackId, playing: useTransport.getState().playing, recording: phase !== null });
    const key = ids.length === 0 ? '' : `${ids.join(',')}|${inputId ?? ''}|${channels}`;
    if (key === applied) return;
    applied = key;
    running = running.then(async () => {
      const { audio } = runtime();
      try {
        const input = ids.length > 0 ? await openInput(inputId) : null;
        audio.monitorInput(input?.input ?? null, ids, channelsOf[channels]);
      } catch (error) {
        applied = '';
        reportError(error);
      }
    });
  };
  const stops = [useRecording.subscribe(apply), useTransport.subscribe(apply), useProject.subscribe(apply)];
  const stopRebuilt = runtime().audio.onRebuilt(() => {
    applied = '';
    apply();
  });
  apply();
  return () => {
    for (const stop of stops) stop();
    stopRebuilt();
  };
}
