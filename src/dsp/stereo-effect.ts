/**
 * The shape every stock effect kernel shares, so the engine's device registry wraps them all the
 * same way: built with the sample rate, parameters set through typed setters (units in their
 * names; each setter is cheap and allocation-free, so the parameter table may call it every
 * block), audio processed in place.
 */
export interface StereoEffect {
  /** Frames by which the output lags the input (lookahead); the graph compensates parallel paths. */
  readonly latencyFrames: number;
  /** Processes `left[0, frames)` and `right[0, frames)` in place. Never allocates. */
  process(left: Float32Array, right: Float32Array, frames: number): void;
  /** Forgets the signal's past (delay lines, filter states, envelopes); keeps the parameters. */
  reset(): void;
}
