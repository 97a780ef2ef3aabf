import { describe, expect, it } from 'vitest';
import { clipBeatAt, laterPasses, maxPassesShown, patternBeatAt } from '../../../../src/model/beats/pattern-position';

describe('pattern position under the playhead', () => {
  const clip = { start: 8, length: 12, offset: 1, loop: true };

  it('is null outside the clip', () => {
    expect(patternBeatAt(clip, 4, 7.99)).toBeNull();
    expect(patternBeatAt(clip, 4, 20)).toBeNull();
  });

  it('starts at the offset and wraps every pattern length when looped', () => {
    expect(patternBeatAt(clip, 4, 8)).toBe(1);
    expect(patternBeatAt(clip, 4, 11)).toBe(0);
    expect(patternBeatAt(clip, 4, 13.5)).toBe(2.5);
  });

  it('is silent after the pattern when not looped', () => {
    expect(patternBeatAt({ ...clip, loop: false }, 4, 10)).toBe(3);
    expect(patternBeatAt({ ...clip, loop: false }, 4, 11)).toBeNull();
  });

  it('runs on past the pattern for the piano roll, where the later passes are drawn', () => {
    expect(clipBeatAt(clip, 4, 8)).toBe(1);
    expect(clipBeatAt(clip, 4, 13.5)).toBe(6.5);
    expect(clipBeatAt(clip, 4, 20)).toBeNull();
    expect(clipBeatAt({ ...clip, loop: false }, 4, 11)).toBeNull();
  });
});

describe('later passes of a looped clip', () => {
  it('lists each pass after the first, the last cut where the clip ends', () => {
    // Offset 1 and 12 beats: pattern beats 1–13 of a 4-beat pattern, so passes 2 (4–8), 3 (8–12) and part of 4 (12–13).
    expect(laterPasses({ start: 8, length: 12, offset: 1, loop: true }, 4)).toEqual([
      { number: 2, start: 4, end: 8 },
      { number: 3, start: 8, end: 12 },
      { number: 4, start: 12, end: 13 },
    ]);
  });

  it('is none for a clip that does not loop or plays one pass, and stops at the cap', () => {
    expect(laterPasses({ start: 0, length: 16, offset: 0, loop: false }, 4)).toEqual([]);
    expect(laterPasses({ start: 0, length: 4, offset: 0, loop: true }, 4)).toEqual([]);
    expect(laterPasses({ start: 0, length: 10_000, offset: 0, loop: true }, 1)).toHaveLength(maxPassesShown);
  });
});
