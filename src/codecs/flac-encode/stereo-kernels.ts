/**
 * The frame encoder's stereo estimate in WebAssembly SIMD (stereo-kernels.wat): mid (⌊(l + r) / 2⌋)
 * and side (l − r) of a block, and the sum of the absolute order-2 residual of left, right, mid
 * and side, which decides the channel assignment (frame.ts). The sums are exact integers, the same
 * as the TypeScript's (a test compares them). Measured reason: the pass in TypeScript took a tenth
 * of the encoder's CPU time. `mid` and `side` are views into the instance's memory.
 */
import { stereoKernelsBase64 } from './stereo-kernels-wasm';
import { KernelModule, Layout } from '../../dsp/wasm/wasm-module';

/** The kernel module, compiled once per host. */
const stereoModule = new KernelModule<StereoExports>(stereoKernelsBase64);

interface StereoExports {
  estimate(left: number, right: number, mid: number, side: number, n: number, out: number): void;
}

export class StereoKernels {
  /** The last `estimate`'s mid and side at [0, n) (valid until the next call). */
  readonly mid: Int32Array;
  readonly side: Int32Array;
  /** The last `estimate`'s sums: left, right, mid, side. */
  readonly sums: Float64Array;
  private readonly exports: StereoExports;
  private readonly at: { left: number; right: number; mid: number; side: number; sums: number };
  private readonly left: Int32Array;
  private readonly right: Int32Array;

  constructor(blockSize: number) {
    const layout = new Layout();
    // Three samples more than a block each: the kernel steps four samples at a time.
    const plane = 4 * (blockSize + 3);
    this.at = { left: layout.take(plane), right: layout.take(plane), mid: layout.take(plane), side: layout.take(plane), sums: layout.take(32) };
    const { exports, buffer } = stereoModule.instance(layout);
    this.exports = exports;
    this.left = new Int32Array(buffer, this.at.left, blockSize);
    this.right = new Int32Array(buffer, this.at.right, blockSize);
    this.mid = new Int32Array(buffer, this.at.mid, blockSize);
    this.side = new Int32Array(buffer, this.at.side, blockSize);
    this.sums = new Float64Array(buffer, this.at.sums, 4);
  }

  /** Mid, side and the four order-2 sums of left[0, n) and right[0, n). */
  estimate(left: Int32Array, right: Int32Array, n: number): void {
    this.left.set(left.subarray(0, n));
    this.right.set(right.subarray(0, n));
    const { at } = this;
    this.exports.estimate(at.left, at.right, at.mid, at.side, n, at.sums);
  }
}
