import { useShallow } from 'zustand/react/shallow';
import { channelOwners } from '../../src/model/automation-params';
import { automationModes, type AutomationMode } from '../state/automation-recorder';
import { setAllChannelsMode } from '../state/all-channels-mode';
import { sharedMode, useAutomationModes } from '../state/automation-modes';
import { useProject } from '../state/project-store';
import { modeHints, modeNames } from './AutomationModeSelect';

/**
 * "All channels: Read / Touch / Latch / Write": sets the automation mode of every track, bus and
 * the master at once (the mixer's toolbar, the arrangement's row of the buses and master). Shows
 * the mode they share, or "Mixed".
 */
export function AllChannelsModeSelect({ className }: { className: string }) {
  const channels = useProject(useShallow((s) => channelOwners(s.project).map((owner) => owner.id)));
  const shared = useAutomationModes((s) => sharedMode(s.modes, channels));
  return (
    <label className={`all-channels-mode ${className}`} title="Set the automation mode of every track, bus and the master">
      All channels:
      <select
        className={`automation-mode-select ${shared === 'read' || shared === null ? '' : 'is-writing'}`}
        aria-label="Automation mode of all channels"
        value={shared ?? 'mixed'}
        onChange={(event) => setAllChannelsMode(event.target.value as AutomationMode)}
      >
        {shared === null && (
          <option value="mixed" disabled>
            Mixed
          </option>
        )}
        {automationModes.map((option) => (
          <option key={option} value={option} title={modeHints[option]}>
            {modeNames[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
