import { describe, expect, it } from 'vitest';
import { blockPercentileMs, timingWindow } from '../../bench/mix-session';
import { binMs } from '../../bench/worklet-harness/block-timing';
import { DEFAULT_SOAK_MINUTES, soakMinutesFrom } from '../../bench/soak.bench';

describe('soak minutes', () => {
  it('takes --minutes N out of the suite names', () => {
    expect(soakMinutesFrom(['soak', '--minutes', '3'])).toEqual({ minutes: 3, rest: ['soak'] });
  });

  it('runs 30 minutes when no length is given', () => {
    expect(soakMinutesFrom(['soak']).minutes).toBe(DEFAULT_SOAK_MINUTES);
    expect(DEFAULT_SOAK_MINUTES).toBe(30);
  });

  it('refuses a length that is not a positive number', () => {
    expect(() => soakMinutesFrom(['soak', '--minutes', 'ten'])).toThrow(/--minutes 3/);
    expect(() => soakMinutesFrom(['soak', '--minutes', '0'])).toThrow();
  });
});

describe('block timing windows', () => {
  const before = { blocks: 10, busyMs: 4, overloads: 1, resolutionMs: 0.005, histogram: [6, 4, 0, 0] };
  const after = { blocks: 110, busyMs: 60, overloads: 2, resolutionMs: 0.005, histogram: [50, 48, 10, 2] };

  it('subtracts the counters of two snapshots', () => {
    expect(timingWindow(before, after)).toEqual({ blocks: 100, busyMs: 56, overloads: 1, resolutionMs: 0.005, histogram: [44, 44, 10, 2] });
  });

  it('finds the duration (the upper edge of a bin) under which a share of the blocks fall', () => {
    const window = timingWindow(before, after);
    expect(blockPercentileMs(window, 0.44)).toBe(binMs);
    expect(blockPercentileMs(window, 0.5)).toBe(2 * binMs);
    expect(blockPercentileMs(window, 0.88)).toBe(2 * binMs);
    expect(blockPercentileMs(window, 0.89)).toBe(3 * binMs);
    expect(blockPercentileMs(window, 0.99)).toBe(4 * binMs);
  });
});
