import type { Track } from '../../../src/model/project-schema';
import { useTakeView } from '../../state/take-view-store';
import { takePassesOf } from './take-lanes';

/** Opens or closes a track's take lanes; shown on a track with takes to choose from (two passes or more), with how many lanes it has. */
export function TakesToggle({ track }: { track: Track }) {
  const open = useTakeView((s) => s.open[track.id] === true);
  const lanes = takePassesOf(track).length;
  if (lanes < 2) return null;
  return (
    <button
      type="button"
      className={`takes-toggle ${open ? 'is-open' : ''}`}
      aria-label={`Show takes of ${track.name}`}
      aria-pressed={open}
      title={open ? 'Hide the take lanes' : 'Show the take lanes: click a take to use it, right-click to split the takes'}
      onClick={() => useTakeView.getState().setOpen(track.id, !open)}
    >
      <svg viewBox="0 0 12 12" aria-hidden="true"><path d="M1 2h10v2H1zM1 5h10v2H1zM1 8h10v2H1z" /></svg>
      {lanes}
    </button>
  );
}
