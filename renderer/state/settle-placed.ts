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
