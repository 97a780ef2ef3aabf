import { describe, expect, it } from 'vitest';
import { StereoKernels } from '../../../src/codecs/flac-encode/stereo-kernels';

/** Σ|x[i] − 2·x[i − 1] + x[i − 2]| over [2, n) in doubles, as frame.ts documents it. */
function order2(x: Int32Array, n: number): number {
  let sum = 0;
  for (let i = 2; i < n; i++) sum += Math.abs((x[i] as number) - 2 * (x[i - 1] as number) + (x[i - 2] as number));
  return sum;
}

/** Seeded integers of `bits` bits: noise, or full-scale swings that make the largest residuals. */
function plane(n: number, bits: number, seed: number, swing: boolean): Int32Array {
  let state = seed;
  const full = 2 ** (bits - 1);
  return Int32Array.from({ length: n }, (_, i) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    if (swing) return i % 2 === 0 ? full - 1 : -full;
    return Math.floor((state / 2 ** 32) * 2 * full) - full;
  });
}

describe('stereo kernels (WebAssembly)', () => {
  it('give mid, side and the four order-2 sums of the TypeScript arithmetic, at 16 and 24 bits, for every block length', () => {
    const kernels = new StereoKernels(4096);
    for (const n of [4096, 4095, 4094, 4093, 1000, 7, 3, 2, 1]) {
      for (const bits of [16, 24]) {
        for (const swing of [false, true]) {
          const left = plane(n, bits, n + bits, swing);
          const right = swing ? left.map((v) => -v - 1) : plane(n, bits, 3 * n + bits, false);
          kernels.estimate(left, right, n);
          const mid = left.map((l, i) => (l + (right[i] as number)) >> 1);
          const side = left.map((l, i) => l - (right[i] as number));
          const what = `n ${n}, ${bits} bits${swing ? ', full-scale swings' : ''}`;
          expect(Array.from(kernels.mid.subarray(0, n)), `mid, ${what}`).toEqual(Array.from(mid));
          expect(Array.from(kernels.side.subarray(0, n)), `side, ${what}`).toEqual(Array.from(side));
          expect(Array.from(kernels.sums), `sums, ${what}`).toEqual([left, right, mid, side].map((x) => order2(x, n)));
        }
      }
    }
  });
});
