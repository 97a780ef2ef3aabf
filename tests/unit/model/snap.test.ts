import { describe, expect, it } from 'vitest';
import { gridBeats, snapOptions, snapToGrid, type SnapSetting } from '../../../src/model/snap';
import type { TimeMap } from '../../../src/std/clock';
import { changingMeters as changing } from './time-maps';

const fourFour: TimeMap = { tempo: 120, timeSignature: [4, 4] };
const sixEight: TimeMap = { tempo: 120, timeSignature: [6, 8] };

const snap = (beat: number, setting: SnapSetting, map = changing) => snapToGrid(beat, setting, map);

describe('timeline snap', () => {
  it('has a grid step for every setting below the bar, and the bar length given for a bar', () => {
    expect(snapOptions.map((s) => gridBeats(s, 4))).toEqual([4, 2, 1, 0.5, 0.25, 0.125, 2 / 3, 1 / 3, 1 / 6, null]);
    expect(gridBeats('bar', 3)).toBe(3);
  });

  it('snaps to 4/4 bars and beats as before', () => {
    expect(snap(1.3, '1/8', fourFour)).toBe(1.5);
    expect(snap(1.2, '1/8', fourFour)).toBe(1);
    expect(snap(5.9, 'bar', fourFour)).toBe(4);
    expect(snap(6.1, 'bar', fourFour)).toBe(8);
    expect(snap(0.7, '1/8T', fourFour)).toBeCloseTo(2 / 3, 12);
    expect(snap(1.234, 'off', fourFour)).toBe(1.234);
  });

  it('makes a 6/8 bar 3 quarter beats long, not 6', () => {
    expect(snap(2, 'bar', sixEight)).toBe(3);
    expect(snap(1.4, 'bar', sixEight)).toBe(0);
    expect(snap(4.4, 'bar', sixEight)).toBe(3);
    expect(snap(4.6, 'bar', sixEight)).toBe(6);
  });

  it('restarts bars at every meter change', () => {
    // Bar lines: 0, 4, 8 | 11, 14 | 17.5, 21, 24.5 …
    expect(snap(9.4, 'bar', changing)).toBe(8);
    expect(snap(9.6, 'bar', changing)).toBe(11);
    expect(snap(12.6, 'bar', changing)).toBe(14);
    expect(snap(15.7, 'bar', changing)).toBe(14);
    expect(snap(15.8, 'bar', changing)).toBe(17.5);
    expect(snap(23, 'bar', changing)).toBe(24.5);
    expect(snap(22.7, 'bar', changing)).toBe(21);
  });

  it('counts subdivisions from each bar start, and a bar end is always a line', () => {
    // 7/8 bar 17.5–21 on a quarter grid: 17.5, 18.5, 19.5, 20.5, then 21 (a short last step).
    expect(snap(18.4, 'beat', changing)).toBe(18.5);
    expect(snap(20.6, 'beat', changing)).toBe(20.5);
    expect(snap(20.8, 'beat', changing)).toBe(21);
    // 6/8 bar 8–11 on a half-note grid: 8, 10, 11.
    expect(snap(10.4, '1/2', changing)).toBe(10);
    expect(snap(10.6, '1/2', changing)).toBe(11);
    // 1/16 inside the 7/8: 17.5 + k/4.
    expect(snap(17.6, '1/16', changing)).toBe(17.5);
    expect(snap(17.65, '1/16', changing)).toBe(17.75);
  });

  it('floors and ceils on the same lines', () => {
    expect(snapToGrid(13.9, 'bar', changing, 'floor')).toBe(11);
    expect(snapToGrid(14, 'bar', changing, 'floor')).toBe(14);
    expect(snapToGrid(14.01, 'bar', changing, 'ceil')).toBe(17.5);
    expect(snapToGrid(17.5, 'bar', changing, 'ceil')).toBe(17.5);
    expect(snapToGrid(20.6, 'beat', changing, 'ceil')).toBe(21);
    expect(snapToGrid(20.6, 'beat', changing, 'floor')).toBe(20.5);
    expect(snapToGrid(10.2, '1/2', changing, 'ceil')).toBe(11);
    expect(snapToGrid(1.3, 'off', changing, 'ceil')).toBe(1.3);
  });

  it('keeps a position a float hair off a line on that line', () => {
    expect(snapToGrid(17.5 - 1e-12, 'bar', changing, 'floor')).toBe(17.5);
    expect(snapToGrid(17.5 + 1e-12, 'bar', changing, 'ceil')).toBe(17.5);
    expect(snapToGrid(8 - 1e-12, 'beat', changing, 'floor')).toBe(8);
  });
});
