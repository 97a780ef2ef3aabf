/**
 * How an automated parameter moves from one point to the next, written once: the engine plays
 * it, the timeline draws it, and the format documents it (docs/project-format.md, "An automation
 * lane").
 *
 * - `linear`: a straight line in the parameter's unit.
 * - `exponential`: perceptually even for the parameter. A log-taper parameter (frequencies in Hz,
 *   times in ms — the catalog's `taper: 'log'`, where equal ratios sound like equal steps) moves
 *   geometrically, a · (b / a)^t, so a sweep from 100 Hz to 10 kHz passes 1 kHz halfway. Any
 *   other parameter (levels in dB, which are already logarithmic, pans, percentages) bends:
 *   a + (b − a) · (e^(4t) − 1) / (e^4 − 1), slow then fast — a fade that holds its level and
 *   then drops, or swells late. Halfway it has covered (e² − 1) / (e⁴ − 1) ≈ 11.9 % of the way.
 * - `hold`: the value stays until the next point, then steps there.
 */
import { exp, expInPlace, powInPlace } from '../std/det-math';
import type { ParamSpec } from './param-spec';

export const automationCurves = ['linear', 'exponential', 'hold'] as const;

export type AutomationCurve = (typeof automationCurves)[number];

/** A curve as a small integer, for typed arrays in the engine: its index in `automationCurves`. */
export const curveCodes = { linear: 0, exponential: 1, hold: 2 } as const satisfies Record<AutomationCurve, number>;

/** How sharply the non-geometric exponential bends: e^(4t). */
const bend = 4;
const bendScale = 1 / (exp(bend) - 1);

/** Whether `exponential` moves a parameter geometrically (equal ratios), i.e. a log-taper one with both values above 0. */
export function movesGeometrically(spec: Pick<ParamSpec, 'taper'>, from: number, to: number): boolean {
  return spec.taper === 'log' && from > 0 && to > 0;
}

/**
 * The value a fraction `t` (0 to 1) of the way from a point holding `from` (with curve `code`)
 * to the next point holding `to`. `geometric`: see `movesGeometrically`.
 */
export function curveValue(code: number, geometric: boolean, from: number, to: number, t: number): number {
  const scratch = curveScratch;
  scratch[0] = from;
  scratch[1] = to;
  writeCurveValue(scratch, 2, code, geometric, scratch, 0, 1, t, 1);
  return scratch[2] as number;
}

const curveScratch = new Float64Array(3);
/** The power's base and exponent, or the bend's exponent, for det-math to work on in place. */
const base = new Float64Array(1);
const exponent = new Float64Array(1);

/**
 * `curveValue` for the audio thread: from `values[from]` to `values[to]`, `done` of `length`
 * frames along, written into `out[at]`. Whole numbers in and the result in an array: a double
 * passed to or returned from a call that is not inlined would be boxed on every block.
 */
export function writeCurveValue(out: Float64Array, at: number, code: number, geometric: boolean, values: Float64Array, from: number, to: number, done: number, length: number): void {
  const a = values[from] as number;
  const b = values[to] as number;
  const t = done / length;
  if (code === curveCodes.hold) out[at] = t < 1 ? a : b;
  else if (code !== curveCodes.exponential) out[at] = a + (b - a) * t;
  else if (geometric) {
    base[0] = b / a;
    exponent[0] = t;
    powInPlace(base, exponent, 0, 1);
    out[at] = a * (base[0] as number);
  } else {
    exponent[0] = bend * t;
    expInPlace(exponent, 0, 1);
    out[at] = a + (b - a) * ((exponent[0] as number) - 1) * bendScale;
  }
}
