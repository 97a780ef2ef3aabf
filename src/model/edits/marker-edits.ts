/**
 * Markers: named positions on the timeline, in beats, kept sorted by beat as the format requires.
 * The contract of the other edits holds: a new document, untouched markers keep their identity,
 * the very same document when nothing changes (an unknown id, an equal value, a non-finite beat).
 * Beats below 0 are clamped to 0 and names cut to 200 characters. A marker placed or moved onto
 * a beat that other markers share goes after them.
 */
import type { Beats } from '../../std/units';
import type { Marker, Project } from '../project-schema';
import { isFiniteNumber, maxNameLength } from './clip-math';
import { idAllocator, markerIdsOf } from './ids';

/** `markers` with `marker` inserted after every marker at or before its beat. */
function insertSorted(markers: readonly Marker[], marker: Marker): Marker[] {
  const index = markers.findIndex((other) => other.beat > marker.beat);
  return index < 0 ? [...markers, marker] : [...markers.slice(0, index), marker, ...markers.slice(index)];
}

/**
 * Adds a marker at `at` (clamped to ≥ 0) named `name` (default "Marker N", N being the new
 * marker count) and returns its id too; a non-finite beat adds nothing (`markerId` null).
 */
export function addMarkerWithId(project: Project, at: Beats, name?: string): { project: Project; markerId: string | null } {
  if (!isFiniteNumber(at)) return { project, markerId: null };
  const markerId = idAllocator('m', markerIdsOf(project))();
  const marker: Marker = { id: markerId, beat: Math.max(0, at), name: (name ?? `Marker ${project.markers.length + 1}`).slice(0, maxNameLength) };
  return { project: { ...project, markers: insertSorted(project.markers, marker) }, markerId };
}

export function addMarker(project: Project, at: Beats, name?: string): Project {
  return addMarkerWithId(project, at, name).project;
}

/** Moves a marker to `to` (clamped to ≥ 0), re-sorting the list. */
export function moveMarker(project: Project, markerId: string, to: Beats): Project {
  const marker = project.markers.find((m) => m.id === markerId);
  if (!marker || !isFiniteNumber(to)) return project;
  const beat = Math.max(0, to);
  if (beat === marker.beat) return project;
  return { ...project, markers: insertSorted(project.markers.filter((m) => m !== marker), { ...marker, beat }) };
}

export function renameMarker(project: Project, markerId: string, name: string): Project {
  const cut = name.slice(0, maxNameLength);
  const marker = project.markers.find((m) => m.id === markerId);
  if (!marker || marker.name === cut) return project;
  return { ...project, markers: project.markers.map((m) => (m === marker ? { ...marker, name: cut } : m)) };
}

export function deleteMarker(project: Project, markerId: string): Project {
  const markers = project.markers.filter((m) => m.id !== markerId);
  return markers.length === project.markers.length ? project : { ...project, markers };
}
