/**
 * Pure edits of automation points. A lane is addressed by its parameter (`LaneAddress`: owner id
 * and parameter id, as in the document) and its points by index in the lane's sorted order.
 * Values are clamped to the parameter's range (whole numbers for switches), beats to ≥ 0; a lane
 * left without points is removed (its parameter goes back to its value in the document). Edits
 * that move or add points return the new indices of those points, for the selection. Same
 * contract as every edit: a new document, or the same one when nothing changes.
 */
import { clampParam, type ParamSpec } from '../../devices/param-spec';
import { laneOf } from '../automation-params';
import type { AutomationCurve, AutomationLane, AutomationPoint, Project } from '../project-schema';
import { isFiniteNumber } from './clip-math';

export interface LaneAddress {
  readonly target: string;
  readonly param: string;
}

/** Copied points, their beats from the first one's. */
export interface AutomationClipboard {
  readonly points: readonly AutomationPoint[];
  /** From the first point to the last, in beats. */
  readonly span: number;
}

/** The result of an edit that places points: the document and where the points landed. */
export interface PlacedPoints {
  readonly project: Project;
  readonly indices: readonly number[];
}

/** Adds a point (linear by default); a point on a beat others share goes after them. */
export function addAutomationPoint(project: Project, lane: LaneAddress, spec: ParamSpec, beat: number, value: number, curve: AutomationCurve = 'linear'): PlacedPoints {
  if (!isFiniteNumber(beat) || !isFiniteNumber(value)) return { project, indices: [] };
  return placePoints(project, lane, spec, laneOf(project, lane.target, lane.param)?.points ?? [], [{ beat, value, curve }]);
}

/** Moves the points at `indices` by `beats` and `value` (in the parameter's unit), clamped. */
export function moveAutomationPoints(project: Project, lane: LaneAddress, spec: ParamSpec, indices: readonly number[], beats: number, value: number): PlacedPoints {
  const points = laneOf(project, lane.target, lane.param)?.points;
  const chosen = new Set(indices);
  if (!points || chosen.size === 0 || !isFiniteNumber(beats) || !isFiniteNumber(value) || (beats === 0 && value === 0)) return { project, indices };
  const moved = points.filter((_, i) => chosen.has(i)).map((point) => ({ ...point, beat: point.beat + beats, value: point.value + value }));
  return placePoints(project, lane, spec, points.filter((_, i) => !chosen.has(i)), moved);
}

/** Removes the points at `indices`; the lane goes when it has none left. */
export function removeAutomationPoints(project: Project, lane: LaneAddress, indices: readonly number[]): Project {
  const points = laneOf(project, lane.target, lane.param)?.points;
  const chosen = new Set(indices);
  if (!points || !points.some((_, i) => chosen.has(i))) return project;
  return withPoints(project, lane, points.filter((_, i) => !chosen.has(i)));
}

/** Sets how the value moves on from the points at `indices`. */
export function setAutomationCurve(project: Project, lane: LaneAddress, indices: readonly number[], curve: AutomationCurve): Project {
  const points = laneOf(project, lane.target, lane.param)?.points;
  const chosen = new Set(indices);
  if (!points || !points.some((point, i) => chosen.has(i) && point.curve !== curve)) return project;
  return withPoints(project, lane, points.map((point, i) => (chosen.has(i) ? { ...point, curve } : point)));
}

/** The points at `indices`, for pasting elsewhere; null when none are chosen. */
export function copyAutomationPoints(project: Project, lane: LaneAddress, indices: readonly number[]): AutomationClipboard | null {
  const chosen = new Set(indices);
  const points = (laneOf(project, lane.target, lane.param)?.points ?? []).filter((_, i) => chosen.has(i));
  const first = points[0];
  if (!first) return null;
  return { points: points.map((point) => ({ ...point, beat: point.beat - first.beat })), span: (points.at(-1)?.beat ?? first.beat) - first.beat };
}

/**
 * Pastes copied points with the first at `beat`, replacing the lane's points in the pasted span
 * (as a DAW pastes automation over what was there); values clamped to this lane's parameter.
 */
export function pasteAutomationPoints(project: Project, lane: LaneAddress, spec: ParamSpec, clipboard: AutomationClipboard, beat: number): PlacedPoints {
  if (!isFiniteNumber(beat) || clipboard.points.length === 0) return { project, indices: [] };
  const at = Math.max(0, beat);
  const kept = (laneOf(project, lane.target, lane.param)?.points ?? []).filter((point) => point.beat < at || point.beat > at + clipboard.span);
  return placePoints(project, lane, spec, kept, clipboard.points.map((point) => ({ ...point, beat: point.beat + at })));
}

/** Puts `added` among `kept` in beat order (after equal beats), clamped; returns their indices. */
function placePoints(project: Project, lane: LaneAddress, spec: ParamSpec, kept: readonly AutomationPoint[], added: readonly AutomationPoint[]): PlacedPoints {
  const fresh = added.map((point) => ({ ...point, beat: Math.max(0, point.beat), value: clampParam(spec, point.value) }));
  const tagged = [...kept.map((point) => ({ point, added: false })), ...fresh.map((point) => ({ point, added: true }))];
  // A stable sort: kept points stay before added ones on the same beat.
  tagged.sort((a, b) => a.point.beat - b.point.beat);
  const indices = tagged.flatMap((entry, i) => (entry.added ? [i] : []));
  const points = tagged.map((entry) => entry.point);
  const before = laneOf(project, lane.target, lane.param)?.points ?? [];
  if (samePoints(before, points)) return { project, indices };
  return { project: withPoints(project, lane, points), indices };
}

/** The document with the lane of `lane` holding `points` (created when new; removed when `points` is empty). */
export function withPoints(project: Project, lane: LaneAddress, points: readonly AutomationPoint[]): Project {
  const index = project.automation.findIndex((candidate) => candidate.target === lane.target && candidate.param === lane.param);
  const next: AutomationLane = { target: lane.target, param: lane.param, points: [...points] };
  if (index < 0) return points.length === 0 ? project : { ...project, automation: [...project.automation, next] };
  const automation = points.length === 0 ? project.automation.filter((_, i) => i !== index) : project.automation.map((candidate, i) => (i === index ? next : candidate));
  return { ...project, automation };
}

function samePoints(a: readonly AutomationPoint[], b: readonly AutomationPoint[]): boolean {
  return a.length === b.length && a.every((point, i) => point.beat === b[i]?.beat && point.value === b[i]?.value && point.curve === b[i]?.curve);
}
