import { useAutomationView } from '../../state/automation-view-store';
import { useProject } from '../../state/project-store';
import { automationRowsOf, type TimelineChannel } from './automation-rows';

/** A channel header's arrow (a track's, a bus's, the master's) that opens or closes its automation rows; it says how many parameters are automated. */
export function AutomationToggle({ owner }: { owner: TimelineChannel }) {
  const open = useAutomationView((s) => !!s.expanded[owner.id]);
  const count = useProject((s) => automationRowsOf(s.project, owner, { expanded: {}, added: {} }).length);
  return (
    <button
      type="button"
      className={`track-toggle automation-toggle ${count > 0 ? 'is-automated' : ''}`}
      aria-label={`Automation lanes of ${owner.name}`}
      aria-expanded={open}
      title={count > 0 ? `Automation: ${count} automated parameter${count === 1 ? '' : 's'}` : 'Automation'}
      onClick={() => useAutomationView.getState().setExpanded(owner.id, !open)}
    >
      {open ? '▾' : '▸'}
      {count > 0 && <span className="automation-count">{count}</span>}
    </button>
  );
}
