import { describe, expect, it } from 'vitest';
import { chopLoopToPads, fewestCuts, gridCuts, loopTempo } from '../../../../src/model/beats/loop-to-pads';

describe('a drum loop chopped onto pads', () => {
  it('cuts at the transients, one slice per pad, and writes the pattern that replays them', () => {
    // A 2-second loop at 120 BPM (one bar) with hits on beats 1, 2, 2.5 and 4 (0, 0.5, 0.75, 1.5 s).
    const { slices, pattern } = chopLoopToPads([0.5, 0.75, 1.5], 2, 120, 16, 36);
    expect(slices).toEqual([
      { startSeconds: 0, lengthSeconds: 0.5 },
      { startSeconds: 0.5, lengthSeconds: 0.25 },
      { startSeconds: 0.75, lengthSeconds: 0.75 },
      { startSeconds: 1.5, lengthSeconds: 0.5 },
    ]);
    expect(pattern.length).toBe(4);
    expect(pattern.notes.map((n) => [n.pitch, n.start, n.length])).toEqual([
      [36, 0, 1],
      [37, 1, 0.5],
      [38, 1.5, 1.5],
      [39, 3, 1],
    ]);
  });

  it('keeps at most 16 slices by joining the closest cuts, and always starts at 0', () => {
    const cuts = Array.from({ length: 30 }, (_, i) => 0.1 + i * 0.05 + (i % 3 === 0 ? 0.01 : 0));
    const kept = fewestCuts(cuts, 2, 16);
    expect(kept).toHaveLength(16);
    expect(kept[0]).toBe(0);
    expect([...kept].sort((a, b) => a - b)).toEqual(kept);
    expect(fewestCuts([1.2, 5], 2, 16)).toEqual([0, 1.2]);
  });

  it('cuts on a grid at the loop tempo when asked', () => {
    expect(gridCuts(2, 120, 0.5)).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75]);
    const { pattern } = chopLoopToPads(gridCuts(2, 120, 1), 2, 120, 16, 36);
    expect(pattern.notes.map((n) => n.start)).toEqual([0, 1, 2, 3]);
  });

  it('keeps a loop cut a hair long at whole beats, and an odd one at its exact length', () => {
    expect(chopLoopToPads([], 2.01, 120, 16, 36).pattern.length).toBe(4);
    expect(chopLoopToPads([], 1.3, 120, 16, 36).pattern.length).toBeCloseTo(2.6, 12);
  });

  it('takes the tempo a loop names, else the power-of-two beat count nearest the project tempo', () => {
    expect(loopTempo(137, 3.5, 120)).toBe(137);
    expect(loopTempo(null, 2, 120)).toBe(120);
    expect(loopTempo(null, 1.753, 120)).toBeCloseTo(136.9, 1);
    expect(loopTempo(null, 4, 90)).toBe(120);
  });
});
