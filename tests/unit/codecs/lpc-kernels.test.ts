import { describe, expect, it } from 'vitest';
import { coefficientPrecision, levinsonDurbin, MAX_LPC_ORDER, quantizeCoefficients, tukeyWindow } from '../../../src/codecs/flac-encode/lpc';
import { LpcKernels } from '../../../src/codecs/flac-encode/lpc-kernels';

/** The arithmetic lpc.ts documents, in plain TypeScript: each lag's sum in sample order. */
function autocorrelation(samples: Int32Array, window: Float64Array, n: number): Float64Array {
  const d = Float64Array.from({ length: n }, (_, i) => (samples[i] as number) * (window[i] as number));
  const autoc = new Float64Array(MAX_LPC_ORDER + 1);
  for (let i = 0; i < n; i++) for (let lag = 0; lag <= MAX_LPC_ORDER; lag++) autoc[lag] = (autoc[lag] as number) + (d[i] as number) * (i >= lag ? (d[i - lag] as number) : 0);
  return autoc;
}

/** The residual lpc.ts documents, or null when one value exceeds the Rice coder's limit. */
function residual(x: Int32Array, n: number, qlp: Int32Array, order: number, shift: number): Int32Array | null {
  const r = new Int32Array(n);
  for (let i = order; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < order; j++) sum += (qlp[j] as number) * (x[i - 1 - j] as number);
    const value = (x[i] as number) - Math.floor(sum / 2 ** shift);
    if (Math.abs(value) > 2 ** 30 - 1) return null;
    r[i] = value;
  }
  return r;
}

/** Seeded integers: music-like (decaying tones plus noise) at `bits` bits, or white noise. */
function block(n: number, bits: number, seed: number, kind: 'music' | 'noise'): Int32Array {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  const full = 2 ** (bits - 1) - 1;
  return Int32Array.from({ length: n }, (_, i) => {
    const value = kind === 'noise' ? 2 * random() : 0.6 * Math.exp(-i / 900) * Math.sin(i * 0.031 * (1 + (seed % 7))) + 0.3 * Math.sin(i * 0.0021) + 0.01 * random();
    return Math.max(-full - 1, Math.min(full, Math.round(value * full)));
  });
}

/** Index of the first element whose bits differ (−0 and 0 differ), or −1. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>, from = 0, to = a.length): number {
  for (let i = from; i < to; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('LPC kernels (WebAssembly)', () => {
  it('give the TypeScript arithmetic bit for bit: autocorrelation and the residual of every order, at 16, 24 and 25 bits, odd and short blocks', () => {
    const kernels = new LpcKernels(4096);
    const coeffs = new Float64Array(MAX_LPC_ORDER * MAX_LPC_ORDER);
    const errors = new Float64Array(MAX_LPC_ORDER);
    const scratch = new Float64Array(MAX_LPC_ORDER);
    const qlp = new Int32Array(MAX_LPC_ORDER);
    let residuals = 0;
    for (const n of [4096, 4095, 1000, 33]) {
      for (const bits of [16, 24, 25]) {
        for (const kind of ['music', 'noise'] as const) {
          const x = block(n, bits, n + bits, kind);
          const window = tukeyWindow(n);
          const autoc = new Float64Array(MAX_LPC_ORDER + 1);
          kernels.autocorrelation(x, window, n, autoc);
          const expected = autocorrelation(x, window, n);
          expect(firstDifference(autoc, expected), `autocorrelation n ${n}, ${bits} bits, ${kind}`).toBe(-1);
          const orders = levinsonDurbin(expected, MAX_LPC_ORDER, coeffs, errors, scratch);
          for (let order = 1; order <= orders; order++) {
            const shift = quantizeCoefficients(coeffs, order, coefficientPrecision(n, bits), qlp);
            if (shift < 0) continue;
            const want = residual(x, n, qlp, order, shift);
            const fits = kernels.residual(n, qlp, order, shift);
            expect(fits, `residual fits, n ${n}, ${bits} bits, ${kind}, order ${order}`).toBe(want !== null);
            if (want) expect(firstDifference(kernels.residualValues, want, order, n), `residual n ${n}, ${bits} bits, ${kind}, order ${order}`).toBe(-1);
            residuals++;
          }
        }
      }
    }
    expect(residuals).toBeGreaterThan(150);
  });

  it('refuses a residual past the Rice coder limit wherever it falls, and only within the block', () => {
    const kernels = new LpcKernels(64);
    // Coefficient 1 at shift 0 predicts x[i − 1]; a jump of 2^30 between neighbours cannot be coded.
    const qlp = Int32Array.of(1, 0, 0, 0, 0, 0, 0, 0);
    const autoc = new Float64Array(MAX_LPC_ORDER + 1);
    const run = (x: Int32Array, n: number, order: number): boolean => {
      kernels.autocorrelation(x, tukeyWindow(n), n, autoc);
      return kernels.residual(n, qlp, order, 0);
    };
    for (const at of [1, 2, 31, 62, 63]) {
      const x = new Int32Array(64);
      x[at] = 2 ** 30;
      expect(run(x, 64, 1), `jump at ${at}`).toBe(false);
      x[at] = 2 ** 30 - 1;
      expect(run(x, 64, 1), `largest codable jump at ${at}`).toBe(true);
      expect(kernels.residualValues[at]).toBe(2 ** 30 - 1);
    }
    // A 63-sample block after a 64-sample one whose last sample was out of reach: the kernel's
    // second lane past the block reads that stale sample, and must not refuse the block for it.
    const wide = new Int32Array(64);
    wide[63] = 2 ** 30;
    expect(run(wide, 64, 2)).toBe(false);
    expect(run(new Int32Array(63), 63, 2)).toBe(true);
  });
});
