import { describe, expect, it } from 'vitest';
import { DEFAULT_DITHER_SEED, quantizeWithTpdf, TpdfDither } from '../../../../src/dsp/dither';
import { StereoTpdfQuantizer } from '../../../../src/dsp/wasm/tpdf-stereo';

/** Seeded music-like samples with the values quantization treats specially planted among them. */
function plane(frames: number, seed: number): Float32Array {
  let state = seed;
  const out = Float32Array.from({ length: frames }, (_, i) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return 0.5 * Math.sin(i * 0.01 * seed) + (state / 2 ** 32 - 0.5) * 1e-4;
  });
  const special = [NaN, Infinity, -Infinity, 2, -2, 2.5, -3, 1, -1, 0.99999994, -0, 0, 1e-30, -1e-30, 3e38, 0.5 / 8388608, -0.5 / 32768];
  special.forEach((value, k) => (out[(k * 7919 + seed) % frames] = value));
  return out;
}

describe('StereoTpdfQuantizer (WebAssembly)', () => {
  it('gives the codes of quantizeWithTpdf with TpdfDither(seed) and TpdfDither(seed + 1), bit for bit, at 16 and 24 bits, across calls of any length', () => {
    const frames = 40_000;
    for (const bits of [16, 24] as const) {
      for (const seed of [DEFAULT_DITHER_SEED, 0, 12_345]) {
        const left = plane(frames, 3 + seed);
        const right = plane(frames, 11 + seed);
        const quantizer = new StereoTpdfQuantizer(bits, seed);
        const got = [new Int32Array(frames), new Int32Array(frames)] as const;
        // Uneven calls, one longer than the kernel's run of 8,192 frames, one of a single frame.
        for (let start = 0, k = 0; start < frames; k++) {
          const count = Math.min(frames - start, [1, 999, 20_000, 4096, 7][k % 5] as number);
          quantizer.quantize(left.subarray(start), right.subarray(start), count, got[0].subarray(start), got[1].subarray(start));
          start += count;
        }
        const want = [left, right].map((input, c) => quantizeWithTpdf(input, bits, new TpdfDither(seed + c), new Int32Array(frames)));
        for (const c of [0, 1] as const) {
          const first = got[c].findIndex((code, i) => code !== want[c]?.[i]);
          expect(first, `${bits}-bit, seed ${seed}, channel ${c}: first differing frame`).toBe(-1);
        }
      }
    }
  });
});
