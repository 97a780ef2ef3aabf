import type { Track } from '../../../src/model/project-schema';
import { monitorModes, type MonitorMode } from '../../state/monitor-modes';
import { useRecording } from '../../state/recording-store';

const names: Record<MonitorMode, string> = { off: 'Off', in: 'In', auto: 'Auto' };
const titles: Record<MonitorMode, string> = {
  off: 'Input monitoring off: you hear the track, not the input',
  in: 'Input monitoring on: the input plays through this track (inserts, fader, sends) all the time',
  auto: 'Input monitoring Auto: the input plays through this track while it is armed and stopped or recording',
};

/** An audio track's input monitoring: Off, In or Auto (instrument tracks play what is played on them anyway). */
export function MonitorSelect({ track }: { track: Track }) {
  const mode = track.monitor ?? 'off';
  if (track.instrument) return null;
  return (
    <select
      className={`monitor-select ${mode === 'off' ? '' : 'is-on'}`}
      aria-label={`Monitor input on ${track.name}`}
      title={titles[mode]}
      value={mode}
      onChange={(event) => useRecording.getState().setMonitor(track.id, event.target.value as MonitorMode)}
    >
      {monitorModes.map((choice) => (
        <option key={choice} value={choice}>{names[choice]}</option>
      ))}
    </select>
  );
}
