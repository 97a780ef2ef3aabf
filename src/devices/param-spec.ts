/**
 * How a parameter is declared: once, as data, for the schema (validation), the UI (controls) and
 * the engine (smoothing). Values are plain numbers in the parameter's `unit`; a `bool` is 0 or 1
 * and an `enum` the index of one of its `options`.
 */

/** `ratio` is x:1 (or a filter's Q), `factor` ×x, `bits` a word length, `octaves` a span of pitch, `cents` 1/100 semitone. */
export type ParamUnit = 'dB' | 'Hz' | 'ms' | 's' | '%' | 'ratio' | 'factor' | 'bits' | 'octaves' | 'semitones' | 'cents' | 'pan' | 'bool' | 'enum';

/** How a control maps its travel to the value: evenly (`linear`) or evenly in ratios (`log`, min > 0). */
export type ParamTaper = 'linear' | 'log';

export interface ParamSpec {
  /** Stable key in the document (`params` of a device, or a channel field) and in automation. */
  readonly id: string;
  /** What the UI calls it. */
  readonly name: string;
  readonly unit: ParamUnit;
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly taper: ParamTaper;
  /**
   * How long the engine takes to move to a new value, in milliseconds, along a linear ramp: no
   * zipper noise on gains and pans. 0 applies a new value at the next block.
   */
  readonly smoothingMs: number;
  /** For `enum`: the names of the choices, the value being the index. */
  readonly options?: readonly string[];
}

/** Whether `value` is one a parameter can hold: finite, in range, whole for `bool` and `enum`. */
export function paramProblem(spec: ParamSpec, value: number): string | null {
  if (!Number.isFinite(value)) return `must be a finite number`;
  if (value < spec.min || value > spec.max) return `must be between ${spec.min} and ${spec.max} ${spec.unit}`;
  if ((spec.unit === 'bool' || spec.unit === 'enum') && !Number.isInteger(value)) return `must be a whole number (${describeChoices(spec)})`;
  return null;
}

/** Every parameter of `specs` at its default, by id, in their order. */
export function paramDefaults(specs: readonly ParamSpec[]): Record<string, number> {
  return Object.fromEntries(specs.map((spec) => [spec.id, spec.default]));
}

/** The nearest value a parameter can hold (non-finite values give the default). */
export function clampParam(spec: ParamSpec, value: number): number {
  if (!Number.isFinite(value)) return spec.default;
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  return spec.unit === 'bool' || spec.unit === 'enum' ? Math.round(clamped) : clamped;
}

function describeChoices(spec: ParamSpec): string {
  if (spec.unit === 'bool') return '0 off, 1 on';
  return (spec.options ?? []).map((option, index) => `${index} ${option}`).join(', ');
}
