import * as det from '../../src/std/det-math';
import { seededRandom, type Random } from './seeded-random';

/**
 * The det-math functions under test with the inputs they are checked on (wide ranges, seeded):
 * the unit test compares them with V8's Math.*, the e2e test computes them in Chromium and in
 * Node and requires the same bits.
 */
export interface DetMathCase {
  readonly name: keyof typeof detMathFunctions;
  /** V8's counterpart (itself within 1 ulp of the truth). */
  readonly reference: (x: number, y: number) => number;
  /** How far from `reference` a result may be, in ulp, for the arguments. */
  readonly tolerance: (x: number, y: number) => number;
  /** Arguments, `arity` numbers per call. */
  readonly inputs: (count: number, seed: number) => Float64Array;
}

/** Every function the e2e page may be asked to evaluate, by name. */
export const detMathFunctions = {
  exp: det.exp,
  expm1: det.expm1,
  log: det.log,
  log1p: det.log1p,
  log10: det.log10,
  exp2: det.exp2,
  exp10: det.exp10,
  pow: det.pow,
  sin: det.sin,
  cos: det.cos,
  tan: det.tan,
  tanh: det.tanh,
  atan2: det.atan2,
} satisfies Record<string, (x: number, y: number) => number>;

export const arity = (name: keyof typeof detMathFunctions): number => detMathFunctions[name].length;

const uniform = (random: Random, low: number, high: number): number => low + (high - low) * random.next();
/** Log-uniform magnitude in [low, high], random sign when `signed`. */
const spread = (random: Random, low: number, high: number, signed: boolean): number =>
  Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * random.next()) * (signed && random.next() < 0.5 ? -1 : 1);

/** `count` calls' arguments: each call draws from one of `draws` in turn. */
function drawn(arguments_: number, draws: ((random: Random) => number[])[]): (count: number, seed: number) => Float64Array {
  return (count, seed) => {
    const random = seededRandom(seed);
    const out = new Float64Array(count * arguments_);
    for (let i = 0; i < count; i++) out.set((draws[i % draws.length] as (random: Random) => number[])(random), i * arguments_);
    return out;
  };
}

const within = (ulps: number) => (): number => ulps;

export const detMathCases: readonly DetMathCase[] = [
  { name: 'exp', reference: Math.exp, tolerance: within(1), inputs: drawn(1, [(r) => [uniform(r, -745, 709.78)], (r) => [spread(r, 1e-20, 1, true)]]) },
  { name: 'expm1', reference: Math.expm1, tolerance: within(1), inputs: drawn(1, [(r) => [uniform(r, -50, 709.78)], (r) => [spread(r, 1e-20, 5, true)]]) },
  { name: 'log', reference: Math.log, tolerance: within(1), inputs: drawn(1, [(r) => [spread(r, 1e-320, 1e308, false)], (r) => [uniform(r, 0.5, 2)]]) },
  { name: 'log1p', reference: Math.log1p, tolerance: within(1), inputs: drawn(1, [(r) => [spread(r, 1e-20, 0.9999, true)], (r) => [spread(r, 1e-3, 1e300, false)]]) },
  { name: 'log10', reference: Math.log10, tolerance: within(1), inputs: drawn(1, [(r) => [spread(r, 1e-300, 1e300, false)]]) },
  { name: 'exp2', reference: (x) => Math.pow(2, x), tolerance: within(1), inputs: drawn(1, [(r) => [uniform(r, -1070, 1023)], (r) => [uniform(r, -10, 10)]]) },
  { name: 'exp10', reference: (x) => Math.pow(10, x), tolerance: (x) => 2 + Math.abs(x) / 4, inputs: drawn(1, [(r) => [uniform(r, -15, 15)], (r) => [uniform(r, -300, 300)]]) },
  {
    name: 'pow',
    reference: Math.pow,
    tolerance: (_, y) => 2 + Math.abs(y) / 4,
    inputs: drawn(2, [(r) => [spread(r, 1e-3, 1e3, false), uniform(r, -15, 15)], (r) => [10, uniform(r, -15, 15)], (r) => [2, uniform(r, -10, 10)], (r) => [uniform(r, 0.01, 100), uniform(r, 0, 1)]]),
  },
  { name: 'sin', reference: Math.sin, tolerance: within(1), inputs: drawn(1, [(r) => [uniform(r, -100, 100)], (r) => [spread(r, 1e-10, 1.6e6, true)]]) },
  { name: 'cos', reference: Math.cos, tolerance: within(1), inputs: drawn(1, [(r) => [uniform(r, -100, 100)], (r) => [spread(r, 1e-10, 1.6e6, true)]]) },
  { name: 'tan', reference: Math.tan, tolerance: within(2), inputs: drawn(1, [(r) => [uniform(r, -3.2, 3.2)], (r) => [spread(r, 1e-10, 1e4, true)]]) },
  { name: 'tanh', reference: Math.tanh, tolerance: within(1), inputs: drawn(1, [(r) => [spread(r, 1e-20, 30, true)], (r) => [uniform(r, -3, 3)]]) },
  {
    name: 'atan2',
    reference: Math.atan2,
    tolerance: within(1),
    inputs: drawn(2, [(r) => [uniform(r, -1, 1), uniform(r, -1, 1)], (r) => [spread(r, 1e-30, 1e30, true), spread(r, 1e-30, 1e30, true)]]),
  },
];

/** Evaluates `name` on calls' arguments laid out `arity` per call. */
export function evaluate(name: keyof typeof detMathFunctions, inputs: Float64Array): Float64Array {
  const f = detMathFunctions[name];
  const n = arity(name);
  const out = new Float64Array(inputs.length / n);
  for (let i = 0; i < out.length; i++) out[i] = f(inputs[i * n] as number, inputs[i * n + 1] as number);
  return out;
}
