import type { Track } from '../../../src/model/project-schema';
import { useAutomationView } from '../../state/automation-view-store';
import { useProject } from '../../state/project-store';
import { automationRowsOf } from './automation-rows';

/** The track header's arrow that opens or closes the track's automation rows; it says how many parameters are automated. */
export function AutomationToggle({ track }: { track: Track }) {
  const open = useAutomationView((s) => !!s.expanded[track.id]);
  const count = useProject((s) => automationRowsOf(s.project, track, { expanded: {}, added: {} }).length);
  return (
    <button
      type="button"
      className={`track-toggle automation-toggle ${count > 0 ? 'is-automated' : ''}`}
      aria-label={`Automation lanes of ${track.name}`}
      aria-expanded={open}
      title={count > 0 ? `Automation: ${count} automated parameter${count === 1 ? '' : 's'}` : 'Automation'}
      onClick={() => useAutomationView.getState().setExpanded(track.id, !open)}
    >
      {open ? '▾' : '▸'}
      {count > 0 && <span className="automation-count">{count}</span>}
    </button>
  );
}
