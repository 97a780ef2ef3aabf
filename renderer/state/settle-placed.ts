import { carryAutomation, type ClipShift } from '../../src/model/edits/automation-follow';
import { settleClips } from '../../src/model/edits/overlap-edits';
import type { Project } from '../../src/model/project-schema';
import { sourceDurationsOf, useSamples } from './samples-store';
import { useTimeline } from './timeline-store';

/**
 * Settles clips just put down (dropped, moved, pasted, duplicated) over the others on their
 * tracks the way the user chose in the timeline's toolbar: trim what they cover, or layer.
 */
export function settlePlaced(project: Project, clipIds: Iterable<string>): Project {
  return settleClips(project, clipIds, useTimeline.getState().overlap, { sourceDurations: sourceDurationsOf(project, useSamples.getState().byPath) });
}

/**
 * `after` (clips moved or duplicated from `before` by `shifts`) with their track's automation
 * carried along when the timeline's "Move automation with clips" is on; `after` as it is otherwise.
 */
export function carryPlacedAutomation(before: Project, after: Project, shifts: readonly ClipShift[], copy: boolean): Project {
  return useTimeline.getState().automationFollowsClips ? carryAutomation(before, after, shifts, copy) : after;
}
