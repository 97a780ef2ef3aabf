import type { ClipRef } from '../../../src/model/edits/selection';
import type { Project } from '../../../src/model/project-schema';

/** The timeline keeps selected clip ids (unique project-wide); edits take refs with the track. */
export function refsOf(project: Project, clipIds: readonly string[]): ClipRef[] {
  const wanted = new Set(clipIds);
  const refs: ClipRef[] = [];
  for (const track of project.tracks) for (const clip of track.clips) if (wanted.has(clip.id)) refs.push({ trackId: track.id, clipId: clip.id });
  return refs;
}
