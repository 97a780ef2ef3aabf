/**
 * Coefficient G = g / (1 + g), g = tan(π·fc / fs), of a first-order low-pass in
 * topology-preserving (trapezoidal) form: per sample, v = (x − s)·G, y = v + s, s = y + v.
 * 6 dB/oct, −3 dB at the (prewarped) cutoff, unity at DC; x − y is the matching high-pass.
 * Kernels keep the state s in locals of their sample loop (a method call per sample inside a
 * busy loop can miss V8's inlining budget and then boxes every float it passes).
 */
import { tan } from '../std/det-math';
export function onePoleCoefficient(cutoffHz: number, sampleRate: number): number {
  const g = tan((Math.PI * Math.min(cutoffHz, 0.49 * sampleRate)) / sampleRate);
  return g / (1 + g);
}
