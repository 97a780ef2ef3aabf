import { describe, expect, it } from 'vitest';
import { maxOf, minOf } from '../../../src/std/extremes';

describe('minOf / maxOf', () => {
  it('take 300,000 values (Math.min(...values) throws RangeError there)', () => {
    const values = Array.from({ length: 300_000 }, (_, i) => ((i * 7919) % 300_000) - 1000);
    expect(minOf(values)).toBe(-1000);
    expect(maxOf(values)).toBe(298_999);
    expect(maxOf(new Float64Array(values))).toBe(298_999);
  });

  it('answer as Math.min / Math.max for empty lists and NaN', () => {
    expect(minOf([])).toBe(Infinity);
    expect(maxOf([])).toBe(-Infinity);
    expect(minOf([3, Number.NaN, 1])).toBeNaN();
    expect(maxOf([-2, -5])).toBe(-2);
  });
});
