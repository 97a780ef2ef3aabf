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
