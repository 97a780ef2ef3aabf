/**
 * The small pieces every part of the project schema is built from: ids, finite numbers, gains,
 * pans, names, and the check of a `params` object against a catalog's parameter list (devices,
 * instruments and drum pads alike). Pattern messages are worded to follow "must" (issue-message.ts).
 */
import { z } from 'zod';
import { paramProblem, type ParamSpec } from '../devices/param-spec';

export const id = z
  .string()
  .min(1, 'ids are non-empty strings')
  .max(200)
  .refine((s) => s !== '__proto__', 'ids may not be "__proto__"');
export const finite = z.number().finite();
export const nonNegative = finite.nonnegative();
/** Gain in decibels; below −144 dB is silence for 24-bit output anyway. */
export const gainDb = finite.min(-144).max(24);
export const pan = finite.min(-1).max(1);
export const name = z.string().max(200);
/** Quarter notes per minute, for the project's tempo, tempo changes and a clip's source tempo. */
export const bpm = finite.min(20).max(999);
/** The most beats a bar may have (a time signature's top number, from 1). */
export const maxMeterCount = 32;
/** The note values a time signature's bottom number may be. */
export const meterUnits = [1, 2, 4, 8, 16, 32] as const;
/** [beats per bar, note value]. */
export const timeSignature = z.tuple([z.number().int().min(1).max(maxMeterCount), z.literal(meterUnits)]);

export type Path = (string | number)[];

/**
 * Adds an issue for every parameter of `params` that `specs` does not declare, every declared one
 * that is missing, and every value the parameter cannot hold. `owner` names the device in messages.
 */
export function checkParams(specs: readonly ParamSpec[], owner: string, params: Record<string, number>, context: z.RefinementCtx, path: Path): void {
  for (const key of Object.keys(params)) {
    if (!specs.some((spec) => spec.id === key)) context.addIssue({ code: 'custom', path: [...path, key], message: `${owner} has no parameter "${key}"` });
  }
  for (const spec of specs) {
    const value = params[spec.id];
    if (value === undefined || !Object.hasOwn(params, spec.id)) {
      context.addIssue({ code: 'custom', path, message: `the parameter "${spec.id}" (${spec.name}) is missing` });
      continue;
    }
    const problem = paramProblem(spec, value);
    if (problem) context.addIssue({ code: 'custom', path: [...path, spec.id], message: `${problem} (got ${value})` });
  }
}

/**
 * Adds an issue for each item of `items` that comes before the one ahead of it by `compare`
 * (negative: a before b), or equals it when `unique`. `show` names an item's position in messages.
 */
export function checkSorted<T>(
  items: readonly T[],
  order: { compare: (a: T, b: T) => number; unique: boolean; what: string; show: (item: T) => string },
  context: z.RefinementCtx,
  path: Path,
): void {
  items.forEach((item, i) => {
    const previous = items[i - 1];
    if (previous === undefined) return;
    const difference = order.compare(previous, item);
    if (difference > 0 || (order.unique && difference === 0)) {
      const rule = order.unique ? 'sorted, each after the one before' : 'sorted';
      context.addIssue({ code: 'custom', path: [...path, i], message: `${order.what} must be ${rule} (${order.show(item)} comes after ${order.show(previous)})` });
    }
  });
}
