import type { EngineChannel } from '../../protocol/engine';
import type { ChannelStrip, StereoBlock } from './channel-strip';

/**
 * Offline renders run on two threads: two engines with the same document, one on each thread.
 * Which tracks the second thread may take is fixed by the document alone (`splitGroup`), and
 * every engine, split or not, sums those tracks' contributions to each bus apart, in a block of
 * the bus's own (`ChannelStrip.partial`, starting from −0), added to the bus's input just before
 * the bus is processed. So the helper thread hands over one summed block per bus and segment, not
 * one per track, and a render on two threads gives every bus the same float32 sums in the same
 * order as playback or a render on one thread: the mix is the same to the bit. What such a track
 * adds to the master is handed over track by track and added where the track stands in the
 * processing order: the master's input stays the sum of its feeds in that order, which the stems
 * promise.
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
  /** Leaves it alone (the helper: every channel not in the group). */
  skip: 1,
  /** Renders and processes it, hands over what it added into the master (the helper: the group's tracks). */
  record: 2,
  /** Adds what the helper handed over into the master (the main engine: the group's tracks). */
  replay: 3,
} as const;

/** The channels a strip adds into: its output, then its sends. */
export function targetsOf(strip: ChannelStrip): ChannelStrip[] {
  return [...(strip.output ? [strip.output.target] : []), ...strip.sends.map((send) => send.target)];
}

/** The targets a strip adds into directly, not through a bus's `partial`: the ones a split render hands over per track. */
export function directTargetsOf(strip: ChannelStrip): ChannelStrip[] {
  return [...(strip.output && strip.output.into === strip.output.target ? [strip.output.target] : []), ...strip.sends.filter((send) => send.into === send.target).map((send) => send.target)];
}

/** The block a track of the group adds into for `target`: the bus's partial sum (made here), or the master itself. */
export function groupInto(target: ChannelStrip): StereoBlock {
  if (target.channel.kind !== 'bus') return target;
  target.partial ??= { left: new Float32Array(target.left.length), right: new Float32Array(target.right.length) };
  return target.partial;
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

/** The channel's processing cost in the split's reckoning: one for the strip, one per active insert. */
function cost(channel: EngineChannel): number {
  return 1 + channel.inserts.filter((insert) => !insert.bypass).length;
}

/**
 * The group a helper thread renders: splittable tracks (ids) taken from the end of the track list
 * until they hold about half of all channels' cost.
 */
export function splitGroup(channels: readonly EngineChannel[], splittable: readonly string[]): Set<string> {
  const total = channels.reduce((sum, channel) => sum + cost(channel), 0);
  const costs = new Map(channels.map((channel) => [channel.id, cost(channel)]));
  const group = new Set<string>();
  let load = 0;
  for (let i = splittable.length - 1; i >= 0; i--) {
    const id = splittable[i] as string;
    const next = costs.get(id) ?? 1;
    if (load + next > total / 2) break;
    group.add(id);
    load += next;
  }
  return group;
}
