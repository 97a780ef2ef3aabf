import type { ChannelStrip } from './channel-strip';

/**
 * An offline render on two threads: two engines with the same document, one on each thread. The
 * helper renders only the tracks given to it and hands over, per segment, what each of them adds
 * into its output and send targets; the main engine renders everything else and, where such a
 * track stands in the processing order, adds what the helper handed over instead of processing it.
 * Every target thus receives the same float32 values in the same order as in a render on one
 * thread, so the mix is the same to the bit.
 */
export interface SplitExchange {
  /** Helper side: hands over frames [0, frames) of `plane`. */
  put(plane: Float32Array, frames: number): void;
  /** Main side: adds the next `frames` samples handed over into `plane` from 0 (plane[i] + x, as every target sums). */
  addInto(plane: Float32Array, frames: number): void;
  /** Both sides, after every segment. */
  segmentDone(): void;
}

/** What an engine does with a channel in a split render. */
export const channelShare = {
  /** Renders and processes it (no split, or the main engine's own channels). */
  own: 0,
  /** Leaves it alone (the helper: every channel it was not given). */
  skip: 1,
  /** Renders and processes it into empty targets and hands over what it added (the helper's channels). */
  record: 2,
  /** Adds what the helper handed over into its targets (the main engine: the helper's channels). */
  replay: 3,
} as const;

/** The channels a strip adds into: its output, then its sends. */
export function targetsOf(strip: ChannelStrip): ChannelStrip[] {
  return [...(strip.output ? [strip.output.target] : []), ...strip.sends.map((send) => send.target)];
}

/**
 * Whether a track's strip can be rendered on the helper: it adds into each of its targets once
 * (so each target's sum can be handed over alone), nothing listens to it as a sidechain (the
 * listener would need its samples), and it plays no instrument (whose pads may feed buses of
 * their own).
 */
export function canSplitOff(strip: ChannelStrip, hasInstrument: boolean, allStrips: readonly ChannelStrip[]): boolean {
  if (hasInstrument) return false;
  const targets = targetsOf(strip);
  if (new Set(targets).size !== targets.length) return false;
  return !allStrips.some((other) => other.inserts.some((insert) => insert.sidechain === strip));
}
