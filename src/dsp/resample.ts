import { assert } from '../std/assert';
import { SincInterpolator } from './sinc-interpolator';

let shared: SincInterpolator | undefined;

/**
 * Converts whole buffers from `fromRate` to `toRate` with the band-limited interpolator (export,
 * offline conversion, tests). Each output has round(frames · toRate / fromRate) frames; output
 * frame n reads the source at n · fromRate / toRate (computed as one division, so positions do
 * not drift). Identical rates return copies. Frames before 0 and after the end read as silence.
 * Allocates the outputs; for block-by-block work use SincInterpolator.valueAt directly.
 */
export function resampleChannels(
  channels: readonly Float32Array[],
  fromRate: number,
  toRate: number,
  interpolator?: SincInterpolator,
): Float32Array[] {
  assert(Number.isFinite(fromRate) && fromRate > 0, `source rate ${fromRate} is not a positive number`);
  assert(Number.isFinite(toRate) && toRate > 0, `target rate ${toRate} is not a positive number`);
  if (fromRate === toRate) return channels.map((channel) => channel.slice());
  const kernel = interpolator ?? (shared ??= new SincInterpolator());
  const step = fromRate / toRate;
  return channels.map((channel) => {
    const out = new Float32Array(Math.round((channel.length * toRate) / fromRate));
    for (let n = 0; n < out.length; n++) out[n] = kernel.valueAt(channel, (n * fromRate) / toRate, step);
    return out;
  });
}
