/**
 * Pure edits of sends: a track or bus feeding a bus with its own level, taken before the fader
 * (`pre`) or after fader and pan (`post`). Same contract as every edit (see channel-edits.ts);
 * a send that would make a routing loop is refused with a `RoutingLoopError`.
 */
import type { Project, Send } from '../project-schema';
import { findChannel, mapChannels, mapSame, refuseRoutingLoop } from './channel-edits';
import { clamp, isFiniteNumber, maxGainDb, minGainDb } from './clip-math';
import { idAllocator, mixerIdsOf } from './ids';

export type SendTap = Send['tap'];

/**
 * Adds a send from the track or bus `ownerId` to the bus `target` (default: post-fader at 0 dB),
 * and returns its id. A channel sends to a bus at most once: a second send to the same bus, a
 * missing owner or a target that is not a bus changes nothing (id null).
 */
export function addSendWithId(
  project: Project,
  ownerId: string,
  target: string,
  options: { readonly tap?: SendTap; readonly levelDb?: number } = {},
): { project: Project; sendId: string | null } {
  const channel = findChannel(project, ownerId);
  if (!channel || !project.buses.some((bus) => bus.id === target) || channel.sends.some((send) => send.target === target)) return { project, sendId: null };
  const sendId = idAllocator('x', mixerIdsOf(project))();
  const levelDb = isFiniteNumber(options.levelDb) ? clamp(options.levelDb, minGainDb, maxGainDb) : 0;
  const send: Send = { id: sendId, target, levelDb, tap: options.tap ?? 'post' };
  const next = mapChannels(project, ownerId, (owned) => ({ ...owned, sends: [...owned.sends, send] }));
  return { project: refuseRoutingLoop(next), sendId };
}

export function addSend(project: Project, ownerId: string, target: string, options: { readonly tap?: SendTap; readonly levelDb?: number } = {}): Project {
  return addSendWithId(project, ownerId, target, options).project;
}

/** Applies `update` to the send `sendId`, wherever it is. */
function mapSend(project: Project, sendId: string, update: (send: Send) => Send | null): Project {
  const owner = [...project.tracks, ...project.buses].find((candidate) => candidate.channel.sends.some((send) => send.id === sendId));
  if (!owner) return project;
  return mapChannels(project, owner.id, (channel) => {
    const sends = mapSame(channel.sends, (send) => (send.id === sendId ? (update(send) ?? send) : send));
    return sends === channel.sends ? channel : { ...channel, sends };
  });
}

/** Removes a send, and the automation of its level. */
export function removeSend(project: Project, sendId: string): Project {
  const owner = [...project.tracks, ...project.buses].find((candidate) => candidate.channel.sends.some((send) => send.id === sendId));
  if (!owner) return project;
  const removed = mapChannels(project, owner.id, (channel) => ({ ...channel, sends: channel.sends.filter((send) => send.id !== sendId) }));
  const automation = project.automation.filter((lane) => lane.target !== sendId);
  return automation.length === project.automation.length ? removed : { ...removed, automation };
}

/** Sets a send's level, clamped to −144…+24 dB. */
export function setSendLevel(project: Project, sendId: string, levelDb: number): Project {
  if (!isFiniteNumber(levelDb)) return project;
  const value = clamp(levelDb, minGainDb, maxGainDb);
  return mapSend(project, sendId, (send) => (send.levelDb === value ? null : { ...send, levelDb: value }));
}

/** Takes a send before the fader (`pre`) or after fader and pan (`post`). */
export function setSendTap(project: Project, sendId: string, tap: SendTap): Project {
  return mapSend(project, sendId, (send) => (send.tap === tap ? null : { ...send, tap }));
}
