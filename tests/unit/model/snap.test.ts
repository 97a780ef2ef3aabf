import { describe, expect, it } from 'vitest';
import { ceilToGrid, floorToGrid, gridBeats, snapBeats, snapOptions } from '../../../src/model/snap';

describe('timeline snap', () => {
  it('has a grid step for every setting', () => {
    expect(snapOptions.map((s) => gridBeats(s, 4))).toEqual([4, 2, 1, 0.5, 0.25, 0.125, 2 / 3, 1 / 3, 1 / 6, null]);
    expect(gridBeats('bar', 3)).toBe(3);
  });

  it('rounds to the nearest line, or floors, and leaves positions alone when off', () => {
    expect(snapBeats(1.3, 0.5)).toBe(1.5);
    expect(snapBeats(1.2, 0.5)).toBe(1);
    expect(snapBeats(5.9, 4)).toBe(4);
    expect(snapBeats(1.234, null)).toBe(1.234);
    expect(floorToGrid(7.99, 4)).toBe(4);
    expect(floorToGrid(8, 4)).toBe(8);
    expect(snapBeats(0.7, 1 / 3)).toBeCloseTo(2 / 3, 12);
    expect(ceilToGrid(4.01, 4)).toBe(8);
    expect(ceilToGrid(8, 4)).toBe(8);
    expect(ceilToGrid(1.3, null)).toBe(1.3);
  });
});
