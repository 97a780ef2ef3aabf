import { channelOwners } from '../../src/model/automation-params';
import { useAutomationModes } from './automation-modes';
import type { AutomationMode } from './automation-recorder';
import { useProject } from './project-store';

/**
 * Sets the automation mode of every track, bus and the master of the open project ("All channels":
 * the mixer's toolbar, the arrangement's row of the buses and master, the app menu's Mix menu).
 * Kept out of `automation-modes.ts`, which Node-world unit tests import without the project store and its DOM.
 */
export function setAllChannelsMode(mode: AutomationMode): void {
  const channels = channelOwners(useProject.getState().project).map((owner) => owner.id);
  useAutomationModes.getState().setModes(channels, mode);
}
