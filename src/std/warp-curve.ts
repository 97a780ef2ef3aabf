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
  private readonly beatsPerSecond: number;

  constructor(markers: readonly WarpMarker[], sourceTempo: number) {
    this.sources = Float64Array.from(markers, (marker) => marker.source);
    this.beats = Float64Array.from(markers, (marker) => marker.beat);
    this.beatsPerSecond = sourceTempo / 60;
  }

  /** The clip beat heard at `seconds` of source time. */
  beatAt(seconds: number): number {
    return interpolate(this.sources, this.beats, seconds, this.beatsPerSecond);
  }

  /** The source time (seconds) at clip beat `beat`. */
  secondsAt(beat: number): number {
    return interpolate(this.beats, this.sources, beat, 1 / this.beatsPerSecond);
  }

  /**
   * `secondsAt` for values[i], i in [from, to), in place: the audio thread's form (no double
   * crosses a call, so nothing is boxed).
   */
  secondsInPlace(values: Float64Array, from: number, to: number): void {
    const xs = this.beats;
    const ys = this.sources;
    const n = xs.length;
    const slope = 1 / this.beatsPerSecond;
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
}

/** Piecewise-linear through (xs, ys), extrapolated with `slope` outside them (through 0 when empty). */
function interpolate(xs: Float64Array, ys: Float64Array, x: number, slope: number): number {
  const n = xs.length;
  if (n === 0) return x * slope;
  const first = xs[0] as number;
  if (x <= first) return (ys[0] as number) + (x - first) * slope;
  const last = xs[n - 1] as number;
  if (x >= last) return (ys[n - 1] as number) + (x - last) * slope;
  let low = 0;
  let high = n - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((xs[middle] as number) <= x) low = middle;
    else high = middle;
  }
  const x0 = xs[low] as number;
  const y0 = ys[low] as number;
  return y0 + ((x - x0) * ((ys[high] as number) - y0)) / ((xs[high] as number) - x0);
}
