import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { DelayLine } from '../../../src/dsp/delay/delay-line';

/**
 * A delay line's read wraps around its ring once per pass, which in a long ring (a tempo-synced
 * delay holds seconds) first happens long after the block loop was optimized. Arithmetic that
 * only the wrap runs has no type feedback then, and V8 throws the optimized code away on first
 * use (the cold-params bench suite measured that deoptimization as ~3.4 MB of boxed doubles on
 * the audio thread). The read must wrap with the same operations it always runs: optimized on
 * reads that never wrap, it stays optimized through reads that do, and reads the right samples.
 */
describe('a delay line read across the ring’s wrap', () => {
  it('keeps its optimized code and returns the samples a plain modulo index gives', () => {
    v8.setFlagsFromString('--allow-natives-syntax');
    // Natives syntax is read when a function is compiled, so these are compiled after the flag is set.
    const prepare = new Function('f', '%PrepareFunctionForOptimization(f);') as (f: unknown) => void;
    const optimizeNext = new Function('f', '%OptimizeFunctionOnNextCall(f);') as (f: unknown) => void;
    const status = new Function('f', 'return %GetOptimizationStatus(f);') as (f: unknown) => number;
    const optimized = 1 << 4;

    const line = new DelayLine(1000);
    const size = 1004;
    const delay = 10.5;
    const input = (n: number) => Math.sin(n * 0.37) * 0.8;
    const written: number[] = [];
    // What the ring holds: float32.
    const write = () => {
      const sample = Math.fround(input(written.length));
      line.write(sample);
      written.push(sample);
    };
    // Reads only where no index wraps: positions 20 … 900 of the ring (the newest sample is position − 1).
    const readAll = (reads: number[]) => {
      for (let n = written.length; n % size !== 20; ) {
        write();
        n = written.length;
      }
      for (let k = 0; k < 880; k++) {
        reads.push(line.read(delay));
        write();
      }
    };
    const read = DelayLine.prototype.read;
    prepare(read);
    const warm: number[] = [];
    for (let pass = 0; pass < 3; pass++) readAll(warm);
    optimizeNext(read);
    readAll(warm);
    expect(status(read) & optimized, 'optimized after reads that never wrap').toBe(optimized);

    // Now every position of the ring, the wraps included.
    while (written.length % size !== 0) write();
    const got: number[] = [];
    const want: number[] = [];
    for (let k = 0; k < size; k++) {
      got.push(line.read(delay));
      // Cubic Hermite between the samples 11 and 10 writes ago, half way, from the four around them.
      const at = (back: number) => written[written.length - back] as number;
      const [xm1, x0, x1, x2] = [at(9), at(10), at(11), at(12)];
      const c1 = 0.5 * (x1 - xm1);
      const c2 = xm1 - 2.5 * x0 + 2 * x1 - 0.5 * x2;
      const c3 = 0.5 * (x2 - xm1) + 1.5 * (x0 - x1);
      want.push(((c3 * 0.5 + c2) * 0.5 + c1) * 0.5 + x0);
      write();
    }
    expect(status(read) & optimized, 'still optimized after reads that wrap').toBe(optimized);
    expect(got).toEqual(want);
  });
});
