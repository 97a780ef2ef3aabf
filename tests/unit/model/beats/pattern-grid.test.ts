import { describe, expect, it } from 'vitest';
import { gridStepAt, patternBars, patternLengthInBars, patternLengthOfBars, snapInPattern } from '../../../../src/model/beats/pattern-grid';
import { changingMeters as song } from '../time-maps';

describe('a pattern’s bars and grid follow the song’s meters where its clip sits', () => {
  it('lists the song’s bars over a pattern that spans two meter changes, numbered as the ruler numbers them', () => {
    // A 12-beat pattern whose beat 0 is song beat 4 (bar 2): one 4/4 bar, two 6/8 bars, a 7/8 bar it ends inside.
    expect(patternBars(song, 4, 12)).toEqual([
      { start: 0, length: 4, beatLength: 1, number: 2, meter: [4, 4] },
      { start: 4, length: 3, beatLength: 0.5, number: 3, meter: [6, 8] },
      { start: 7, length: 3, beatLength: 0.5, number: 4, meter: [6, 8] },
      { start: 10, length: 3.5, beatLength: 0.5, number: 5, meter: [7, 8] },
    ]);
  });

  it('starts with the bar the pattern begins inside (a clip that starts mid-bar, or plays from an offset)', () => {
    const bars = patternBars(song, 9.5, 5);
    expect(bars.map((bar) => [bar.start, bar.number])).toEqual([
      [-1.5, 3],
      [1.5, 4],
      [4.5, 5],
    ]);
  });

  it('snaps pattern positions to the song’s grid: bar lines of 6/8 and 7/8, quarters counted from each bar', () => {
    // Pattern beat 0 on song beat 4.
    expect(snapInPattern(5.4, 'bar', song, 4)).toBe(4); // song beat 9.4 is nearer the 6/8 bar at 8 than 11
    expect(snapInPattern(5.6, 'bar', song, 4)).toBe(7); // …and 9.6 nearer 11
    expect(snapInPattern(10.9, 'beat', song, 4, 'floor')).toBe(10); // a 7/8 bar starts at song beat 14
    expect(snapInPattern(13.4, 'beat', song, 4)).toBe(13.5); // its last eighth ends the bar on a quarter grid
    expect(snapInPattern(1.3, '1/16', song, 4, 'ceil')).toBe(1.5);
    expect(snapInPattern(1.3, 'off', song, 4)).toBe(1.3);
    // The same pattern in plain 4/4 would snap 5.6 to bar 4 and 13.4 to 13.
    expect(snapInPattern(5.6, 'bar', { tempo: 120 }, 4)).toBe(4);
    expect(snapInPattern(13.4, 'beat', { tempo: 120 }, 4)).toBe(13);
  });

  it('gives the grid step at a position: a whole bar of the meter there, or the short last step of a 7/8 bar', () => {
    expect(gridStepAt(1, 'bar', song, 4)).toBe(4);
    expect(gridStepAt(5, 'bar', song, 4)).toBe(3);
    expect(gridStepAt(10.2, 'bar', song, 4)).toBe(3.5);
    expect(gridStepAt(13.2, 'beat', song, 4)).toBe(0.5);
    expect(gridStepAt(12.2, 'beat', song, 4)).toBe(1);
    expect(gridStepAt(3, 'off', song, 4)).toBeNull();
  });

  it('counts a pattern’s length in the song’s bars there, and back', () => {
    expect(patternLengthInBars(song, 4, 10)).toBe(3);
    expect(patternLengthOfBars(song, 4, 3)).toBe(10);
    expect(patternLengthOfBars(song, 4, 4)).toBe(13.5);
    expect(patternLengthInBars(song, 0, 4)).toBe(1);
  });
});
