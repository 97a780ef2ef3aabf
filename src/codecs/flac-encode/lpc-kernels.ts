/**
 * The encoder's two linear-prediction loops over a block, autocorrelation and residual, run in
 * WebAssembly SIMD (lpc-kernels.wat) with the same results as the TypeScript arithmetic that
 * lpc.ts documents (a test compares them bit for bit). Measured reason: the two loops were a fifth
 * of the encoder's CPU time in TypeScript. Each instance has a memory of its own and keeps its
 * block's samples between the two calls; `residual` is a view into that memory.
 */
import { lpcKernelsBase64 } from './lpc-kernels-wasm';
import { MAX_LPC_ORDER } from './lpc';
import { KernelModule, Layout } from '../../dsp/wasm/wasm-module';

/** The kernel module, compiled once per host. */
const lpcModule = new KernelModule<LpcExports>(lpcKernelsBase64);

interface LpcExports {
  autocorrelation(x: number, window: number, xf: number, d: number, n: number, out: number): void;
  residual(xf: number, n: number, q: number, order: number, scale: number, r: number): number;
}

/** Lags the kernel sums (0…9; lpc.ts uses 0…MAX_LPC_ORDER). */
const LAGS = 10;

export class LpcKernels {
  /** The last `residual`'s values at [order, n) (valid until the next call). */
  readonly residualValues: Int32Array;
  private readonly exports: LpcExports;
  private readonly x: Int32Array;
  private readonly window: Float64Array;
  private readonly taps: Float64Array;
  private readonly lags: Float64Array;
  private readonly at: { x: number; window: number; xf: number; d: number; taps: number; lags: number; residual: number };
  /** The window now in memory (the caller's array, compared by identity). */
  private windowIn: Float64Array | null = null;

  constructor(blockSize: number) {
    const layout = new Layout();
    this.at = {
      // One slot more than a block each: the kernel reads and writes two samples a step.
      x: layout.take(4 * (blockSize + 1)),
      window: layout.take(8 * (blockSize + 1)),
      xf: layout.take(8 * (8 + blockSize + 1)),
      d: layout.take(8 * (LAGS + blockSize + 1)),
      taps: layout.take(8 * MAX_LPC_ORDER),
      lags: layout.take(8 * LAGS),
      residual: layout.take(4 * (blockSize + 1)),
    };
    const { exports, buffer } = lpcModule.instance(layout);
    this.exports = exports;
    this.x = new Int32Array(buffer, this.at.x, blockSize);
    this.window = new Float64Array(buffer, this.at.window, blockSize);
    this.taps = new Float64Array(buffer, this.at.taps, MAX_LPC_ORDER);
    this.lags = new Float64Array(buffer, this.at.lags, LAGS);
    this.residualValues = new Int32Array(buffer, this.at.residual, blockSize + 1);
  }

  /**
   * autoc[lag] = Σ d[i] · d[i − lag] over [lag, n) for lag 0…MAX_LPC_ORDER, d = samples · window
   * (window at least n long). Keeps the samples for `residual`.
   */
  autocorrelation(samples: Int32Array, window: Float64Array, n: number, autoc: Float64Array): void {
    this.x.set(samples.subarray(0, n));
    if (this.windowIn !== window) {
      this.window.set(window.subarray(0, Math.min(window.length, this.window.length)));
      this.windowIn = window;
    }
    const { at } = this;
    this.exports.autocorrelation(at.x, at.window, at.xf, at.d, n, at.lags);
    for (let lag = 0; lag <= MAX_LPC_ORDER; lag++) autoc[lag] = this.lags[lag] as number;
  }

  /**
   * residualValues[i] = x[i] − ⌊Σ qlp[j] · x[i − 1 − j] / 2^shift⌋ for i in [order, n), x the
   * samples of the last `autocorrelation`; false when a residual does not fit the Rice coder.
   */
  residual(n: number, qlp: Int32Array, order: number, shift: number): boolean {
    for (let j = 0; j < MAX_LPC_ORDER; j++) this.taps[j] = j < order ? (qlp[j] as number) : 0;
    const { at } = this;
    return this.exports.residual(at.xf, n, at.taps, order, 1 / (1 << shift), at.residual) === 1;
  }
}
