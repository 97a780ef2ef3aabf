import { countInChoices, type CountInBars } from '../../../src/protocol/ipc';
import { useRecording } from '../../state/recording-store';

const names: Record<CountInBars, string> = { 0: 'No count-in', 1: 'Count-in 1 bar', 2: 'Count-in 2 bars' };

/** Bars of clicks before a take starts (kept between sessions); counts down in the Record button's place while they play. */
export function CountInSelect() {
  const bars = useRecording((s) => s.settings.countInBars);
  const countingIn = useRecording((s) => s.phase === 'count-in');
  return (
    <select
      className={`count-in-select ${countingIn ? 'is-counting-in' : ''}`}
      aria-label="Count-in"
      title="Bars of clicks before recording starts"
      value={bars}
      onChange={(event) => void useRecording.getState().setCountInBars(Number(event.target.value) as CountInBars)}
    >
      {countInChoices.map((choice) => (
        <option key={choice} value={choice}>{names[choice]}</option>
      ))}
    </select>
  );
}
