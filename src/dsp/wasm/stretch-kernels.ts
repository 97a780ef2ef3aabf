import type { FftPlan } from '../fft';
import type { SincKernel } from '../sinc-interpolator';
import { stretchKernelsBase64 } from './stretch-kernels-wasm';
import { compileBase64, Layout, webAssembly } from './wasm-module';

/**
 * The phase vocoder's FFT stages and stereo stream read, run by `stretch-kernels.wat` (WebAssembly
 * with 128-bit SIMD) over arrays that live in its memory. Every lane does the operations of the
 * TypeScript it stands for (`FftPlan.begin`/`passes`, `SincInterpolator.gatherStereo`) in the
 * same order, so the results are bit-identical to those and the same in the worklet and in Node
 * (tests/unit/dsp/wasm compares them). Why WebAssembly: V8 runs these loops scalar with a bounds
 * check per access; two lanes and no checks halved the tonal warp's DSP load (see the README).
 *
 * Each instance has its own memory, laid out once: re and im (`size` f64 each), the twiddles of
 * every radix-4 stage and their conjugates (per pair of butterflies k, k + 1, six f64x2: W^k, W^2k,
 * W^3k as cos, −sin), the bit-reversal swaps, the stream planes (f32), the read's kernel table
 * (f32) and its positions and outputs (f64). The views below are those arrays: callers write and
 * read them in place. Allocation-free after construction.
 */
export class StretchKernels {
  readonly re: Float64Array;
  readonly im: Float64Array;
  readonly yLeft: Float32Array;
  readonly yRight: Float32Array;
  readonly positions: Float64Array;
  readonly outLeft: Float64Array;
  readonly outRight: Float64Array;
  private readonly exports: KernelExports;
  private readonly plan: FftPlan;
  private readonly kernel: SincKernel;
  /** Byte addresses in the memory. */
  private readonly reAt: number;
  private readonly imAt: number;
  private readonly swapsAt: number;
  private readonly yLeftAt: number;
  private readonly yRightAt: number;
  private readonly rowsAt: number;
  private readonly positionsAt: number;
  private readonly outLeftAt: number;
  private readonly outRightAt: number;
  /** Per stage: where its twiddles and its conjugates start. */
  private readonly twiddlesAt: Int32Array;
  private readonly conjugatesAt: Int32Array;

  constructor(plan: FftPlan, streamFrames: number, kernel: SincKernel, maxBlockFrames: number) {
    const size = plan.size;
    const layout = new Layout();
    this.reAt = layout.take(8 * size);
    this.imAt = layout.take(8 * size);
    this.twiddlesAt = new Int32Array(plan.passCount);
    this.conjugatesAt = new Int32Array(plan.passCount);
    for (let stage = plan.radix2First ? 1 : 0; stage < plan.passCount; stage++) {
      const bytes = 8 * 6 * plan.quarterOf(stage);
      this.twiddlesAt[stage] = layout.take(bytes);
      this.conjugatesAt[stage] = layout.take(bytes);
    }
    this.swapsAt = layout.take(4 * plan.swaps.length);
    this.yLeftAt = layout.take(4 * streamFrames);
    this.yRightAt = layout.take(4 * streamFrames);
    this.rowsAt = layout.take(4 * kernel.rows.length);
    this.positionsAt = layout.take(8 * maxBlockFrames);
    this.outLeftAt = layout.take(8 * maxBlockFrames);
    this.outRightAt = layout.take(8 * maxBlockFrames);
    const api = webAssembly();
    const memory = new api.Memory({ initial: Math.ceil(layout.end / 65_536) });
    this.exports = new api.Instance(compiledModule(), { env: { memory } }).exports as unknown as KernelExports;
    const buffer = memory.buffer;
    this.re = new Float64Array(buffer, this.reAt, size);
    this.im = new Float64Array(buffer, this.imAt, size);
    this.yLeft = new Float32Array(buffer, this.yLeftAt, streamFrames);
    this.yRight = new Float32Array(buffer, this.yRightAt, streamFrames);
    this.positions = new Float64Array(buffer, this.positionsAt, maxBlockFrames);
    this.outLeft = new Float64Array(buffer, this.outLeftAt, maxBlockFrames);
    this.outRight = new Float64Array(buffer, this.outRightAt, maxBlockFrames);
    for (let stage = plan.radix2First ? 1 : 0; stage < plan.passCount; stage++) {
      const h = plan.quarterOf(stage);
      const from = plan.offsets[stage] as number;
      lanesInto(new Float64Array(buffer, this.twiddlesAt[stage], 6 * h), plan.twiddles, from, h);
      lanesInto(new Float64Array(buffer, this.conjugatesAt[stage], 6 * h), plan.conjugates, from, h);
    }
    new Uint32Array(buffer, this.swapsAt, plan.swaps.length).set(plan.swaps);
    new Float32Array(buffer, this.rowsAt, kernel.rows.length).set(kernel.rows);
    this.plan = plan;
    this.kernel = kernel;
  }

  /** The bit-reversal permutation of re and im that starts a transform (`FftPlan.begin`). */
  begin(): void {
    this.exports.begin(this.reAt, this.imAt, this.swapsAt, this.plan.swaps.length >> 1);
  }

  /** Stages [from, to) of a transform of re and im (`FftPlan.passes`). */
  passes(from: number, to: number, inverse: boolean): void {
    const { plan, exports } = this;
    const size = plan.size;
    for (let stage = from; stage < to; stage++) {
      if (stage === 0 && plan.radix2First) {
        exports.radix2(this.reAt, this.imAt, size);
        continue;
      }
      const h = plan.quarterOf(stage);
      const twiddles = (inverse ? this.conjugatesAt[stage] : this.twiddlesAt[stage]) as number;
      const minus = inverse ? 3 * h : h;
      const plus = inverse ? h : 3 * h;
      if (h === 1) exports.radix4First(this.reAt, this.imAt, size, twiddles, minus, plus);
      else exports.radix4(this.reAt, this.imAt, size, twiddles, h, minus, plus);
    }
  }

  /**
   * The stream planes read at `positions[from, to)` into `outLeft`/`outRight`, as
   * `SincInterpolator.gatherStereo` at the kernel's rate (`unitStep`: the rate's step is 1).
   */
  gatherStereo(from: number, to: number, unitStep: boolean): void {
    const kernel = this.kernel;
    this.exports.gatherStereo(
      this.yLeftAt,
      this.yRightAt,
      this.yLeft.length,
      this.rowsAt,
      2 * kernel.halfTaps,
      kernel.phases,
      this.positionsAt,
      from,
      to,
      unitStep ? 1 : 0,
      this.outLeftAt,
      this.outRightAt,
    );
  }
}

interface KernelExports {
  begin(re: number, im: number, swaps: number, count: number): void;
  radix2(re: number, im: number, n: number): void;
  radix4(re: number, im: number, n: number, twiddles: number, h: number, minus: number, plus: number): void;
  radix4First(re: number, im: number, n: number, twiddles: number, minus: number, plus: number): void;
  gatherStereo(left: number, right: number, length: number, rows: number, taps: number, phases: number, positions: number, from: number, to: number, unitStep: number, outLeft: number, outRight: number): void;
}

/** A stage's twiddles from the plan's order (per k: six values) into pairs of k side by side, one f64x2 per value. */
function lanesInto(into: Float64Array, table: Float64Array, from: number, h: number): void {
  if (h === 1) {
    into.set(table.subarray(from, from + 6));
    return;
  }
  for (let k = 0; k < h; k += 2) {
    for (let value = 0; value < 6; value++) {
      into[6 * k + 2 * value] = table[from + 6 * k + value] as number;
      into[6 * k + 2 * value + 1] = table[from + 6 * (k + 1) + value] as number;
    }
  }
}

let compiled: object | undefined;

/** The module, compiled once per host. */
function compiledModule(): object {
  compiled ??= compileBase64(stretchKernelsBase64);
  return compiled;
}
