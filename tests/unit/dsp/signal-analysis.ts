/**
 * Measuring tools for the DSP tests: a radix-2 FFT, windows, a least-squares sine fit and a
 * peak-frequency estimator. Plain Float64 math, written for clarity rather than speed.
 */

/** In-place radix-2 complex FFT; `re.length` must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (n !== im.length || (n & (n - 1)) !== 0) throw new Error(`FFT size ${n} is not a power of two`);
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const angle = (-2 * Math.PI) / size;
    for (let k = 0; k < half; k++) {
      const wr = Math.cos(angle * k);
      const wi = Math.sin(angle * k);
      for (let start = k; start < n; start += size) {
        const a = start;
        const b = start + half;
        const br = re[b] as number;
        const bi = im[b] as number;
        const tr = br * wr - bi * wi;
        const ti = br * wi + bi * wr;
        re[b] = (re[a] as number) - tr;
        im[b] = (im[a] as number) - ti;
        re[a] = (re[a] as number) + tr;
        im[a] = (im[a] as number) + ti;
      }
    }
  }
}

/** 4-term Blackman-Harris window (sidelobes at −92 dB), periodic form. */
export function blackmanHarris(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = (2 * Math.PI * i) / n;
    w[i] = 0.35875 - 0.48829 * Math.cos(x) + 0.14128 * Math.cos(2 * x) - 0.01168 * Math.cos(3 * x);
  }
  return w;
}

export interface Spectrum {
  /** Power per bin 0 … size/2, scaled so a sine of amplitude A over the window gives ≈ A²/2 summed over its lobe. */
  readonly power: Float64Array;
  readonly size: number;
  readonly binHz: number;
}

/**
 * Windowed power spectrum of `signal[from, from + length)` zero-padded to `size` (a power of
 * two ≥ length). Summing `power` over all bins gives the window-weighted mean square of the
 * segment (Parseval), so sums over bands compare directly with a sine's A²/2.
 */
export function powerSpectrum(signal: ArrayLike<number>, rate: number, from: number, length: number, size = nextPow2(length)): Spectrum {
  const window = blackmanHarris(length);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  let windowEnergy = 0;
  for (let i = 0; i < length; i++) {
    const w = window[i] as number;
    re[i] = (signal[from + i] ?? 0) * w;
    windowEnergy += w * w;
  }
  fft(re, im);
  const power = new Float64Array(size / 2 + 1);
  for (let k = 0; k <= size / 2; k++) {
    const p = ((re[k] as number) ** 2 + (im[k] as number) ** 2) / (size * windowEnergy);
    // One-sided: bins other than DC and Nyquist carry their negative-frequency twin too.
    power[k] = k === 0 || k === size / 2 ? p : 2 * p;
  }
  return { power, size, binHz: rate / size };
}

export function nextPow2(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/** Frequency of the strongest component in `signal[from, from + length)`, refined by parabolic interpolation of log power. */
export function peakFrequency(signal: ArrayLike<number>, rate: number, from = 0, length = signal.length - from): number {
  const { power, binHz } = powerSpectrum(signal, rate, from, length, nextPow2(length) * 4);
  let best = 1;
  for (let k = 2; k < power.length - 1; k++) if ((power[k] as number) > (power[best] as number)) best = k;
  const a = Math.log(power[best - 1] as number);
  const b = Math.log(power[best] as number);
  const c = Math.log(power[best + 1] as number);
  const offset = (0.5 * (a - c)) / (a - 2 * b + c);
  return (best + offset) * binHz;
}

export interface SineFit {
  /** Amplitude of the fitted sine. */
  readonly amplitude: number;
  /** RMS of the fitted sine (amplitude / √2). */
  readonly fundamentalRms: number;
  /** RMS of what is left after removing the fitted sine and DC. */
  readonly residualRms: number;
  /** residual / fundamental in dB: THD+N when the fit frequency is the test tone's. */
  readonly thdPlusNoiseDb: number;
}

/** Least-squares fit of a·sin + b·cos + c at `frequency` over `signal[from, to)`, and what remains. */
export function fitSine(signal: ArrayLike<number>, frequency: number, rate: number, from: number, to: number): SineFit {
  const w = (2 * Math.PI * frequency) / rate;
  // Normal equations for the basis [sin, cos, 1].
  const m = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const v = [0, 0, 0];
  for (let i = from; i < to; i++) {
    const basis = [Math.sin(w * i), Math.cos(w * i), 1];
    const y = signal[i] ?? 0;
    for (let r = 0; r < 3; r++) {
      v[r] = (v[r] as number) + (basis[r] as number) * y;
      for (let c = 0; c < 3; c++) m[r * 3 + c] = (m[r * 3 + c] as number) + (basis[r] as number) * (basis[c] as number);
    }
  }
  const [a, b, c] = solve3(m, v);
  let residual = 0;
  for (let i = from; i < to; i++) {
    const e = (signal[i] ?? 0) - (a * Math.sin(w * i) + b * Math.cos(w * i) + c);
    residual += e * e;
  }
  const amplitude = Math.hypot(a, b);
  const fundamentalRms = amplitude / Math.SQRT2;
  const residualRms = Math.sqrt(residual / (to - from));
  return { amplitude, fundamentalRms, residualRms, thdPlusNoiseDb: 20 * Math.log10(residualRms / fundamentalRms) };
}

/** Gaussian elimination with partial pivoting for a 3×3 system (row-major `m`). */
function solve3(m: number[], v: number[]): [number, number, number] {
  const a = m.slice();
  const b = v.slice();
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(a[r * 3 + col] as number) > Math.abs(a[pivot * 3 + col] as number)) pivot = r;
    for (let c = 0; c < 3; c++) [a[col * 3 + c], a[pivot * 3 + c]] = [a[pivot * 3 + c] as number, a[col * 3 + c] as number];
    [b[col], b[pivot]] = [b[pivot] as number, b[col] as number];
    for (let r = col + 1; r < 3; r++) {
      const f = (a[r * 3 + col] as number) / (a[col * 3 + col] as number);
      for (let c = col; c < 3; c++) a[r * 3 + c] = (a[r * 3 + c] as number) - f * (a[col * 3 + c] as number);
      b[r] = (b[r] as number) - f * (b[col] as number);
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = b[r] as number;
    for (let c = r + 1; c < 3; c++) s -= (a[r * 3 + c] as number) * (x[c] as number);
    x[r] = s / (a[r * 3 + r] as number);
  }
  return [x[0] as number, x[1] as number, x[2] as number];
}

export const db = (ratio: number): number => 20 * Math.log10(ratio);
export const dbPower = (ratio: number): number => 10 * Math.log10(ratio);

/** A sine as Float32 samples. */
export function sine(frequency: number, rate: number, frames: number, amplitude = 0.5, phase = 0): Float32Array {
  const out = new Float32Array(frames);
  const w = (2 * Math.PI * frequency) / rate;
  for (let i = 0; i < frames; i++) out[i] = amplitude * Math.sin(w * i + phase);
  return out;
}
