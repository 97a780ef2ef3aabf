/**
 * A warped clip's musical time (format v4 `warp`): beats from the source's time 0 as a function
 * of source seconds. Without markers, beat = seconds × sourceTempo / 60. Between markers the
 * mapping is linear; before the first and after the last it is extrapolated at `sourceTempo`.
 * Markers are sorted and strictly increasing in both fields (the schema checks it).
 */
export interface WarpMarker {
  /** Seconds of source time. */
  readonly source: number;
  /** Beats from the source's time 0. */
  readonly beat: number;
}

export class WarpCurve {
  private readonly sources: Float64Array;
  private readonly beats: Float64Array;
  /** Extrapolation slopes: [beats per second, seconds per beat]. */
  private readonly slopes: Float64Array;
  /** One value for the scalar forms. */
  private readonly scratch = new Float64Array(1);

  constructor(markers: readonly WarpMarker[], sourceTempo: number) {
    this.sources = Float64Array.from(markers, (marker) => marker.source);
    this.beats = Float64Array.from(markers, (marker) => marker.beat);
    this.slopes = Float64Array.of(sourceTempo / 60, 1 / (sourceTempo / 60));
  }

  /** The clip beat heard at `seconds` of source time. */
  beatAt(seconds: number): number {
    this.scratch[0] = seconds;
    interpolateInPlace(this.sources, this.beats, this.slopes, 0, this.scratch, 0, 1);
    return this.scratch[0] as number;
  }

  /** The source time (seconds) at clip beat `beat`. */
  secondsAt(beat: number): number {
    this.scratch[0] = beat;
    this.secondsInPlace(this.scratch, 0, 1);
    return this.scratch[0] as number;
  }

  /**
   * `secondsAt` for values[i], i in [from, to), in place: the audio thread's form (no double
   * crosses a call, so nothing is boxed).
   */
  secondsInPlace(values: Float64Array, from: number, to: number): void {
    interpolateInPlace(this.beats, this.sources, this.slopes, 1, values, from, to);
  }
}

/**
 * values[i] (i in [from, to)) mapped piecewise-linearly through (xs, ys), extrapolated with
 * `slopes[slope]` outside them (through 0 when empty). Only arrays and whole numbers cross the
 * call, so the audio thread can use it without boxing.
 */
function interpolateInPlace(xs: Float64Array, ys: Float64Array, slopes: Float64Array, slopeIndex: number, values: Float64Array, from: number, to: number): void {
  const n = xs.length;
  const slope = slopes[slopeIndex] as number;
  for (let i = from; i < to; i++) {
    const x = values[i] as number;
    if (n === 0) {
      values[i] = x * slope;
      continue;
    }
    if (x <= (xs[0] as number)) {
      values[i] = (ys[0] as number) + (x - (xs[0] as number)) * slope;
      continue;
    }
    if (x >= (xs[n - 1] as number)) {
      values[i] = (ys[n - 1] as number) + (x - (xs[n - 1] as number)) * slope;
      continue;
    }
    let low = 0;
    let high = n - 1;
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if ((xs[middle] as number) <= x) low = middle;
      else high = middle;
    }
    const x0 = xs[low] as number;
    const y0 = ys[low] as number;
    values[i] = y0 + ((x - x0) * ((ys[high] as number) - y0)) / ((xs[high] as number) - x0);
  }
}
