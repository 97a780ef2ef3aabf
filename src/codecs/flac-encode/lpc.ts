/**
 * Linear prediction for the FLAC encoder, after libFLAC's choices at compression level 5: a
 * Tukey(0.5) window, autocorrelation, Levinson–Durbin up to order 8, the order picked by the
 * expected residual bits, and coefficients quantised with error feedback. Everything that
 * decides a coefficient runs on doubles with det-math's transcendentals, so the same samples
 * give the same stream on every machine.
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
 * autoc[lag] = Σ d[i] · d[i − lag] over [lag, n) for lag 0…8, d = samples · window. One pass with the
 * last eight values held in locals rather than a pass per lag.
 */
export function autocorrelation(samples: Int32Array, window: Float64Array, n: number, autoc: Float64Array): void {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
  let d1 = 0, d2 = 0, d3 = 0, d4 = 0, d5 = 0, d6 = 0, d7 = 0, d8 = 0;
  for (let i = 0; i < n; i++) {
    const d = (samples[i] as number) * (window[i] as number);
    a0 += d * d;
    a1 += d * d1;
    a2 += d * d2;
    a3 += d * d3;
    a4 += d * d4;
    a5 += d * d5;
    a6 += d * d6;
    a7 += d * d7;
    a8 += d * d8;
    d8 = d7;
    d7 = d6;
    d6 = d5;
    d5 = d4;
    d4 = d3;
    d3 = d2;
    d2 = d1;
    d1 = d;
  }
  autoc[0] = a0;
  autoc[1] = a1;
  autoc[2] = a2;
  autoc[3] = a3;
  autoc[4] = a4;
  autoc[5] = a5;
  autoc[6] = a6;
  autoc[7] = a7;
  autoc[8] = a8;
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

/** A residual must fold into 31 bits for the Rice coder. */
const MAX_RESIDUAL = 2 ** 30 - 1;

/**
 * residual[i] = x[i] − ⌊Σ qlp[j] · x[i − 1 − j] / 2^shift⌋ for i in [order, n), in doubles (exact:
 * the sums stay under 2^53); false when a residual does not fit the Rice coder. The taps are
 * padded to eight (four for orders up to 4) so one unrolled loop with the last samples in locals
 * serves every order.
 */
export function lpcResidual(x: Int32Array, n: number, qlp: Int32Array, order: number, shift: number, residual: Int32Array): boolean {
  const scale = 1 / (1 << shift);
  const first = Math.min(n, MAX_LPC_ORDER);
  for (let i = order; i < first; i++) {
    let sum = 0;
    for (let j = 0; j < order; j++) sum += (qlp[j] as number) * (x[i - 1 - j] as number);
    const r = (x[i] as number) - Math.floor(sum * scale);
    if (r > MAX_RESIDUAL || r < -MAX_RESIDUAL) return false;
    residual[i] = r;
  }
  const tap = (j: number) => (j < order ? (qlp[j] as number) : 0);
  const c0 = tap(0), c1 = tap(1), c2 = tap(2), c3 = tap(3), c4 = tap(4), c5 = tap(5), c6 = tap(6), c7 = tap(7);
  if (order <= 4) return shortResidual(x, n, c0, c1, c2, c3, scale, residual);
  let x1 = x[7] as number, x2 = x[6] as number, x3 = x[5] as number, x4 = x[4] as number;
  let x5 = x[3] as number, x6 = x[2] as number, x7 = x[1] as number, x8 = x[0] as number;
  for (let i = MAX_LPC_ORDER; i < n; i++) {
    const sum = c0 * x1 + c1 * x2 + c2 * x3 + c3 * x4 + c4 * x5 + c5 * x6 + c6 * x7 + c7 * x8;
    const xi = x[i] as number;
    const r = xi - Math.floor(sum * scale);
    if (r > MAX_RESIDUAL || r < -MAX_RESIDUAL) return false;
    residual[i] = r;
    x8 = x7;
    x7 = x6;
    x6 = x5;
    x5 = x4;
    x4 = x3;
    x3 = x2;
    x2 = x1;
    x1 = xi;
  }
  return true;
}

/** lpcResidual's loop for orders up to 4 (taps c0…c3), from sample 8 on. */
function shortResidual(x: Int32Array, n: number, c0: number, c1: number, c2: number, c3: number, scale: number, residual: Int32Array): boolean {
  let x1 = x[7] as number, x2 = x[6] as number, x3 = x[5] as number, x4 = x[4] as number;
  for (let i = MAX_LPC_ORDER; i < n; i++) {
    const xi = x[i] as number;
    const r = xi - Math.floor((c0 * x1 + c1 * x2 + c2 * x3 + c3 * x4) * scale);
    if (r > MAX_RESIDUAL || r < -MAX_RESIDUAL) return false;
    residual[i] = r;
    x4 = x3;
    x3 = x2;
    x2 = x1;
    x1 = xi;
  }
  return true;
}
