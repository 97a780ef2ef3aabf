/**
 * A beat editor's change to one pattern as a document edit: every note clip that plays the
 * pattern (linked copies) hears it. Unknown pattern or no change → the same document.
 */
import type { Pattern, Project } from '../project-schema';

export function editPattern(project: Project, patternId: string, recipe: (pattern: Pattern) => Pattern): Project {
  const pattern = project.patterns[patternId];
  if (!pattern) return project;
  const next = recipe(pattern);
  return next === pattern ? project : { ...project, patterns: { ...project.patterns, [patternId]: next } };
}
