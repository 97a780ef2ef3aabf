import type { Track } from '../../../src/model/project-schema';
import { usePlay } from '../../state/play-store';
import { useRecording } from '../../state/recording-store';

/**
 * The R button, one armed state per track: an audio track is armed for recording audio (one at a
 * time; click again to disarm), an instrument track for playing in and recording notes (the play
 * bar's track: one instrument track always plays, so clicking another moves it there).
 */
export function ArmToggle({ track }: { track: Track }) {
  const audioArmed = useRecording((s) => s.armedTrackId === track.id);
  const notesArmed = usePlay((s) => s.armedTrackId === track.id);
  const instrument = track.instrument !== undefined;
  const armed = instrument ? notesArmed : audioArmed;
  return (
    <button
      type="button"
      className={`track-toggle ${armed ? 'is-armed' : ''}`}
      aria-label={`Arm ${track.name} for recording`}
      aria-pressed={armed}
      title={instrument ? 'Arm for playing in and recording notes (the play bar plays this track)' : 'Arm for recording audio'}
      onClick={() => (instrument ? usePlay.getState().arm(track.id) : useRecording.getState().toggleArm(track.id))}
    >
      R
    </button>
  );
}
