/**
 * Pure edits of mixer channels — a track's, a bus's or the master's — addressed by the owner's id
 * (`masterChannelId` for the master), with the contract of every edit: a new document, untouched
 * parts keep their identity, the same document when nothing changes (missing ids, equal values),
 * out-of-range numbers clamped to the format's ranges, non-finite ones change nothing.
 *
 * Routing edits refuse a loop: they throw a `RoutingLoopError` naming the path that would loop,
 * so `applyEdit` records nothing and the user reads why.
 */
import { masterChannelId, routingLoop, type Bus, type Channel, type Master, type Project, type Track } from '../project-schema';
import { GlowroomError } from '../../std/errors';
import { clamp, isFiniteNumber, maxGainDb, minGainDb } from './clip-math';

/** One channel id or several: track ids, bus ids, or "master". */
export type ChannelIds = string | readonly string[];

/** What owns a channel: how the UI and labels speak of it. */
export type ChannelKind = 'track' | 'bus' | 'master';

/** A track's or bus's channel, the only kinds that mute, solo, send and route. */
type Routable = Track | Bus;

export class RoutingLoopError extends GlowroomError {
  constructor(readonly loop: string) {
    super('invalid-args', `That routing would make a loop (${loop}), so it was not changed. Send to a bus that does not feed this one.`);
  }
}

function idSet(ids: ChannelIds): Set<string> {
  return new Set(typeof ids === 'string' ? [ids] : ids);
}

/** Whether `id` names a track, a bus or the master, and which. */
export function channelKind(project: Project, id: string): ChannelKind | null {
  if (id === masterChannelId) return 'master';
  if (project.tracks.some((track) => track.id === id)) return 'track';
  if (project.buses.some((bus) => bus.id === id)) return 'bus';
  return null;
}

/** The channel of a track or bus, if there is one by that id. */
export function findChannel(project: Project, id: string): Channel | undefined {
  return (project.tracks.find((track) => track.id === id) ?? project.buses.find((bus) => bus.id === id))?.channel;
}

/**
 * Applies `update` to the channels of the named tracks and buses; the project itself when none
 * changed. `update` returns its input when it changes nothing.
 */
export function mapChannels(project: Project, ids: ChannelIds, update: (channel: Channel, owner: Routable) => Channel): Project {
  const wanted = idSet(ids);
  const patch = <T extends Routable>(owner: T): T => {
    if (!wanted.has(owner.id)) return owner;
    const channel = update(owner.channel, owner);
    return channel === owner.channel ? owner : { ...owner, channel };
  };
  const tracks = mapSame(project.tracks, patch);
  const buses = mapSame(project.buses, patch);
  return tracks === project.tracks && buses === project.buses ? project : { ...project, tracks, buses };
}

/** `items.map(update)`, or `items` itself when every item came back unchanged. */
export function mapSame<T>(items: readonly T[], update: (item: T) => T): T[] {
  let changed = false;
  const next = items.map((item) => {
    const result = update(item);
    if (result !== item) changed = true;
    return result;
  });
  return changed ? next : (items as T[]);
}

function patchFields<T extends object>(target: T, patch: NoInfer<Partial<T>>): T {
  for (const key of Object.keys(patch) as (keyof T)[]) {
    if (patch[key] !== target[key]) return { ...target, ...patch };
  }
  return target;
}

/** Applies a fader or pan change to tracks, buses and (when named) the master. */
function mapMixerLevels(project: Project, ids: ChannelIds, patch: Partial<Pick<Master, 'gainDb' | 'pan'>>): Project {
  const next = mapChannels(project, ids, (channel) => patchFields(channel, patch));
  if (!idSet(ids).has(masterChannelId)) return next;
  const master = patchFields(project.master, patch);
  return master === project.master ? next : { ...next, master };
}

/** Sets the fader of the named channels (tracks, buses, "master"), clamped to −144…+24 dB. */
export function setChannelGain(project: Project, ids: ChannelIds, gainDb: number): Project {
  if (!isFiniteNumber(gainDb)) return project;
  return mapMixerLevels(project, ids, { gainDb: clamp(gainDb, minGainDb, maxGainDb) });
}

/** Sets the pan of the named channels (tracks, buses, "master"), clamped to −1…+1. */
export function setChannelPan(project: Project, ids: ChannelIds, pan: number): Project {
  if (!isFiniteNumber(pan)) return project;
  return mapMixerLevels(project, ids, { pan: clamp(pan, -1, 1) });
}

function owners(project: Project, ids: ChannelIds): Routable[] {
  const wanted = idSet(ids);
  return [...project.tracks, ...project.buses].filter((owner) => wanted.has(owner.id));
}

/** Mutes the named tracks and buses, or unmutes them when every one is muted already. */
export function toggleMute(project: Project, ids: ChannelIds): Project {
  const targets = owners(project, ids);
  if (targets.length === 0) return project;
  const mute = !targets.every((owner) => owner.channel.mute);
  return mapChannels(project, ids, (channel) => patchFields(channel, { mute }));
}

/** Solos the named tracks and buses, or unsolos them when every one is soloed already. */
export function toggleSolo(project: Project, ids: ChannelIds): Project {
  const targets = owners(project, ids);
  if (targets.length === 0) return project;
  const solo = !targets.every((owner) => owner.channel.solo);
  return mapChannels(project, ids, (channel) => patchFields(channel, { solo }));
}

/**
 * Makes the named tracks and buses solo safe (they keep sounding while other channels are
 * soloed: an effect return, a reference), or takes it off when every one is solo safe already.
 */
export function toggleSoloSafe(project: Project, ids: ChannelIds): Project {
  const targets = owners(project, ids);
  if (targets.length === 0) return project;
  const soloSafe = !targets.every((owner) => owner.channel.soloSafe);
  return mapChannels(project, ids, (channel) => patchFields(channel, { soloSafe }));
}

/**
 * Exclusive solo (Ctrl/Cmd+click): the named channel is the only one soloed. When it already is,
 * every solo is cleared, so the same gesture toggles back.
 */
export function soloExclusively(project: Project, id: string): Project {
  const all = [...project.tracks, ...project.buses];
  if (!all.some((owner) => owner.id === id)) return project;
  const alone = all.every((owner) => owner.channel.solo === (owner.id === id));
  return mapChannels(
    project,
    all.map((owner) => owner.id),
    (channel, owner) => patchFields(channel, { solo: !alone && owner.id === id }),
  );
}

/**
 * Throws a `RoutingLoopError` when `project`'s routing loops: the last step of every edit that
 * changes an output or a send.
 */
export function refuseRoutingLoop(project: Project): Project {
  const loop = routingLoop(project);
  if (loop) throw new RoutingLoopError(loop);
  return project;
}

/**
 * Routes the named tracks and buses to `output` ("master" or a bus id). An output that is neither
 * changes nothing; one that would loop is refused (`RoutingLoopError`).
 */
export function setChannelOutput(project: Project, ids: ChannelIds, output: string): Project {
  if (output !== masterChannelId && !project.buses.some((bus) => bus.id === output)) return project;
  const next = mapChannels(project, ids, (channel) => patchFields(channel, { output }));
  return next === project ? project : refuseRoutingLoop(next);
}
