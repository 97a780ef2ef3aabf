import type { SincKernel } from '../sinc-interpolator';
import { type KernelExports, kernelInstance } from './stretch-instance';
import { Layout } from './wasm-module';

/**
 * The stereo band-limited read of a stretched stream, in WebAssembly (stretch-kernels.wat): a
 * window of the stream's planes read at positions through `SincInterpolator`'s kernel table like
 * `gatherStereo`, but each row summed in single precision, eight taps at a time (its rounding,
 * ≈ −140 dB, lies far under the vocoder's own artefacts; the .wat says the exact order,
 * tests/unit/dsp/wasm checks it). Deterministic: the same bits in the worklet and in Node.
 *
 * One instance per kernel table and host, shared by every vocoder reading at that rate (`shared`):
 * the table (≈ 160 kB at +3 semitones) then stays in the cache however many clips play, where a
 * copy per clip was read from memory each block. A caller copies the stream frames its block
 * needs into `left`/`right`, writes `positions` (frames into that window) and calls `read`.
 * Allocation-free after construction.
 */
export class StreamRead {
  /** The window of the stream's planes (f32, `windowFrames` frames). */
  readonly left: Float32Array;
  readonly right: Float32Array;
  readonly positions: Float64Array;
  readonly outLeft: Float64Array;
  readonly outRight: Float64Array;
  readonly windowFrames: number;
  /** Taps per kernel row in the memory: the kernel's, rounded up to 8 (zeros after). */
  readonly stride: number;
  private readonly kernel: SincKernel;
  private readonly exports: KernelExports;
  private readonly leftAt: number;
  private readonly rightAt: number;
  private readonly rowsAt: number;
  private readonly scratchAt: number;
  private readonly positionsAt: number;
  private readonly outLeftAt: number;
  private readonly outRightAt: number;

  /** The instance for `kernel` with a window of at least `windowFrames` and `maxBlockFrames` positions. */
  static shared(kernel: SincKernel, windowFrames: number, maxBlockFrames: number): StreamRead {
    const reads = shared.get(kernel) ?? [];
    let read = reads.find((r) => r.windowFrames >= windowFrames && r.positions.length >= maxBlockFrames);
    if (!read) {
      read = new StreamRead(kernel, windowFrames, maxBlockFrames);
      reads.push(read);
      shared.set(kernel, reads);
    }
    return read;
  }

  constructor(kernel: SincKernel, windowFrames: number, maxBlockFrames: number) {
    const taps = 2 * kernel.halfTaps;
    this.stride = Math.ceil(taps / 8) * 8;
    this.windowFrames = windowFrames;
    this.kernel = kernel;
    const layout = new Layout();
    this.leftAt = layout.take(4 * windowFrames);
    this.rightAt = layout.take(4 * windowFrames);
    this.rowsAt = layout.take(4 * this.stride * (kernel.phases + 1));
    this.scratchAt = layout.take(8 * this.stride);
    this.positionsAt = layout.take(8 * maxBlockFrames);
    this.outLeftAt = layout.take(8 * maxBlockFrames);
    this.outRightAt = layout.take(8 * maxBlockFrames);
    const { exports, buffer } = kernelInstance(layout);
    this.exports = exports;
    this.left = new Float32Array(buffer, this.leftAt, windowFrames);
    this.right = new Float32Array(buffer, this.rightAt, windowFrames);
    this.positions = new Float64Array(buffer, this.positionsAt, maxBlockFrames);
    this.outLeft = new Float64Array(buffer, this.outLeftAt, maxBlockFrames);
    this.outRight = new Float64Array(buffer, this.outRightAt, maxBlockFrames);
    const rows = new Float32Array(buffer, this.rowsAt, this.stride * (kernel.phases + 1));
    for (let row = 0; row <= kernel.phases; row++) rows.set(kernel.rows.subarray(row * taps, (row + 1) * taps), row * this.stride);
  }

  /**
   * The window's first `frames` frames (frames past them read as 0) read at `positions[0, count)`
   * into `outLeft`/`outRight`; `unitStep`: the rate's step is 1, so whole positions copy the frame.
   */
  read(count: number, frames: number, unitStep: boolean): void {
    const kernel = this.kernel;
    this.exports.gatherStereo(
      this.leftAt,
      this.rightAt,
      frames,
      this.rowsAt,
      2 * kernel.halfTaps,
      this.stride,
      kernel.phases,
      this.positionsAt,
      0,
      count,
      unitStep ? 1 : 0,
      this.outLeftAt,
      this.outRightAt,
      this.scratchAt,
    );
  }
}

/** Per kernel table, the reads made for it (usually one). */
const shared = new Map<SincKernel, StreamRead[]>();
