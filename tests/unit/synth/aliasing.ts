import { besselI0 } from '../../../src/dsp/bessel';
import { fft } from '../dsp/signal-analysis';

/** Kaiser window β = 20: sidelobes near −150 dB, so leakage never passes for aliasing. Main lobe ±7 bins. */
function kaiser(n: number, beta = 20): Float64Array {
  const w = new Float64Array(n);
  const norm = besselI0(beta);
  for (let i = 0; i < n; i++) {
    const x = (2 * i) / (n - 1) - 1;
    w[i] = besselI0(beta * Math.sqrt(1 - x * x)) / norm;
  }
  return w;
}

/** Bins either side of a partial counted as the partial (the Kaiser main lobe, with margin). */
const LOBE_BINS = 10;

/**
 * Aliasing of a periodic tone of fundamental `f0` in `signal` (65,536 frames from `from`), in dB
 * relative to the fundamental: the power in every bin that is not within LOBE_BINS of DC or a
 * harmonic below Nyquist, summed, over the power of the fundamental's lobe. Any partial the
 * oscillator lets fold back lands off the harmonic grid (f0 is chosen so it does not divide the
 * rate) and counts here.
 */
export function aliasingDb(signal: ArrayLike<number>, f0: number, rate: number, from = 0): number {
  const size = 65_536;
  const window = kaiser(size);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < size; i++) re[i] = (signal[from + i] ?? 0) * (window[i] as number);
  fft(re, im);
  const binHz = rate / size;
  const harmonic = new Uint8Array(size / 2 + 1);
  const mark = (hz: number): void => {
    const centre = Math.round(hz / binHz);
    for (let k = centre - LOBE_BINS; k <= centre + LOBE_BINS; k++) if (k >= 0 && k <= size / 2) harmonic[k] = 1;
  };
  mark(0);
  for (let h = 1; h * f0 < rate / 2; h++) mark(h * f0);
  let alias = 0;
  let fundamental = 0;
  const centre = Math.round(f0 / binHz);
  for (let k = 0; k <= size / 2; k++) {
    const power = (re[k] as number) ** 2 + (im[k] as number) ** 2;
    if (!harmonic[k]) alias += power;
    else if (Math.abs(k - centre) <= LOBE_BINS) fundamental += power;
  }
  return 10 * Math.log10(alias / fundamental);
}
