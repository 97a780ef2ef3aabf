import type { Stretcher } from '../../../../src/dsp/stretch/stretcher';
import type { StretchMap } from '../../../../src/dsp/stretch/stretch-source';
import { SincInterpolator } from '../../../../src/dsp/sinc-interpolator';

export const interpolator = new SincInterpolator();

/** Output frame f plays source frame f / stretch (a clip `stretch` times as long as its source). */
export function linearMap(stretch: number): StretchMap {
  return {
    sourceFrames(frames, sources, from, to) {
      for (let i = from; i < to; i++) sources[i] = (frames[i] as number) / stretch;
    },
  };
}

/** Renders output frames [from, from + frames) through `stretcher` in blocks of `block` frames. */
export function renderStretch(stretcher: Stretcher, frames: number, from = 0, block: number | (() => number) = 128): [Float64Array, Float64Array] {
  const left = new Float64Array(frames);
  const right = new Float64Array(frames);
  for (let done = 0; done < frames; ) {
    const size = Math.min(typeof block === 'number' ? block : block(), frames - done, 128);
    stretcher.render(interpolator, from + done, size, left, right, done);
    done += size;
  }
  return [left, right];
}

/** Seeded block sizes 1–128, as automation cuts blocks. */
export function ragged(seed = 7): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return 1 + (state % 128);
  };
}

/** A cent is 1/1200 of an octave. */
export const cents = (measured: number, expected: number): number => 1200 * Math.log2(measured / expected);
