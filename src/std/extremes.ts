/**
 * The smallest and largest of a list of numbers, by a loop. `Math.min(...values)` passes every
 * value as an argument, and a few hundred thousand of them (a 200k-note MIDI selection) throw
 * RangeError. Same answers as `Math.min`/`Math.max`: empty → Infinity / −Infinity, NaN → NaN.
 */
export function minOf(values: Iterable<number>): number {
  let least = Infinity;
  for (const value of values) least = Math.min(least, value);
  return least;
}

export function maxOf(values: Iterable<number>): number {
  let most = -Infinity;
  for (const value of values) most = Math.max(most, value);
  return most;
}
