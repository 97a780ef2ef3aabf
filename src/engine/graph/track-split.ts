import type { DeviceType } from '../../devices/catalog';
import type { EngineChannel } from '../../protocol/engine';
import type { ChannelStrip } from './channel-strip';

/**
 * Offline renders run on two threads: two engines with the same document, one on each thread.
 * Which tracks the second thread may take is fixed by the document alone (`splitGroup`), and
 * every engine, split or not, processes those tracks first, before any other channel: each bus
 * and the master then holds, once the group is processed, the float32 sum of what the group
 * added to it (from a cleared block, in the group's order), and every other feed adds onto that.
 * So the helper thread hands over one block per target (bus or master) and segment, and the main
 * render starts each target from it: a render on two threads gives every channel the same sums
 * in the same order as playback or a render on one thread (the mix is the same to the bit), and
 * the stems, in processing order, still sum to the master's input.
 */
export interface SplitExchange {
  /** Helper side: hands over frames [0, frames) of `plane`. */
  put(plane: Float32Array, frames: number): void;
  /** Main side: adds the next `frames` samples handed over into `plane` from 0 (plane[i] + x, as every target sums). */
  addInto(plane: Float32Array, frames: number): void;
  /** Both sides, after every segment. */
  segmentDone(): void;
}

/** The channels a strip adds into: its output, then its sends. */
export function targetsOf(strip: ChannelStrip): ChannelStrip[] {
  return [...(strip.output ? [strip.output.target] : []), ...strip.sends.map((send) => send.target)];
}

/** The channels the group's strips add into, each once, in the order they are first fed: the blocks handed over. */
export function groupTargets(group: readonly ChannelStrip[]): ChannelStrip[] {
  return [...new Set(group.flatMap(targetsOf))];
}

/**
 * Whether a track's strip can be rendered on the helper (and so go first in the processing
 * order): it plays no instrument (whose pads feed buses of their own), adds into each target once,
 * adds into no bus that pads feed (they add before every strip), and neither listens to a
 * sidechain nor is one (the listener would need the key's samples on its own thread).
 */
export function canSplitOff(strip: ChannelStrip, hasInstrument: boolean, allStrips: readonly ChannelStrip[], padTargets: ReadonlySet<ChannelStrip>): boolean {
  if (hasInstrument) return false;
  const targets = targetsOf(strip);
  if (new Set(targets).size !== targets.length || targets.some((target) => padTargets.has(target))) return false;
  if (strip.inserts.some((insert) => insert.sidechain !== null)) return false;
  return !allStrips.some((other) => other.inserts.some((insert) => insert.sidechain === strip));
}

/**
 * What an active insert of each type costs in the split's reckoning, where a channel's strip (its
 * fader pass, with a track's clip read) costs 1: measured per block in the 64-track bench mix and
 * in a track per device type (Node, 48 kHz, default parameters), rounded. The true-peak limiter
 * and the oversampled or modulated ones cost several strips; the reverb's eight lines about four.
 */
const insertCost = {
  utility: 1,
  eq: 1,
  compressor: 1,
  filter: 1,
  bitcrusher: 1,
  delay: 2,
  reverb: 4,
  limiter: 5,
  chorus: 5,
  saturation: 5,
} satisfies Record<DeviceType, number>;

/** The channel's processing cost in the split's reckoning: its strip and its active inserts. */
function cost(channel: EngineChannel): number {
  return channel.inserts.reduce((sum, insert) => sum + (insert.bypass ? 0 : insertCost[insert.type]), 1);
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
