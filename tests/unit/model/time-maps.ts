import type { TimeMap } from '../../../src/std/clock';

/** 4/4 for bars 0–1 (beats 0–8), 6/8 for bars 2–3 (3 beats each: 8–14), 7/8 from bar 4 (3.5 beats each: 14, 17.5, 21, …). */
export const changingMeters: TimeMap = {
  tempo: 120,
  timeSignature: [4, 4],
  meterChanges: [
    { bar: 2, timeSignature: [6, 8] },
    { bar: 4, timeSignature: [7, 8] },
  ],
};
