/**
 * “Make unique”: note clips that play a pattern other clips play too (linked copies) each get a
 * copy of it of their own, so editing them no longer edits their siblings. A clip whose pattern
 * no other clip plays is left alone, so of a group of linked clips that are all selected, the last
 * keeps the pattern. Nothing to break off → the same document (no empty undo step).
 */
import { idAllocator } from '../edits/ids';
import type { Clip, Pattern, Project } from '../project-schema';
import { patternUses } from './pattern-uses';

/** How many of `clipIds` are linked copies that `makeClipsUnique` would break off. */
export function linkedAmong(project: Project, clipIds: readonly string[]): number {
  const uses = patternUses(project);
  const wanted = new Set(clipIds);
  let linked = 0;
  for (const track of project.tracks) for (const clip of track.clips) if (wanted.has(clip.id) && clip.kind === 'notes' && (uses.get(clip.pattern) ?? 0) > 1) linked++;
  return linked;
}

export function makeClipsUnique(project: Project, clipIds: readonly string[]): Project {
  const uses = patternUses(project);
  const wanted = new Set(clipIds);
  const patterns: Record<string, Pattern> = { ...project.patterns };
  const newPatternId = idAllocator('p', Object.keys(patterns));
  let changed = false;
  const tracks = project.tracks.map((track) => {
    let trackChanged = false;
    const clips = track.clips.map((clip): Clip => {
      if (!wanted.has(clip.id) || clip.kind !== 'notes') return clip;
      const pattern = patterns[clip.pattern];
      const count = uses.get(clip.pattern) ?? 0;
      if (!pattern || count < 2) return clip;
      uses.set(clip.pattern, count - 1);
      const id = newPatternId();
      patterns[id] = { ...pattern, notes: pattern.notes.map((note) => ({ ...note })) };
      uses.set(id, 1);
      trackChanged = true;
      return { ...clip, pattern: id };
    });
    if (!trackChanged) return track;
    changed = true;
    return { ...track, clips };
  });
  return changed ? { ...project, patterns, tracks } : project;
}
