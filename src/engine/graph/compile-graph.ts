import type { EngineMixer } from '../../protocol/engine';
import { padOutputs } from '../../protocol/engine-instruments';
import { topologicalOrder } from '../../std/topological-order';

/** One edge of the graph: a channel's output, or one of its sends, into another channel's input. */
export interface Connection {
  /** Channel indices, in `EngineMixer` order. */
  readonly from: number;
  readonly to: number;
  /** The send's index on `from`, or −1 for the channel's output. */
  readonly send: number;
  /** Frames this path is held back so it meets the other inputs of `to` in time. */
  readonly delay: number;
}

/** A drum machine's pads playing into a bus past their track's inserts and fader. */
export interface PadRoute {
  /** Channel indices, in `EngineMixer` order: the drum track, and the bus. */
  readonly from: number;
  readonly to: number;
  /** Which of the instrument's `padOutputs` it carries. */
  readonly output: number;
  /** Frames it is held back so it meets the other inputs of `to` in time (it leaves before the track's inserts). */
  readonly delay: number;
}

export interface CompiledGraph {
  /** Channel indices in processing order: every channel after all that feed it, the master last. */
  readonly order: readonly number[];
  /** Per channel: its output connection (undefined for the master) and its sends, in send order. */
  readonly outputs: readonly (Connection | undefined)[];
  readonly sends: readonly (readonly Connection[])[];
  /** Per channel: its drum pads' own outputs (empty for most). */
  readonly padRoutes: readonly (readonly PadRoute[])[];
  /** Per channel: whether it sounds under the current solos (`soloAudibility`). */
  readonly audible: readonly boolean[];
  /** How late the master's output is behind the timeline, in frames. */
  readonly outputLatency: number;
  /** How late the master's input (before its inserts) is behind the timeline, in frames. */
  readonly masterInputLatency: number;
}

/**
 * Compiles the routing into a processing order with latency compensation: each channel's input
 * arrives as late as its latest feed (`arrival`), its inserts add their latency, and every
 * connection is delayed by the difference, so parallel paths meet sample-aligned. A channel a
 * sidechain listens to comes before the listener (the key is not latency-compensated). A drum pad
 * with its own output is an edge from its track, leaving before the track's inserts. Returns the
 * loop, as channel ids from a channel back to itself, when the routing loops (the document
 * refuses such routing, so this is a guard).
 */
export function compileGraph(
  mixer: EngineMixer,
  insertLatency: (channel: number) => number,
): { readonly graph: CompiledGraph; readonly loop?: undefined } | { readonly graph?: undefined; readonly loop: readonly string[] } {
  const channels = mixer.channels;
  const indexOf = new Map(channels.map((channel, index) => [channel.id, index]));
  const targets = channels.map((channel) => {
    const output = channel.output === null ? undefined : indexOf.get(channel.output);
    return { output, sends: channel.sends.map((send) => indexOf.get(send.target)), pads: padOutputs(channel.instrument).map((bus) => indexOf.get(bus)) };
  });
  // A sidechain source is processed before the channel whose device listens to it.
  const listeners = channels.map(() => [] as number[]);
  channels.forEach((channel, index) => {
    for (const device of channel.inserts) {
      const source = device.sidechain === null ? undefined : indexOf.get(device.sidechain);
      if (source !== undefined && !listeners[source]?.includes(index)) listeners[source]?.push(index);
    }
  });
  const result = topologicalOrder(
    channels.map((_, index) => index),
    (index) => {
      const target = targets[index];
      const feeds = target ? [target.output, ...target.sends, ...target.pads].filter((t): t is number => t !== undefined) : [];
      return [...feeds, ...(listeners[index] ?? [])];
    },
  );
  if (result.loop) return { loop: result.loop.map((index) => channels[index]?.id ?? '?') };
  const order = result.order;
  const arrival = new Array<number>(channels.length).fill(0);
  const departure = new Array<number>(channels.length).fill(0);
  for (const index of order) {
    departure[index] = (arrival[index] ?? 0) + insertLatency(index);
    const target = targets[index];
    for (const to of target?.pads ?? []) {
      if (to !== undefined) arrival[to] = Math.max(arrival[to] ?? 0, arrival[index] ?? 0);
    }
    for (const to of [target?.output, ...(target?.sends ?? [])]) {
      if (to !== undefined) arrival[to] = Math.max(arrival[to] ?? 0, departure[index] ?? 0);
    }
  }
  const connect = (from: number, to: number | undefined, send: number): Connection | undefined =>
    to === undefined ? undefined : { from, to, send, delay: (arrival[to] ?? 0) - (departure[from] ?? 0) };
  const outputs = channels.map((_, index) => connect(index, targets[index]?.output, -1));
  const sends = channels.map((_, index) => (targets[index]?.sends ?? []).flatMap((to, s) => connect(index, to, s) ?? []));
  const padRoutes = channels.map((_, from) =>
    (targets[from]?.pads ?? []).flatMap((to, output): PadRoute[] => (to === undefined ? [] : [{ from, to, output, delay: (arrival[to] ?? 0) - (arrival[from] ?? 0) }])),
  );
  const master = channels.findIndex((channel) => channel.kind === 'master');
  return { graph: { order, outputs, sends, padRoutes, audible: soloAudibility(mixer, targets), outputLatency: master < 0 ? 0 : (departure[master] ?? 0), masterInputLatency: master < 0 ? 0 : (arrival[master] ?? 0) } };
}

/**
 * While any track or bus is soloed, a track or bus sounds only if it is soloed, solo safe, or
 * feeds a soloed bus (through outputs or sends, directly or through other buses); and a bus also
 * sounds when it lies on the output path of a channel that sounds (a soloed track's group bus
 * carries it to the master). A bus that only receives sends from what sounds (an effect return)
 * is silent unless it is solo safe, so soloing a track plays it dry (as in Pro Tools). A soloed
 * drum track's pads are heard in the buses they play into. The master always sounds.
 */
function soloAudibility(mixer: EngineMixer, targets: readonly { output: number | undefined; sends: readonly (number | undefined)[]; pads: readonly (number | undefined)[] }[]): boolean[] {
  const channels = mixer.channels;
  if (!channels.some((channel) => channel.solo)) return channels.map(() => true);
  const reachesSolo = (index: number, seen: Set<number>): boolean => {
    if (seen.has(index)) return false;
    seen.add(index);
    const channel = channels[index];
    if (channel?.kind === 'bus' && channel.solo) return true;
    const target = targets[index];
    return [target?.output, ...(target?.sends ?? []), ...(target?.pads ?? [])].some((to) => to !== undefined && reachesSolo(to, seen));
  };
  const sounds = channels.map((channel, index) => channel.kind === 'master' || channel.solo || channel.soloSafe || reachesSolo(index, new Set()));
  const passOn = (from: number | undefined) => {
    for (let to = from, steps = 0; to !== undefined && steps < channels.length; to = targets[to]?.output, steps++) sounds[to] = true;
  };
  sounds.forEach((sounding, index) => {
    // Down the output path (and a drum track's pads' own outputs): every bus between a sounding channel and the master passes it on.
    if (!sounding) return;
    passOn(targets[index]?.output);
    for (const pad of targets[index]?.pads ?? []) passOn(pad);
  });
  return sounds;
}
