/**
 * quantizeWithTpdf (src/dsp/dither.ts) for a stereo pair in one pass of WebAssembly SIMD
 * (tpdf-stereo.wat): the left channel dithered as by `new TpdfDither(seed)` and the right as by
 * `new TpdfDither(seed + 1)`, the same codes bit for bit (a test compares them), each generator
 * going on from one call to the next. Measured reason: the dither was the largest single part of
 * the FLAC export's encoder time in TypeScript (one generator step per draw, two per sample).
 */
import { seededState } from '../dither';
import { tpdfStereoBase64 } from './tpdf-stereo-wasm';
import { KernelModule, Layout } from './wasm-module';

/** The kernel module, compiled once per host. */
const tpdfModule = new KernelModule<TpdfExports>(tpdfStereoBase64);

interface TpdfExports {
  quantize(state: number, left: number, right: number, codesLeft: number, codesRight: number, count: number, scale: number): void;
}

/** Frames per kernel call: the size of the instance's buffers. */
const RUN = 8192;

export class StereoTpdfQuantizer {
  private readonly exports: TpdfExports;
  private readonly at: { state: number; left: number; right: number; codesLeft: number; codesRight: number };
  private readonly left: Float32Array;
  private readonly right: Float32Array;
  private readonly codesLeft: Int32Array;
  private readonly codesRight: Int32Array;

  constructor(
    private readonly bits: 16 | 24,
    seed: number,
  ) {
    const layout = new Layout();
    this.at = { state: layout.take(64), left: layout.take(4 * RUN), right: layout.take(4 * RUN), codesLeft: layout.take(4 * RUN), codesRight: layout.take(4 * RUN) };
    const { exports, buffer } = tpdfModule.instance(layout);
    this.exports = exports;
    this.left = new Float32Array(buffer, this.at.left, RUN);
    this.right = new Float32Array(buffer, this.at.right, RUN);
    this.codesLeft = new Int32Array(buffer, this.at.codesLeft, RUN);
    this.codesRight = new Int32Array(buffer, this.at.codesRight, RUN);
    // Word j of lane c (channel c; lanes 2 and 3 unused) at state + 16·j + 4·c.
    const state = new Uint32Array(buffer, this.at.state, 16);
    for (let c = 0; c < 2; c++) seededState(seed + c).forEach((word, j) => (state[4 * j + c] = word));
  }

  /** Codes of frames [0, frames) of `left` and `right` into `codesLeft` and `codesRight` (each at least `frames` long). */
  quantize(left: Float32Array, right: Float32Array, frames: number, codesLeft: Int32Array, codesRight: Int32Array): void {
    const { at } = this;
    const scale = this.bits === 16 ? 32768 : 8388608;
    for (let start = 0; start < frames; start += RUN) {
      const count = Math.min(RUN, frames - start);
      this.left.set(left.subarray(start, start + count));
      this.right.set(right.subarray(start, start + count));
      this.exports.quantize(at.state, at.left, at.right, at.codesLeft, at.codesRight, count, scale);
      codesLeft.set(this.codesLeft.subarray(0, count), start);
      codesRight.set(this.codesRight.subarray(0, count), start);
    }
  }
}
