/**
 * Automation written by moving a control while the transport plays (Touch, Latch, Write): what a
 * recorded pass does to a lane. Pure; the renderer's recorder collects the control's values at
 * the playhead and commits every lane of one pass as one undo step.
 *
 * - **Thinning.** A control sends a value per pointer event (~60 a second). The pass keeps only
 *   the points needed to redraw the recorded shape within the tolerance (`writeTolerance`:
 *   0.1 dB for levels, 0.5 % of the travel for any other parameter), by Ramer–Douglas–Peucker
 *   on the vertical distance: a steady ramp is two points, a held value one.
 * - **Curves.** Points are written with the curve the engine follows between them in the unit
 *   the tolerance is measured in: `linear` (dB, pan, percent), `exponential` for a log-taper
 *   parameter (frequencies and times move geometrically, straight in its drawn scale), `hold` for
 *   switches and choices.
 * - **Punch in and out.** Inside [from, to] the recording replaces the lane; outside, the lane
 *   keeps its values exactly: the pass steps from the lane's old value at `from` into the
 *   recording and back to the old value at `to` (the engine glides over such steps with the
 *   parameter's smoothing time, so they never click).
 */
import type { AutomationCurve } from '../devices/automation-curve';
import { clampParam, type ParamSpec } from '../devices/param-spec';
import { laneOf } from './automation-params';
import { spliceLane } from './lane-values';
import { withPoints } from './edits/automation-edits';
import type { AutomationPoint, Project } from './project-schema';

/** A control's value at a beat of the timeline, as recorded. */
export interface RecordedValue {
  readonly beat: number;
  readonly value: number;
}

/** One stretch of a pass for one lane: the values recorded over beats [from, to]. */
export interface RecordedStretch {
  readonly target: string;
  readonly param: string;
  readonly spec: ParamSpec;
  /** The parameter's value in the document (what a lane without points holds). */
  readonly held: number;
  readonly from: number;
  readonly to: number;
  /** In beat order, within [from, to]. */
  readonly values: readonly RecordedValue[];
}

/** How far a thinned lane may stray from what was recorded, in `thinningScale` units. */
export function writeTolerance(spec: ParamSpec): number {
  return spec.unit === 'dB' ? 0.1 : 0.005;
}

/** The scale thinning measures in: dB as they are, log-taper parameters by log position, others by position in their range. */
function thinningScale(spec: ParamSpec, value: number): number {
  if (spec.unit === 'dB') return value;
  if (spec.taper === 'log' && spec.min > 0) return Math.log(value / spec.min) / Math.log(spec.max / spec.min);
  return (value - spec.min) / (spec.max - spec.min);
}

/** The curve recorded points are joined with (see the header). */
export function recordedCurve(spec: ParamSpec): AutomationCurve {
  if (spec.unit === 'bool' || spec.unit === 'enum') return 'hold';
  return spec.taper === 'log' && spec.min > 0 ? 'exponential' : 'linear';
}

/**
 * The recorded values that keep the shape within `writeTolerance(spec)`: the first and last
 * always, and between them the farthest from the straight line (in the thinning scale) while it
 * is farther than the tolerance. Switches and choices keep only the changes.
 */
export function thinRecording(values: readonly RecordedValue[], spec: ParamSpec): RecordedValue[] {
  if (values.length <= 2) return [...values];
  if (recordedCurve(spec) === 'hold') return values.filter((point, i) => i === 0 || i === values.length - 1 || point.value !== values[i - 1]?.value);
  const scaled = values.map((point) => thinningScale(spec, point.value));
  const tolerance = writeTolerance(spec);
  const keep = new Uint8Array(values.length);
  keep[0] = 1;
  keep[values.length - 1] = 1;
  const stack: [number, number][] = [[0, values.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    const a = values[first] as RecordedValue;
    const b = values[last] as RecordedValue;
    const span = b.beat - a.beat;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const t = span > 0 ? ((values[i] as RecordedValue).beat - a.beat) / span : 0;
      const line = (scaled[first] as number) + ((scaled[last] as number) - (scaled[first] as number)) * t;
      const off = Math.abs((scaled[i] as number) - line);
      if (off > distance) {
        distance = off;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return values.filter((_, i) => keep[i] === 1);
}

/** The document with one recorded stretch written into its lane (see the header); the same document when nothing was recorded. */
export function writeRecordedStretch(project: Project, stretch: RecordedStretch): Project {
  const { spec, from, to } = stretch;
  const recorded = thinRecording(stretch.values, spec);
  if (recorded.length === 0 || !(to >= from)) return project;
  const before = laneOf(project, stretch.target, stretch.param)?.points ?? [];
  const curve = recordedCurve(spec);
  const written: AutomationPoint[] = recorded.map((point) => ({ beat: point.beat, value: clampParam(spec, point.value), curve }));
  const firstValue = written[0]?.value ?? 0;
  const lastValue = written.at(-1)?.value ?? firstValue;
  if ((written[0]?.beat ?? from) > from) written.unshift({ beat: from, value: firstValue, curve });
  if ((written.at(-1)?.beat ?? to) < to) written.push({ beat: to, value: lastValue, curve });
  return withPoints(project, stretch, spliceLane(before, spec, stretch.held, from, to, written));
}
