import type { Project } from '../project-schema';

/** Tempo changes keep clips at their positions in beats (the format's rule). */
export function setTempo(project: Project, tempo: number): Project {
  return tempo === project.tempo ? project : { ...project, tempo };
}

/** Meter changes move nothing: positions are in quarter notes, bars are only drawn differently. */
export function setTimeSignature(project: Project, timeSignature: Project['timeSignature']): Project {
  const [beats, unit] = timeSignature;
  return beats === project.timeSignature[0] && unit === project.timeSignature[1] ? project : { ...project, timeSignature: [beats, unit] };
}
