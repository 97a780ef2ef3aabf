/**
 * Recursive filters decay towards zero forever and, once their state reaches subnormal numbers,
 * every operation on it becomes tens of times slower (JavaScript cannot set flush-to-zero).
 * Kernels keep their feedback state in a Float64Array and pass it through this at block ends:
 * anything under 1e-25 (−500 dB) is silence. In place, like det-math's audio-thread forms: a
 * double returned from a call V8 does not inline is boxed (measured: the delay's four loop-filter
 * states, flushed through a function returning them, made 6 scavenges per 100,000 blocks in
 * some runs).
 */
export function flushDenormals(values: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const value = values[i] as number;
    if (!(value > 1e-25 || value < -1e-25)) values[i] = 0;
  }
}
