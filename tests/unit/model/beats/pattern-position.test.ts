import { describe, expect, it } from 'vitest';
import { patternBeatAt } from '../../../../src/model/beats/pattern-position';

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
});
