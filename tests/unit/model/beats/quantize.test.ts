import { describe, expect, it } from 'vitest';
import { nearestLine, quantizeNotes, swungLine } from '../../../../src/model/beats/quantize';
import { allNotes } from '../../../../src/model/beats/note-edits';
import { note, pattern } from './patterns';

const straight = { grid: 0.25, strength: 1, swing: 50, ends: false };

describe('quantize', () => {
  it('pulls starts fully onto the grid at strength 1', () => {
    const p = pattern(4, '1/16', [note(60, 0.27), note(62, 0.49), note(64, 1.13)]);
    expect(quantizeNotes(p, allNotes(p), straight).pattern.notes.map((n) => n.start)).toEqual([0.25, 0.5, 1.25]);
  });

  it('moves by the strength: 50 % goes halfway', () => {
    const p = pattern(4, '1/16', [note(60, 0.3)]);
    expect(quantizeNotes(p, [0], { ...straight, strength: 0.5 }).pattern.notes[0]!.start).toBeCloseTo(0.275, 12);
    expect(quantizeNotes(p, [0], { ...straight, strength: 0 }).pattern).toBe(p);
  });

  it('swing delays odd lines by (swing − 50) / 50 of a step: 66.7 % lands on the triplet', () => {
    expect(swungLine(1, 0.25, 75)).toBe(0.375);
    expect(swungLine(2, 0.25, 75)).toBe(0.5);
    expect(swungLine(1, 0.5, 200 / 3)).toBeCloseTo(2 / 3, 12);
    const p = pattern(4, '1/16', [note(60, 0.26), note(62, 0.74)]);
    const swung = quantizeNotes(p, allNotes(p), { ...straight, swing: 60 }).pattern.notes.map((n) => n.start);
    expect(swung[0]).toBeCloseTo(0.3, 12);
    expect(swung[1]).toBeCloseTo(0.8, 12);
  });

  it('counts lines from each of the song’s bars: a 7/8 bar ends on a half beat, and a start near it goes there', () => {
    // Bars at 0 (4/4), 4 and 7.5 (7/8, 3.5 beats) on a quarter grid; a 7/8 bar at 11.
    const bars = [{ start: 0, grid: 1 }, { start: 4, grid: 1 }, { start: 7.5, grid: 1 }, { start: 11, grid: 1 }];
    const p = pattern(14, '1/16', [note(60, 7.4), note(62, 8.4), note(64, 2.2), note(65, 10.9)]);
    const quantized = (settings: Partial<Parameters<typeof quantizeNotes>[2]>) => quantizeNotes(p, allNotes(p), { ...straight, grid: 1, ...settings }).pattern.notes.map((n) => n.start);
    // Beats of the bar from 7.5 are 7.5, 8.5, 9.5, 10.5; on one grid from 0 they would be 7, 8, 10, 11.
    expect(quantized({ bars })).toEqual([2, 7.5, 8.5, 11]);
    expect(quantized({})).toEqual([2, 7, 8, 11]);
    // A bar grid of its own in each bar (the 'bar' setting): 4/4 → 4 beats, 7/8 → 3.5.
    const wholeBars = bars.map((bar, i) => ({ ...bar, grid: i === 0 ? 4 : 3.5 }));
    expect(quantizeNotes(p, allNotes(p), { ...straight, bars: wholeBars }).pattern.notes.map((n) => n.start)).toEqual([4, 7.5, 7.5, 11]);
  });

  it('never moves a start to the pattern end or before 0', () => {
    expect(nearestLine(3.95, 0.25, 50, 4)).toBe(3.75);
    expect(nearestLine(-0.01, 0.25, 50, 4)).toBe(0);
  });

  it('pulls ends onto the grid when asked, keeping at least a step', () => {
    const p = pattern(4, '1/16', [note(60, 0.02, 0.4), note(62, 1, 0.05)]);
    const q = quantizeNotes(p, allNotes(p), { ...straight, ends: true }).pattern.notes;
    expect(q.map((n) => [n.start, n.length])).toEqual([[0, 0.5], [1, 0.25]]);
  });
});
