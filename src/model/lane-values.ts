/**
 * An automation lane's values over beats, as the engine plays them, and the one way to replace a
 * stretch of a lane while keeping it exactly as it was outside (written automation, automation
 * that moves with its clips).
 */
import { curveCodes, curveValue, movesGeometrically, type AutomationCurve } from '../devices/automation-curve';
import type { ParamSpec } from '../devices/param-spec';
import type { AutomationPoint } from './project-schema';

/** The value a lane gives its parameter at `beat` (`held` when it has no points), as the engine plays it. */
export function laneValueAt(points: readonly AutomationPoint[], spec: ParamSpec, beat: number, held: number): number {
  const first = points[0];
  if (!first) return held;
  let at = -1;
  for (let i = 0; i < points.length && (points[i] as AutomationPoint).beat <= beat; i++) at = i;
  if (at < 0) return first.value;
  const point = points[at] as AutomationPoint;
  const next = points[at + 1];
  if (!next) return point.value;
  const t = (beat - point.beat) / (next.beat - point.beat);
  return curveValue(curveCodes[point.curve], movesGeometrically(spec, point.value, next.value), point.value, next.value, t);
}

/** The curve a lane follows at `beat` (that of the last point at or before it). */
function curveAt(points: readonly AutomationPoint[], beat: number): AutomationCurve {
  let curve: AutomationCurve = 'linear';
  for (const point of points) if (point.beat <= beat) curve = point.curve;
  return curve;
}

/**
 * The lane with its stretch [from, to] replaced by `inserted` (sorted, within [from, to]): the
 * lane steps from its own value at `from` into the inserted points and, after the last one, back
 * to its own value at `to` (the engine glides over such steps with the parameter's smoothing
 * time), so outside the stretch it plays exactly as before. `held`: the parameter's value in the
 * document, what a lane without points holds.
 */
export function spliceLane(points: readonly AutomationPoint[], spec: ParamSpec, held: number, from: number, to: number, inserted: readonly AutomationPoint[]): AutomationPoint[] {
  if (inserted.length === 0) return [...points];
  const lead = points.filter((point) => point.beat < from);
  const tail = points.filter((point) => point.beat > to);
  const enter: AutomationPoint[] = lead.length > 0 || from > 0 ? [{ beat: from, value: laneValueAt(points, spec, from, held), curve: 'hold' }] : [];
  const body = inserted.map((point, i) => (i === inserted.length - 1 ? { ...point, curve: 'hold' as const } : point));
  const leave: AutomationPoint = { beat: to, value: laneValueAt(points, spec, to, held), curve: curveAt(points, to) };
  return withoutRedundant([...lead, ...enter, ...body, leave, ...tail]);
}

/**
 * The same lane with fewer points: a point that repeats the one before it on the same beat and
 * value goes (the later one, with its curve, stays), and so does a point between two of the same
 * value (any curve between equal values is flat).
 */
export function withoutRedundant(points: readonly AutomationPoint[]): AutomationPoint[] {
  const kept: AutomationPoint[] = [];
  for (const point of points) {
    const previous = kept.at(-1);
    if (previous && previous.beat === point.beat && previous.value === point.value) kept[kept.length - 1] = point;
    else kept.push(point);
  }
  return kept.filter((point, i) => {
    const previous = kept[i - 1];
    const next = kept[i + 1];
    return !previous || !next || previous.value !== point.value || next.value !== point.value;
  });
}
