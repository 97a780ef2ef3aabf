import { automatableParams, laneOf, type AutomatableParam, type ChannelOwner } from '../../../src/model/automation-params';
import type { Project } from '../../../src/model/project-schema';
import { sameLane, useAutomationView } from '../../state/automation-view-store';
import { useTakeView } from '../../state/take-view-store';
import { takePassesOf } from './take-lanes';
import { trackRows } from './track-layout';

/** Pixels of one automation row under a channel's row, and of the row with "Add automation lane". */
export const automationRowHeight = 48;
export const addLaneRowHeight = 30;

/**
 * A channel as the arrangement shows it: a track, a bus or the master, with its name and colour.
 * Tracks and buses are ones as they are; the master's is made by `channelRowsOf`.
 */
export interface TimelineChannel extends ChannelOwner {
  readonly name: string;
  readonly colour: string;
}

type View = Pick<ReturnType<typeof useAutomationView.getState>, 'expanded' | 'added'>;

/** The parameters with a row under an open channel: every automated one and the ones picked to add, in the picker's order. */
export function automationRowsOf(project: Project, owner: ChannelOwner, view: View): AutomatableParam[] {
  const added = view.added[owner.id] ?? [];
  return automatableParams(project, owner).filter((param) => (laneOf(project, param.target, param.param)?.points.length ?? 0) > 0 || added.some((lane) => sameLane(lane, param)));
}

/** Pixels the open automation rows of a channel take under its row (0 when closed). */
export function automationSpan(project: Project, owner: ChannelOwner, view: View): number {
  return view.expanded[owner.id] ? automationRowsOf(project, owner, view).length * automationRowHeight + addLaneRowHeight : 0;
}

/** The arrangement's track rows with the take lanes and automation rows open now. */
export function timelineRows(project: Project): ReturnType<typeof trackRows> {
  const view = useAutomationView.getState();
  const takes = useTakeView.getState().open;
  return trackRows(project.tracks, (track) => automationSpan(project, track, view), (track) => (takes[track.id] ? takePassesOf(track) : []));
}
