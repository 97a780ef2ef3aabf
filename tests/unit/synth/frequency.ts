import { peakFrequency } from '../dsp/signal-analysis';

/** Phase (radians) of the component at `hz` over `signal[from, to)`, by a least-squares fit of sin, cos and DC. */
function phaseAt(signal: ArrayLike<number>, hz: number, rate: number, from: number, to: number): number {
  const w = (2 * Math.PI * hz) / rate;
  let ss = 0, sc = 0, cc = 0, s1 = 0, c1 = 0, ys = 0, yc = 0, y1 = 0;
  const n = to - from;
  for (let i = from; i < to; i++) {
    const s = Math.sin(w * i);
    const c = Math.cos(w * i);
    const y = signal[i] ?? 0;
    ss += s * s; sc += s * c; cc += c * c; s1 += s; c1 += c; ys += y * s; yc += y * c; y1 += y;
  }
  // Normal equations for [a, b, d] with y ≈ a·sin + b·cos + d, solved by Cramer's rule.
  const m = [ss, sc, s1, sc, cc, c1, s1, c1, n];
  const det3 = (q: number[]): number => (q[0]! * (q[4]! * q[8]! - q[5]! * q[7]!) - q[1]! * (q[3]! * q[8]! - q[5]! * q[6]!) + q[2]! * (q[3]! * q[7]! - q[4]! * q[6]!));
  const det = det3(m);
  const a = det3([ys, sc, s1, yc, cc, c1, y1, c1, n]) / det;
  const b = det3([ss, ys, s1, sc, yc, c1, s1, y1, n]) / det;
  return Math.atan2(b, a);
}

/**
 * The fundamental of a steady periodic signal over `signal[from, to)`, in Hz: a coarse FFT peak,
 * then refined twice by the phase slope (the fitted phase at the estimate in the first and second
 * half differs by 2π·error·Δt). Accurate to micro-cents on a second of a steady tone, harmonics or not.
 */
export function fundamentalHz(signal: ArrayLike<number>, rate: number, from: number, to: number): number {
  let hz = peakFrequency(signal, rate, from, to - from);
  const mid = Math.floor((from + to) / 2);
  const seconds = (mid - from) / rate;
  for (let pass = 0; pass < 3; pass++) {
    let delta = phaseAt(signal, hz, rate, mid, to) - phaseAt(signal, hz, rate, from, mid);
    delta -= 2 * Math.PI * Math.round(delta / (2 * Math.PI));
    hz += delta / (2 * Math.PI * seconds);
  }
  return hz;
}

export const cents = (hz: number, reference: number): number => 1200 * Math.log2(hz / reference);
