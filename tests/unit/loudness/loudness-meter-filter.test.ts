import { describe, expect, it } from 'vitest';
import { kWeighting } from '../../../src/analysis/loudness/k-weighting';
import { LoudnessMeter } from '../../../src/analysis/loudness/loudness-meter';

/**
 * The meter filters two channels in one loop and sets filter states under 1e-150 to zero (so
 * digital silence does not run on subnormal numbers). Neither may change a reading: here every
 * momentary loudness above −200 LUFS (130 LU under the −70 LUFS gate) must equal, bit for bit,
 * what a plain filter gives that takes one channel at a time and never flushes.
 */

const rate = 48_000;
const stepFrames = rate / 100;
const floorLufs = -200;

/** Plain BS.1770 K-weighting and 10 ms step energies, one channel at a time, the meter's arithmetic order. */
function plainStepEnergies(planes: readonly Float32Array[]): number[] {
  const { shelf, highPass } = kWeighting(rate);
  const frames = planes[0]?.length ?? 0;
  const steps = Math.floor(frames / stepFrames);
  const perChannel = planes.map((plane) => {
    let s1 = 0, s2 = 0, t1 = 0, t2 = 0;
    const sums: number[] = [];
    for (let step = 0; step < steps; step++) {
      let sum = 0;
      for (let i = step * stepFrames; i < (step + 1) * stepFrames; i++) {
        const x = plane[i] as number;
        const y = shelf.b0 * x + s1;
        s1 = shelf.b1 * x - shelf.a1 * y + s2;
        s2 = shelf.b2 * x - shelf.a2 * y;
        const z = y + t1;
        t1 = -2 * y - highPass.a1 * z + t2;
        t2 = y - highPass.a2 * z;
        sum += z * z;
      }
      sums.push(sum);
    }
    return sums;
  });
  return Array.from({ length: steps }, (_, step) => perChannel.reduce((energy, sums) => energy + 1 * (sums[step] as number), 0));
}

/** Momentary loudness after each step from step energies, summed newest first as the meter sums them. */
function plainMomentary(energies: readonly number[]): number[] {
  return energies.map((_, last) => {
    let sum = 0;
    for (let back = 0; back < 40 && back <= last; back++) sum += energies[last - back] as number;
    return -0.691 + 10 * Math.log10(sum / (40 * stepFrames));
  });
}

/** Bursts of seeded noise and tone with long digital silences between them (the tails decay into subnormals). */
function burstsAndSilence(seconds: number, seed: number, bursts: readonly [number, number][]): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  let state = seed;
  for (const [from, to] of bursts) {
    for (let i = Math.round(from * rate); i < Math.round(to * rate); i++) {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      out[i] = 0.3 * (2 * (state / 2 ** 32) - 1) + 0.2 * Math.sin((2 * Math.PI * 220 * i) / rate);
    }
  }
  return out;
}

const floored = (lufs: number) => (lufs < floorLufs ? -Infinity : lufs);

describe('LoudnessMeter filter', () => {
  const a = burstsAndSilence(7, 1, [[0, 0.3], [3.5, 3.8]]);
  const b = burstsAndSilence(7, 2, [[0.1, 0.2], [5, 5.5]]);
  const c = burstsAndSilence(7, 3, [[2, 2.05]]);
  for (const planes of [[a], [a, b], [a, b, c]]) {
    it(`reads every momentary loudness of ${planes.length} channel(s) with silences as a plain per-channel filter does`, () => {
      const expected = plainMomentary(plainStepEnergies(planes)).map(floored);
      const meter = new LoudnessMeter(rate, planes.length, undefined, { truePeak: false });
      const read: number[] = [];
      for (let step = 0; step < expected.length; step++) {
        meter.push(planes, stepFrames, step * stepFrames);
        read.push(floored(meter.momentaryLufs()));
      }
      // The test means something only if loud and silent stretches both occur.
      expect(read.filter((lufs) => lufs > -70).length).toBeGreaterThan(50);
      expect(read.filter((lufs) => lufs === -Infinity).length).toBeGreaterThan(50);
      expect(read).toEqual(expected);
    });
  }
});
