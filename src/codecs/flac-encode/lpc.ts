/**
 * Linear prediction for the FLAC encoder, after libFLAC's choices at compression level 5: a
 * Tukey(0.5) window, autocorrelation, Levinson–Durbin up to order 8, the order picked by the
 * expected residual bits, and coefficients quantised with error feedback. Everything that
 * decides a coefficient runs on doubles with det-math's transcendentals, so the same samples
 * give the same stream on every machine. The two loops over a block run in WebAssembly
 * (lpc-kernels.ts), with this arithmetic:
 * - autocorrelation: autoc[lag] = Σ d[i] · d[i − lag] over [lag, n) for lag 0…8, d = samples ·
 *   window, each lag's sum added to in sample order;
 * - residual: r[i] = x[i] − ⌊Σ qlp[j] · x[i − 1 − j] / 2^shift⌋ for i in [order, n), in doubles
 *   (exact: the sums stay under 2^53), refused when |r| exceeds 2^30 − 1 (the Rice coder's limit).
 */
import { cos, log } from '../../std/det-math';

export const MAX_LPC_ORDER = 8;
/** The largest coefficient precision FLAC allows, in bits. */
const MAX_PRECISION = 15;
/** A quantised shift is a 5-bit signed field; decoders take 0…15. */
const MAX_SHIFT = 15;

const windows = new Map<number, Float64Array>();

/** libFLAC's tukey(0.5) window of `n` points: flat in the middle, Hann-shaped over a quarter at each end. */
export function tukeyWindow(n: number): Float64Array {
  let window = windows.get(n);
  if (window) return window;
  window = new Float64Array(n).fill(1);
  const np = Math.trunc((0.5 / 2) * n) - 1;
  if (np > 0) {
    for (let i = 0; i <= np; i++) {
      window[i] = 0.5 - 0.5 * cos((Math.PI * i) / np);
      window[n - np - 1 + i] = 0.5 - 0.5 * cos((Math.PI * (i + np)) / np);
    }
  }
  windows.set(n, window);
  return window;
}

/**
 * Levinson–Durbin: predictor coefficients of every order 1…maxOrder into `coeffs` (row order − 1,
 * MAX_LPC_ORDER wide: x[i] ≈ Σ coeffs[j] · x[i − 1 − j]) and each order's prediction error into
 * `errors`. Returns the highest order computed (it stops early on a perfect fit).
 */
export function levinsonDurbin(autoc: Float64Array, maxOrder: number, coeffs: Float64Array, errors: Float64Array, scratch: Float64Array): number {
  let error = autoc[0] as number;
  const lpc = scratch;
  for (let i = 0; i < maxOrder; i++) {
    let r = -(autoc[i + 1] as number);
    for (let j = 0; j < i; j++) r -= (lpc[j] as number) * (autoc[i - j] as number);
    r /= error;
    lpc[i] = r;
    let j = 0;
    for (; j < i >> 1; j++) {
      const tmp = lpc[j] as number;
      lpc[j] = tmp + r * (lpc[i - 1 - j] as number);
      lpc[i - 1 - j] = (lpc[i - 1 - j] as number) + r * tmp;
    }
    if (i & 1) lpc[j] = (lpc[j] as number) + (lpc[j] as number) * r;
    error *= 1 - r * r;
    for (let k = 0; k <= i; k++) coeffs[i * MAX_LPC_ORDER + k] = -(lpc[k] as number);
    errors[i] = error;
    if (error === 0) return i + 1;
  }
  return maxOrder;
}

/** The order (1…orders) whose residual is expected to cost the fewest bits, coefficients included. */
export function bestOrder(errors: Float64Array, orders: number, n: number, bitsPerOrder: number): number {
  const errorScale = 0.5 / n;
  let best = 1;
  let bestBits = Infinity;
  for (let order = 1; order <= orders; order++) {
    const error = errors[order - 1] as number;
    const perSample = error > 0 ? Math.max(0, (0.5 * log(errorScale * error)) / Math.LN2) : error < 0 ? 1e32 : 0;
    const bits = perSample * (n - order) + order * bitsPerOrder;
    if (bits < bestBits) {
      best = order;
      bestBits = bits;
    }
  }
  return best;
}

/** The coefficient precision libFLAC uses for a block of `n` samples of `bits`-bit audio. */
export function coefficientPrecision(n: number, bits: number): number {
  if (bits > 16) return n <= 384 ? MAX_PRECISION - 2 : n <= 1152 ? MAX_PRECISION - 1 : MAX_PRECISION;
  return n <= 192 ? 7 : n <= 384 ? 8 : n <= 576 ? 9 : n <= 1152 ? 10 : n <= 2304 ? 11 : n <= 4608 ? 12 : 13;
}

/**
 * Quantises coefficients row `order − 1` of `coeffs` to `precision`-bit integers in `qlp`, with
 * the rounding error carried to the next coefficient. Returns the shift (x ≈ Σ qlp · x >> shift),
 * or −1 when the coefficients cannot be quantised (all zero, or too large for any shift).
 */
export function quantizeCoefficients(coeffs: Float64Array, order: number, precision: number, qlp: Int32Array): number {
  const row = (order - 1) * MAX_LPC_ORDER;
  let cmax = 0;
  for (let i = 0; i < order; i++) cmax = Math.max(cmax, Math.abs(coeffs[row + i] as number));
  if (!(cmax > 0) || !Number.isFinite(cmax)) return -1;
  const qmax = (1 << (precision - 1)) - 1;
  const qmin = -(1 << (precision - 1));
  // frexp, exactly: cmax = m · 2^exponent with 0.5 ≤ m < 1.
  let exponent = 0;
  for (let m = cmax; m >= 1; m /= 2) exponent++;
  for (let m = cmax; m < 0.5; m *= 2) exponent--;
  let shift = precision - 1 - exponent;
  if (shift > MAX_SHIFT) shift = MAX_SHIFT;
  if (shift < 0) return -1;
  const scale = 1 << shift;
  let error = 0;
  for (let i = 0; i < order; i++) {
    error += (coeffs[row + i] as number) * scale;
    let q = Math.round(error);
    if (q > qmax) q = qmax;
    else if (q < qmin) q = qmin;
    error -= q;
    qlp[i] = q;
  }
  return shift;
}
