import type { Project } from '../project-schema';

/** How many note clips play each pattern, by pattern id: more than one means linked copies. */
export function patternUses(project: Pick<Project, 'tracks'>): Map<string, number> {
  const uses = new Map<string, number>();
  for (const track of project.tracks) for (const clip of track.clips) if (clip.kind === 'notes') uses.set(clip.pattern, (uses.get(clip.pattern) ?? 0) + 1);
  return uses;
}
