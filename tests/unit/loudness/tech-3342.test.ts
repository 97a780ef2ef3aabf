import { afterAll, describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { type Deviation, formatDeviations, type Segment, stereo, tone } from './ebu-signals';

/**
 * EBU Tech 3342 loudness range, cases 1–4 (the synthetic ones; 5 and 6 are programme excerpts):
 * stereo 1 kHz tones stepping between levels, 20 s each, LRA within ±1 LU of the expected value.
 */
const RATE = 48_000;
const deviations: Deviation[] = [];

afterAll(() => {
  console.log(`EBU Tech 3342 deviations\n${formatDeviations(deviations)}`);
});

const cases: { name: string; segments: Segment[]; lra: number }[] = [
  { name: '3342-1', segments: [tone(-20, 20), tone(-30, 20)], lra: 10 },
  { name: '3342-2', segments: [tone(-20, 20), tone(-15, 20)], lra: 5 },
  { name: '3342-3', segments: [tone(-40, 20), tone(-20, 20)], lra: 20 },
  { name: '3342-4', segments: [tone(-50, 20), tone(-35, 20), tone(-20, 20), tone(-35, 20), tone(-50, 20)], lra: 15 },
];

describe('EBU Tech 3342 loudness range (±1 LU)', () => {
  for (const c of cases) {
    it(`case ${c.name.slice(5)}: ${c.segments.map((s) => `${s.level} dBFS`).join(' → ')} reads LRA = ${c.lra} LU`, () => {
      const result = measureLoudness(stereo(c.segments, RATE), RATE);
      deviations.push({ case: c.name, quantity: 'LRA (LU)', expected: c.lra, measured: result.loudnessRangeLu });
      expect(Math.abs(result.loudnessRangeLu - c.lra)).toBeLessThanOrEqual(1);
    });
  }

  it('a steady tone has no loudness range, and a programme under 3 s has none measured', () => {
    expect(measureLoudness(stereo([tone(-20, 10)], RATE), RATE).loudnessRangeLu).toBe(0);
    expect(measureLoudness(stereo([tone(-20, 2.9)], RATE), RATE).loudnessRangeLu).toBe(0);
  });
});
