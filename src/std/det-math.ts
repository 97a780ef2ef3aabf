/**
 * Deterministic transcendental functions: the same bits in every JavaScript engine.
 *
 * Why: ECMAScript leaves Math.exp, Math.sin … "implementation-approximated", and V8 versions really
 * differ in the last bit (Node 20 against Debian's Chromium, over 20,000 inputs: exp 1,950, pow
 * 1,993, cos 891, sin 776, expm1 31, log1p 18). The engine promises the same samples in the
 * playback worklet and in the export worker, so everything that reaches a sample computes its
 * transcendentals here, from + − × ÷, comparisons, Math.round / floor / abs / sqrt (all exact or
 * correctly rounded by IEEE 754) and reads and writes of a double's bits through typed arrays.
 * A lint rule keeps Math.exp & co. out of src/std, src/dsp, src/devices and src/engine.
 *
 * Methods: argument reduction and polynomial or rational kernels of FreeBSD's msun (fdlibm), with
 * its coefficients. Accuracy against the true value, measured by tests/unit/std/det-math.test.ts:
 * exp, expm1, log, log1p, sin, cos, atan2 within 1 ulp; tanh, log10, exp2, tan within 2 ulp;
 * pow(b, y) within 1 + |y| / 4 ulp. sin, cos and tan reduce their argument exactly for
 * |x| < 2^20 · π/2 (≈ 1.6e6); beyond that they stay deterministic but lose accuracy.
 *
 * On the audio thread, a fractional double passed to or returned from a call V8 does not inline is
 * boxed (garbage). So every function is written as `…At(values, i)`, replacing values[i] in place
 * and handing anything else through module-level typed arrays: nothing fractional crosses a call
 * inside this module, whatever V8 inlines. A whole number that crosses one (a power of two's
 * exponent) is made an int32 with `| 0`: Math.round gives −0 for small negative arguments, and
 * −0 is no small integer, so it was boxed on every e^x of a small negative x whenever `scaleAt`
 * was not inlined (measured with inlining limited: ≈ 80 scavenges per 10 M calls, now none).
 * Results are unchanged (compared bit for bit over 10 M arguments). Audio-thread code outside it calls the `…InPlace`
 * forms (an array and whole indices); the scalar forms are for everything else.
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunPro, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 */

/** A double and its two 32-bit halves (the high half holds sign, exponent and 20 mantissa bits). */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1 ? 1 : 0;

/**
 * NaN and Infinity as module constants: the globals `NaN` and `Infinity` are untyped loads to the
 * optimizing compiler, and one merged with a computed double made it box the double (measured).
 */
const NOT_A_NUMBER = 0 / 0;
const INFINITY = 1 / 0;

/** 2^k for whole k in [−1074, 1023] at index k + 1074, made by exact doubling and halving. */
const POW2_ZERO = 1074;
const POW2 = new Float64Array(POW2_ZERO + 1024);
for (let k = 0, p = 1; k <= 1023; k++, p *= 2) POW2[POW2_ZERO + k] = p;
for (let k = 0, p = 1; k <= 1074; k++, p /= 2) POW2[POW2_ZERO - k] = p;

/** values[i] · 2^k for whole k in [−1130, 1024], rounded once. */
function scaleAt(values: Float64Array, i: number, k: number): void {
  const y = values[i] as number;
  if (k > 1023) values[i] = y * 2 * (POW2[POW2_ZERO + 1023] as number);
  else if (k < -1022) values[i] = y * (POW2[POW2_ZERO + k + 54] as number) * (POW2[POW2_ZERO - 54] as number);
  else values[i] = y * (POW2[POW2_ZERO + k] as number);
}

/** Dekker's exact product without fused multiply-add: product[3] = a · b − p for a, b, p = a · b in product[0..2]. */
const product = new Float64Array(4);
/** 2^27 + 1: splits a double into two 26-bit halves whose products are exact (Veltkamp). */
const SPLITTER = 134217729;
function productError(): void {
  const a = product[0] as number;
  const b = product[1] as number;
  const sa = SPLITTER * a;
  const aHigh = sa - (sa - a);
  const aLow = a - aHigh;
  const sb = SPLITTER * b;
  const bHigh = sb - (sb - b);
  const bLow = b - bHigh;
  product[3] = aHigh * bHigh - (product[2] as number) + aHigh * bLow + aLow * bHigh + aLow * bLow;
}

const LN2 = 6.93147180559945286227e-1;
/** ln 2 in two parts: LN2_HI has 32 trailing zero bits, so k · LN2_HI is exact for |k| < 2^21. */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** ln 2 − LN2 (the rounding error of the double ln 2). */
const LN2_TAIL = 2.319046813846299558e-17;
const INV_LN2 = 1.44269504088896338700;
/** 1 / ln 2 − INV_LN2. */
const INV_LN2_TAIL = 2.0355273740931033e-17;
const INV_LN10 = 4.34294481903251816668e-1;
const EXP_MAX = 7.09782712893383973096e2;
const EXP_MIN = -7.45133219101941108420e2;
const TWO54 = 1.8014398509481984e16;

const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x: x = k ln 2 + r, |r| ≤ ½ ln 2, e^r by a rational form of a minimax polynomial. */
function expAt(values: Float64Array, i: number): void {
  const x = values[i] as number;
  if (!(x <= EXP_MAX)) values[i] = x > 0 ? INFINITY : x;
  else if (x < EXP_MIN) values[i] = 0;
  else {
    const k = Math.round(x * INV_LN2) | 0;
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    const r = hi - lo;
    const t = r * r;
    const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    values[i] = 1 - (lo - (r * c) / (2 - c) - hi);
    scaleAt(values, i, k);
  }
}

const Q1 = -3.33333333333331316428e-2;
const Q2 = 1.58730158725481460165e-3;
const Q3 = -7.93650757867487942473e-5;
const Q4 = 4.00821782732936239552e-6;
const Q5 = -2.01099218183624371326e-7;

/** e^x − 1, accurate near 0: the reduction's rounding error c is carried into the result. */
function expm1At(values: Float64Array, i: number): void {
  const x = values[i] as number;
  const ax = Math.abs(x);
  if (!(ax < 38.816242111356935)) {
    // |x| ≥ 56 ln 2: e^x − 1 rounds to e^x, or to −1 (NOT_A_NUMBER stays NOT_A_NUMBER).
    if (x > 0) expAt(values, i);
    else if (x === x) values[i] = -1;
    return;
  }
  if (ax < 5.551115123125783e-17) return;
  let k = 0;
  let c = 0;
  let r = x;
  if (ax > 0.34657359027997264) {
    k = ax < 1.0397207708399179 ? (x > 0 ? 1 : -1) : Math.round(x * INV_LN2) | 0;
    const hi = x - k * LN2_HI;
    const lo = k * LN2_LO;
    r = hi - lo;
    c = hi - r - lo;
  }
  const hfx = 0.5 * r;
  const hxs = r * hfx;
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - r * t));
  if (k === 0) {
    values[i] = r - (r * e - hxs);
    return;
  }
  e = r * (e - c) - c - hxs;
  if (k === -1) values[i] = 0.5 * (r - e) - 0.5;
  else if (k === 1) values[i] = r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  else if (k <= -2 || k > 56) {
    values[i] = 1 - (e - r);
    scaleAt(values, i, k);
    values[i] = (values[i] as number) - 1;
  } else {
    const twoToMinusK = POW2[POW2_ZERO - k] as number;
    values[i] = (k < 20 ? 1 - twoToMinusK - (e - r) : r - (e + twoToMinusK) + 1) * (POW2[POW2_ZERO + k] as number);
  }
}

const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * For the finite x > 0 in bits[0]: replaces it by m and returns k, where x = 2^k · m and m is in
 * [√½, √2). m is x times a power of two (exact), not x with its exponent bits rewritten: writing
 * half of a double and reading the whole back stalls the processor's store forwarding.
 */
function splitExponent(): number {
  let x = bits[0] as number;
  let high = words[HIGH] as number;
  let k = 0;
  if (high < 0x00100000) {
    x *= TWO54;
    bits[0] = x;
    high = words[HIGH] as number;
    k = -54;
  }
  let e = (high >>> 20) - 1023;
  let m = x * (POW2[POW2_ZERO - e] as number);
  // Mantissas from 0x6a09c on (m ≥ √2, to fdlibm's threshold) take the next power of two.
  if ((high & 0x000fffff) >= 0x6a09c) {
    m *= 0.5;
    e += 1;
  }
  bits[0] = m;
  return k + e;
}

/** A correction for lnAt to add (far below an ulp of the result); lnAt consumes it. */
const lnCorrection = new Float64Array(1);

/** ln x + correction for finite x > 0: ln m = 2 atanh(f / (2 + f)), f = m − 1, by a minimax series. */
function lnAt(values: Float64Array, i: number): void {
  bits[0] = values[i] as number;
  const k = splitExponent();
  const c = lnCorrection[0] as number;
  lnCorrection[0] = 0;
  const f = (bits[0] as number) - 1;
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const r = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  const hfsq = 0.5 * f * f;
  values[i] = k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}

function logAt(values: Float64Array, i: number): void {
  const x = values[i] as number;
  if (!(x > 0)) values[i] = x === 0 ? -INFINITY : NOT_A_NUMBER;
  else if (x !== INFINITY) lnAt(values, i);
}

function log1pAt(values: Float64Array, i: number): void {
  const x = values[i] as number;
  if (!(x > -1)) values[i] = x === -1 ? -INFINITY : NOT_A_NUMBER;
  else if (x !== INFINITY) {
    const u = 1 + x;
    if (u === 1) return;
    // u is 1 + x rounded; c / u restores what the rounding lost (each difference below is exact).
    lnCorrection[0] = (u < 2 ? x - (u - 1) : 1 - (u - x)) / u;
    values[i] = u;
    lnAt(values, i);
  }
}

function log10At(values: Float64Array, i: number): void {
  logAt(values, i);
  values[i] = (values[i] as number) * INV_LN10;
}

/** A low part for exp2At to add to its argument (|tail| ≤ ulp of it); exp2At consumes it. */
const exp2Tail = new Float64Array(1);

/** 2^(x + tail): 2^n exactly times e^((r + tail) ln 2), r = x − n in [−½, ½], the product carried in two doubles. */
function exp2At(values: Float64Array, i: number): void {
  const x = values[i] as number;
  const lo = exp2Tail[0] as number;
  exp2Tail[0] = 0;
  if (!(x < 1024)) values[i] = x !== x ? x : INFINITY;
  else if (x < -1075) values[i] = 0;
  else {
    const n = Math.round(x) | 0;
    const r = x - n;
    const p = r * LN2;
    product[0] = r;
    product[1] = LN2;
    product[2] = p;
    productError();
    const tail = (product[3] as number) + r * LN2_TAIL + lo * LN2;
    values[i] = p;
    expAt(values, i);
    const e = values[i] as number;
    values[i] = e + e * tail;
    scaleAt(values, i, n);
  }
}

/** base^y for base = values[i] > 0, y = exponents[j]: 2^(y · log₂ base) with y · log₂ base carried in two doubles. */
function powAt(values: Float64Array, i: number, exponents: Float64Array, j: number): void {
  const base = values[i] as number;
  const y = exponents[j] as number;
  if (y === 0) values[i] = 1;
  else if (!(base > 0) || y !== y) values[i] = NOT_A_NUMBER;
  else if (base === 1) values[i] = 1;
  else if (!(Math.abs(y) < INFINITY) || base === INFINITY) values[i] = base > 1 === y > 0 ? INFINITY : 0;
  else {
    bits[0] = base;
    const k = splitExponent();
    // log₂ base = k + a + b: ln m / ln 2 in two doubles, |ln m| ≤ ½ ln 2 known to 1 ulp.
    values[i] = bits[0] as number;
    lnAt(values, i);
    const lnM = values[i] as number;
    const a = lnM * INV_LN2;
    product[0] = lnM;
    product[1] = INV_LN2;
    product[2] = a;
    productError();
    const b = (product[3] as number) + lnM * INV_LN2_TAIL;
    // y · (k + a + b) as hi + lo.
    const yk = y * k;
    const ya = y * a;
    const sum = yk + ya;
    const back = sum - yk;
    let lo = yk - (sum - back) + (ya - back) + y * b;
    product[0] = y;
    product[1] = k;
    product[2] = yk;
    productError();
    lo += product[3] as number;
    product[1] = a;
    product[2] = ya;
    productError();
    lo += product[3] as number;
    const hi = sum + lo;
    exp2Tail[0] = lo - (hi - sum);
    values[i] = hi;
    exp2At(values, i);
  }
}

/** 10^x: pow with base 10 (the exponent waits in exponentSlot). */
const exponentSlot = new Float64Array(1);
function exp10At(values: Float64Array, i: number): void {
  exponentSlot[0] = values[i] as number;
  values[i] = 10;
  powAt(values, i, exponentSlot, 0);
}

const INV_PIO2 = 6.36619772367581382433e-1;
/** π/2 in 33-bit pieces and their tails: n · PIO2_k is exact for |n| < 2^20. */
const PIO2_1 = 1.57079632673412561417;
const PIO2_1T = 6.07710050650619224932e-11;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;

/** The reduced argument (reduced[0] + reduced[1], |reduced[0]| ≤ π/4) and a kernel's result (reduced[2]). */
const reduced = new Float64Array(3);

/** Reduces x = reduced[0]: writes x − n · π/2 into reduced[0..1] and returns n mod 4. */
function reduceQuarter(): number {
  const x = reduced[0] as number;
  const n = Math.round(x * INV_PIO2);
  let r = x - n * PIO2_1;
  let w = n * PIO2_1T;
  let y = r - w;
  bits[0] = x;
  const exponent = ((words[HIGH] as number) >>> 20) & 0x7ff;
  bits[0] = y;
  if (exponent - (((words[HIGH] as number) >>> 20) & 0x7ff) > 16) {
    // Cancellation: a second, and maybe a third, round of π/2's bits.
    let t = r;
    w = n * PIO2_2;
    r = t - w;
    w = n * PIO2_2T - (t - r - w);
    y = r - w;
    bits[0] = y;
    if (exponent - (((words[HIGH] as number) >>> 20) & 0x7ff) > 49) {
      t = r;
      w = n * PIO2_3;
      r = t - w;
      w = n * PIO2_3T - (t - r - w);
      y = r - w;
    }
  }
  reduced[0] = y;
  reduced[1] = r - y - w;
  return n & 3;
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin of the reduced argument into reduced[2]. */
function sinKernel(): void {
  const x = reduced[0] as number;
  const y = reduced[1] as number;
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  reduced[2] = x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

/** cos of the reduced argument into reduced[2]. */
function cosKernel(): void {
  const x = reduced[0] as number;
  const y = reduced[1] as number;
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const one = 1 - hz;
  reduced[2] = one + (1 - one - hz + (z * r - x * y));
}

/** sin x (quarter 0) or cos x = sin(x + π/2) (quarter 1). */
function sineAt(values: Float64Array, i: number, quarter: number): void {
  const x = values[i] as number;
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) values[i] = quarter === 0 ? x : 1;
  else if (!(ax < INFINITY)) values[i] = NOT_A_NUMBER;
  else {
    reduced[0] = x;
    const q = (reduceQuarter() + quarter) & 3;
    if ((q & 1) === 0) sinKernel();
    else cosKernel();
    values[i] = (q & 2) === 0 ? (reduced[2] as number) : -(reduced[2] as number);
  }
}

function tanAt(values: Float64Array, i: number): void {
  const x = values[i] as number;
  const ax = Math.abs(x);
  if (!(ax < INFINITY)) values[i] = NOT_A_NUMBER;
  else if (ax >= 7.450580596923828e-9) {
    reduced[0] = x;
    const q = reduceQuarter();
    sinKernel();
    const s = reduced[2] as number;
    cosKernel();
    const c = reduced[2] as number;
    values[i] = (q & 1) === 0 ? s / c : -c / s;
  }
}

/** tanh x from e^(2|x|) − 1, which keeps small |x| accurate. */
function tanhAt(values: Float64Array, i: number): void {
  const x = values[i] as number;
  const ax = Math.abs(x);
  if (!(ax < 22)) values[i] = x !== x ? x : x > 0 ? 1 : -1;
  else if (ax >= 2.7755575615628914e-17) {
    values[i] = ax >= 1 ? 2 * ax : -2 * ax;
    expm1At(values, i);
    const t = values[i] as number;
    const z = ax >= 1 ? 1 - 2 / (t + 2) : -t / (t + 2);
    values[i] = x < 0 ? -z : z;
  }
}

const ATAN_HI_0 = 4.63647609000806093515e-1;
const ATAN_HI_1 = 7.85398163397448278999e-1;
const ATAN_HI_2 = 9.82793723247329054082e-1;
const ATAN_HI_3 = 1.57079632679489655800;
const ATAN_LO_0 = 2.26987774529616870924e-17;
const ATAN_LO_1 = 3.06161699786838301793e-17;
const ATAN_LO_2 = 1.39033110312309984516e-17;
const ATAN_LO_3 = 6.12323399573676603587e-17;
const AT0 = 3.33333333333329318027e-1;
const AT1 = -1.99999999998764832476e-1;
const AT2 = 1.42857142725034663711e-1;
const AT3 = -1.11111104054623557880e-1;
const AT4 = 9.09088713343650656196e-2;
const AT5 = -7.69187620504482999495e-2;
const AT6 = 6.66107313738753120669e-2;
const AT7 = -5.83357013379057348645e-2;
const AT8 = 4.97687799461593236017e-2;
const AT9 = -3.65315727442169155270e-2;
const AT10 = 1.62858201153657823623e-2;

/** atan a for a = values[i] ≥ 0: a is moved near 0 about atan ½, 1, 3⁄2 or ∞, then a series. */
function atanOfMagnitudeAt(values: Float64Array, i: number): void {
  const a = values[i] as number;
  if (a >= 7.378697629483821e19) {
    values[i] = ATAN_HI_3 + ATAN_LO_3;
    return;
  }
  if (a < 3.725290298461914e-9) return;
  let x = a;
  let hi = 0;
  let lo = 0;
  if (a >= 0.4375) {
    if (a < 0.6875) {
      x = (2 * a - 1) / (2 + a);
      hi = ATAN_HI_0;
      lo = ATAN_LO_0;
    } else if (a < 1.1875) {
      x = (a - 1) / (a + 1);
      hi = ATAN_HI_1;
      lo = ATAN_LO_1;
    } else if (a < 2.4375) {
      x = (a - 1.5) / (1 + 1.5 * a);
      hi = ATAN_HI_2;
      lo = ATAN_LO_2;
    } else {
      x = -1 / a;
      hi = ATAN_HI_3;
      lo = ATAN_LO_3;
    }
  }
  const z = x * x;
  const w = z * z;
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  values[i] = hi === 0 ? x - x * (s1 + s2) : hi - (x * (s1 + s2) - lo - x);
}

const PI = Math.PI;
const PI_LO = 1.2246467991473532e-16;

/** The angle of (x, y) for y = values[i], x = xs[j], into values[i]. */
function atan2At(values: Float64Array, i: number, xs: Float64Array, j: number): void {
  const y = values[i] as number;
  const x = xs[j] as number;
  const ay = Math.abs(y);
  const ax = Math.abs(x);
  const negativeX = x < 0 || (x === 0 && 1 / x < 0);
  let z: number;
  if (x !== x || y !== y) z = NOT_A_NUMBER;
  else if (ay === 0) z = negativeX ? PI : 0;
  else if (ax === 0 || (ay === INFINITY && ax !== INFINITY)) z = ATAN_HI_3;
  else if (ax === INFINITY) z = ay === INFINITY ? (negativeX ? 3 * ATAN_HI_1 : ATAN_HI_1) : negativeX ? PI : 0;
  else {
    const ratio = ay / ax;
    if (ratio > 1.152921504606847e18) z = ATAN_HI_3 + 0.5 * PI_LO;
    else if (negativeX && ratio < 8.673617379884035e-19) z = 0;
    else {
      values[i] = ratio;
      atanOfMagnitudeAt(values, i);
      z = values[i] as number;
    }
    if (negativeX) z = PI - (z - PI_LO);
  }
  // The sign of y, −0 included.
  values[i] = y < 0 || (y === 0 && 1 / y < 0) ? -z : z;
}

function sinAt(values: Float64Array, i: number): void {
  sineAt(values, i, 0);
}

function cosAt(values: Float64Array, i: number): void {
  sineAt(values, i, 1);
}

/** The scalar forms' slot: one `…At` applied to x. */
const slot = new Float64Array(2);
function applied(at: (values: Float64Array, i: number) => void, x: number): number {
  slot[0] = x;
  at(slot, 0);
  return slot[0] as number;
}

/** e^x, within 1 ulp. */
export const exp = (x: number): number => applied(expAt, x);
/** e^x − 1, accurate near 0 too, within 1 ulp. */
export const expm1 = (x: number): number => applied(expm1At, x);
/** ln x, within 1 ulp. */
export const log = (x: number): number => applied(logAt, x);
/** ln(1 + x), accurate near 0 too, within 1 ulp. */
export const log1p = (x: number): number => applied(log1pAt, x);
/** log₁₀ x, within 2 ulp. */
export const log10 = (x: number): number => applied(log10At, x);
/** 2^x, within 2 ulp; exact for whole x. */
export const exp2 = (x: number): number => applied(exp2At, x);
/** 10^x (a level in dB to a gain: 10^(dB / 20)), within 2 + |x| ulp; exact for x = 0. */
export const exp10 = (x: number): number => applied(exp10At, x);
/** sin x (radians), within 1 ulp for |x| < 1.6e6. */
export const sin = (x: number): number => applied(sinAt, x);
/** cos x (radians), within 1 ulp for |x| < 1.6e6. */
export const cos = (x: number): number => applied(cosAt, x);
/** tan x (radians), within 2 ulp for |x| < 1.6e6. */
export const tan = (x: number): number => applied(tanAt, x);
/** tanh x, within 2 ulp. */
export const tanh = (x: number): number => applied(tanhAt, x);

/** base^y for base > 0 (0 and negative bases give NaN: no caller means them), within 1 + |y| / 4 ulp; exact for 2^whole. */
export function pow(base: number, y: number): number {
  slot[0] = base;
  slot[1] = y;
  powAt(slot, 0, slot, 1);
  return slot[0] as number;
}

/** The angle of the point (x, y) in [−π, π], within 1 ulp. */
export function atan2(y: number, x: number): number {
  slot[0] = y;
  slot[1] = x;
  atan2At(slot, 0, slot, 1);
  return slot[0] as number;
}

/** values[i] ← e^values[i] for i in [from, to). */
export function expInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) expAt(values, i);
}

/** values[i] ← e^values[i] − 1 for i in [from, to). */
export function expm1InPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) expm1At(values, i);
}

/** values[i] ← ln values[i] for i in [from, to). */
export function logInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) logAt(values, i);
}

/** values[i] ← ln(1 + values[i]) for i in [from, to). */
export function log1pInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) log1pAt(values, i);
}

/** values[i] ← log₁₀ values[i] for i in [from, to). */
export function log10InPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) log10At(values, i);
}

/** values[i] ← 2^values[i] for i in [from, to). */
export function exp2InPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) exp2At(values, i);
}

/** values[i] ← 10^values[i] for i in [from, to). */
export function exp10InPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) exp10At(values, i);
}

/** values[i] ← values[i]^exponents[i] for i in [from, to). */
export function powInPlace(values: Float64Array, exponents: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) powAt(values, i, exponents, i);
}

/** values[i] ← sin values[i] for i in [from, to). */
export function sinInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) sinAt(values, i);
}

/** values[i] ← cos values[i] for i in [from, to). */
export function cosInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) cosAt(values, i);
}

/**
 * values[i] ← sin values[i] and cosines[i] ← cos values[i] for i in [from, to): the very results
 * of `sinInPlace` and `cosInPlace` (cos x = sin(x + π/2) shares the reduction of x), reduced once.
 */
export function sinCosInPlace(values: Float64Array, cosines: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const x = values[i] as number;
    const ax = Math.abs(x);
    if (ax < 7.450580596923828e-9) cosines[i] = 1;
    else if (!(ax < INFINITY)) {
      values[i] = NOT_A_NUMBER;
      cosines[i] = NOT_A_NUMBER;
    }
    else {
      reduced[0] = x;
      const n = reduceQuarter();
      sinKernel();
      const sine = reduced[2] as number;
      cosKernel();
      const cosine = reduced[2] as number;
      // sin x is the sine kernel's in quarters 0 and 2, the cosine's in 1 and 3, negated in 2 and 3; cos x one quarter on.
      const sinOf = (n & 1) === 0 ? sine : cosine;
      values[i] = (n & 2) === 0 ? sinOf : -sinOf;
      const q = (n + 1) & 3;
      const cosOf = (q & 1) === 0 ? sine : cosine;
      cosines[i] = (q & 2) === 0 ? cosOf : -cosOf;
    }
  }
}

/** values[i] ← tan values[i] for i in [from, to). */
export function tanInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) tanAt(values, i);
}

/** values[i] ← tanh values[i] for i in [from, to). */
export function tanhInPlace(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) tanhAt(values, i);
}

/** ys[i] ← the angle of (xs[i], ys[i]) for i in [from, to). */
export function atan2InPlace(ys: Float64Array, xs: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) atan2At(ys, i, xs, i);
}
