/** The song's swing (format v4 `swing`, 50–75 %): what every pattern without its own swing plays with. */
import { clampNumber, patternLimits } from './pattern-shape';
import type { Project } from '../project-schema';

export function setSongSwing(project: Project, swing: number): Project {
  if (!Number.isFinite(swing)) return project;
  const value = clampNumber(swing, patternLimits.minSwing, patternLimits.maxSwing);
  return value === project.swing ? project : { ...project, swing: value };
}
