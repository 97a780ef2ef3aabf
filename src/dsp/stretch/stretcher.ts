import type { SincInterpolator } from '../sinc-interpolator';

/**
 * What every warp mode renders through: output frames [frame, frame + count), counted from the
 * clip's start, into `left`/`right` at [at, at + count). The samples depend only on the frames
 * asked for, never on earlier calls, so seeks, loop wraps and block sizes change nothing.
 */
export interface Stretcher {
  render(interpolator: SincInterpolator, frame: number, count: number, left: Float64Array, right: Float64Array, at: number): void;
}
