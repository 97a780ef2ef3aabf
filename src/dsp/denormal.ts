/**
 * Recursive filters decay towards zero forever and, once their state reaches subnormal numbers,
 * every operation on it becomes tens of times slower (JavaScript cannot set flush-to-zero).
 * Kernels pass their feedback state through this at block ends (or per sample in long loops):
 * anything under 1e-25 (−500 dB) is silence.
 */
export function flushDenormal(value: number): number {
  return value > 1e-25 || value < -1e-25 ? value : 0;
}
