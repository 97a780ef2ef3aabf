/**
 * What the document keeps for recording besides takes: the punch range and whether recording
 * punches, each audio track's input monitoring, and the loop range and whether the transport loops.
 * Saved with the song, each change one undo step.
 */
import type { MonitorMode, Project } from '../project-schema';
import { isFiniteNumber } from './clip-math';

type Range = { readonly start: number; readonly end: number };
/** The song's switchable ranges: where recording punches, where the transport loops. */
type RangeField = 'punch' | 'loop';

/** Sets the range (beats) and switches it on; an empty, reversed or negative range changes nothing. */
function setRange(project: Project, field: RangeField, range: Range): Project {
  if (!isFiniteNumber(range.start) || !isFiniteNumber(range.end) || range.start < 0 || range.end <= range.start) return project;
  const was = project[field];
  if (was?.on && was.start === range.start && was.end === range.end) return project;
  return { ...project, [field]: { start: range.start, end: range.end, on: true } };
}

/** Switches the range on or off; with none yet, switching on takes `fallback` as the range; with neither, nothing changes. */
function toggleRange(project: Project, field: RangeField, fallback: Range | null): Project {
  const was = project[field];
  if (was) return { ...project, [field]: { ...was, on: !was.on } };
  return fallback ? setRange(project, field, fallback) : project;
}

/** Sets the punch range (beats) and switches punching on; an empty or reversed range changes nothing. */
export const setPunchRange = (project: Project, range: Range): Project => setRange(project, 'punch', range);

/** Switches punching on or off. With no punch range yet, switching on takes `fallback` (the loop range) as the range. */
export const togglePunching = (project: Project, fallback: Range | null): Project => toggleRange(project, 'punch', fallback);

/** Sets the loop range (beats) and switches looping on; an empty or reversed range changes nothing. */
export const setLoopRange = (project: Project, range: Range): Project => setRange(project, 'loop', range);

/** Switches looping on or off, keeping the range; without a loop range nothing changes. */
export const toggleLooping = (project: Project): Project => toggleRange(project, 'loop', null);

/** Where the transport loops: the loop range while looping is on, else null. */
export function activeLoopRange(project: Project): Range | null {
  const { loop } = project;
  return loop?.on ? { start: loop.start, end: loop.end } : null;
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
