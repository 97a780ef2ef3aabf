import { stretchKernelsBase64 } from './stretch-kernels-wasm';
import { KernelModule, type Layout } from './wasm-module';

/** The kernel module, compiled once per host. */
const stretchModule = new KernelModule<KernelExports>(stretchKernelsBase64);

/** What stretch-kernels.wat exports; every address is a byte offset into the instance's memory. */
export interface KernelExports {
  begin(re: number, im: number, swaps: number, count: number): void;
  radix2(re: number, im: number, n: number): void;
  radix4(re: number, im: number, n: number, twiddles: number, h: number, minus: number, plus: number): void;
  radix4First(re: number, im: number, n: number, twiddles: number, minus: number, plus: number): void;
  sumSpectrum(re: number, im: number, sumRe: number, sumIm: number, magnitude: number, size: number, loudest: number): void;
  findPeaks(magnitude: number, bins: number, floor: number, peaks: number): number;
  rotate(re: number, im: number, cos: number, sin: number, size: number): void;
  fillRegions(peaks: number, count: number, values: number, out: number, bins: number): void;
  atan2(ys: number, xs: number, count: number, specials: number): number;
  log(values: number, count: number, specials: number): number;
  sinCos(values: number, cosines: number, from: number, to: number, specials: number): number;
  rotations(
    peaks: number, below: number, above: number, advance: number, spanAngle: number, prevTheta: number, cos: number, sin: number,
    from: number, to: number, size: number, analysisHop: number, span: number, displacement: number, hop: number,
    withPrevious: number, anchored: number, withAnchor: number,
  ): void;
  overlapAdd(re: number, im: number, window: number, left: number, right: number, from: number, to: number): void;
  gatherStereo(left: number, right: number, length: number, rows: number, taps: number, stride: number, phases: number, positions: number, from: number, to: number, unitStep: number, outLeft: number, outRight: number, scratch: number): void;
}

/** An instance of the stretch kernels with a memory of its own, large enough for `layout`. */
export function kernelInstance(layout: Layout): { exports: KernelExports; buffer: ArrayBuffer } {
  return stretchModule.instance(layout);
}
