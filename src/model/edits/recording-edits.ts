/**
 * What the document keeps for recording besides takes: the punch range and whether recording
 * punches, and each audio track's input monitoring. Saved with the song, each change one undo step.
 */
import type { MonitorMode, Project } from '../project-schema';
import { isFiniteNumber } from './clip-math';

/** Sets the punch range (beats) and switches punching on; an empty or reversed range changes nothing. */
export function setPunchRange(project: Project, range: { readonly start: number; readonly end: number }): Project {
  if (!isFiniteNumber(range.start) || !isFiniteNumber(range.end) || range.start < 0 || range.end <= range.start) return project;
  const { punch } = project;
  if (punch?.on && punch.start === range.start && punch.end === range.end) return project;
  return { ...project, punch: { start: range.start, end: range.end, on: true } };
}

/**
 * Switches punching on or off. With no punch range yet, switching on takes `fallback` (the loop
 * range) as the range; with neither, nothing changes.
 */
export function togglePunching(project: Project, fallback: { readonly start: number; readonly end: number } | null): Project {
  const { punch } = project;
  if (punch) return { ...project, punch: { ...punch, on: !punch.on } };
  return fallback ? setPunchRange(project, fallback) : project;
}

/** Sets an audio track's input monitoring (`off` leaves the field out). An instrument or unknown track changes nothing. */
export function setMonitorMode(project: Project, trackId: string, mode: MonitorMode): Project {
  const track = project.tracks.find((t) => t.id === trackId);
  if (!track || track.instrument || (track.monitor ?? 'off') === mode) return project;
  return {
    ...project,
    tracks: project.tracks.map((t) => {
      if (t.id !== trackId) return t;
      const { monitor: _was, ...rest } = t;
      return mode === 'off' ? rest : { ...rest, monitor: mode };
    }),
  };
}
