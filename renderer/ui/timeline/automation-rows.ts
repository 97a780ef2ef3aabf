import { automatableParams, laneOf, type AutomatableParam } from '../../../src/model/automation-params';
import type { Project, Track } from '../../../src/model/project-schema';
import { sameLane, useAutomationView } from '../../state/automation-view-store';
import { useTakeView } from '../../state/take-view-store';
import { takePassesOf } from './take-lanes';
import { trackRows } from './track-layout';

/** Pixels of one automation row under a track, and of the row with "Add automation lane". */
export const automationRowHeight = 48;
export const addLaneRowHeight = 30;

type View = Pick<ReturnType<typeof useAutomationView.getState>, 'expanded' | 'added'>;

/** The parameters with a row under an open track: every automated one and the ones picked to add, in the picker's order. */
export function automationRowsOf(project: Project, track: Track, view: View): AutomatableParam[] {
  const added = view.added[track.id] ?? [];
  return automatableParams(project, track).filter((param) => (laneOf(project, param.target, param.param)?.points.length ?? 0) > 0 || added.some((lane) => sameLane(lane, param)));
}

/** Pixels the open automation rows of a track take under its lane (0 when closed). */
export function automationSpan(project: Project, track: Track, view: View): number {
  return view.expanded[track.id] ? automationRowsOf(project, track, view).length * automationRowHeight + addLaneRowHeight : 0;
}

/** The arrangement's rows with the take lanes and automation rows open now. */
export function timelineRows(project: Project): ReturnType<typeof trackRows> {
  const view = useAutomationView.getState();
  const takes = useTakeView.getState().open;
  return trackRows(project.tracks, (track) => automationSpan(project, track, view), (track) => (takes[track.id] ? takePassesOf(track) : []));
}
