import { masterOwner } from '../../../src/model/automation-params';
import { shownChannelName } from '../../../src/model/channel-names';
import type { Project } from '../../../src/model/project-schema';
import { useAutomationView } from '../../state/automation-view-store';
import { masterColour } from '../../../src/model/track-colours';
import { automationSpan, type TimelineChannel } from './automation-rows';
import { dropRowHeight } from './geometry';

/** Pixels of a bus's or the master's row, and of the row that shows or hides them. */
export const channelRowHeight = 40;
export const channelToggleRowHeight = 28;

type View = Pick<ReturnType<typeof useAutomationView.getState>, 'expanded' | 'added' | 'channelRowsShown'>;

/** The channels without clips that get a row under the tracks: every bus, then the master. */
export function channelRowsOf(project: Project): TimelineChannel[] {
  return [...project.buses.map((bus) => ({ ...bus, name: shownChannelName('bus', bus.name) })), { ...masterOwner(project), name: 'Master', colour: masterColour }];
}

/** Pixels the buses' and master's rows take (their automation rows included), the row that shows or hides them too. */
export function channelRowsSpan(project: Project, view: View): number {
  if (!view.channelRowsShown) return channelToggleRowHeight;
  return channelRowsOf(project).reduce((span, owner) => span + channelRowHeight + automationSpan(project, owner, view), channelToggleRowHeight);
}

/**
 * Pixels from the first track's row down to the last row with a lane: the tracks (`tracksHeight`,
 * their open rows included), the drop row under them, then the buses and the master. The canvas draws the grid down to there.
 */
export function lanesBottom(project: Project, tracksHeight: number): number {
  return tracksHeight + dropRowHeight + channelRowsSpan(project, useAutomationView.getState());
}
