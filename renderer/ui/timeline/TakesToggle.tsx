import type { Track } from '../../../src/model/project-schema';
import { useTakeView } from '../../state/take-view-store';
import { takePassesOf } from './take-lanes';

/** Opens or closes a track's take lanes; shown only on a track with recorded takes, with how many lanes it has. */
export function TakesToggle({ track }: { track: Track }) {
  const open = useTakeView((s) => s.open[track.id] === true);
  const lanes = takePassesOf(track).length;
  if (lanes === 0) return null;
  return (
    <button
      type="button"
      className={`takes-toggle ${open ? 'is-open' : ''}`}
      aria-label={`Show takes of ${track.name}`}
      aria-pressed={open}
      title={open ? 'Hide the take lanes' : 'Show the take lanes: click a take to use it, right-click to split the takes'}
      onClick={() => useTakeView.getState().setOpen(track.id, !open)}
    >
      Takes {lanes}
    </button>
  );
}
