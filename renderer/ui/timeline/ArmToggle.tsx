import type { Track } from '../../../src/model/project-schema';
import { useRecording } from '../../state/recording-store';

/** The R button: arms an audio track for recording (one track at a time; instrument tracks take notes, not audio). */
export function ArmToggle({ track }: { track: Track }) {
  const armed = useRecording((s) => s.armedTrackId === track.id);
  const toggleArm = useRecording((s) => s.toggleArm);
  if (track.instrument) return null;
  return (
    <button
      type="button"
      className={`track-toggle ${armed ? 'is-armed' : ''}`}
      aria-label={`Arm ${track.name} for recording`}
      aria-pressed={armed}
      title="Arm for recording"
      onClick={() => toggleArm(track.id)}
    >
      R
    </button>
  );
}
