/**
 * Pure edits of buses: channels without clips that tracks and other buses feed through their
 * output or a send. Same contract as every edit (see channel-edits.ts); ids come from the mixer's
 * shared id space (`b1`, `b2`, …).
 */
import { createChannel } from '../new-track';
import { masterChannelId, type Bus, type Project } from '../project-schema';
import { trackColourAt } from '../track-colours';
import { mapChannels, mapSame, type ChannelIds } from './channel-edits';
import { maxNameLength } from './clip-math';
import { idAllocator, mixerIdsOf } from './ids';

/**
 * Adds a bus at the end of the bus list, into the master, named `name` (default "Bus N", N being
 * the new bus count) and coloured from the palette after the tracks; returns its id too.
 */
export function addBusWithId(project: Project, options: { readonly name?: string } = {}): { project: Project; busId: string } {
  const busId = idAllocator('b', mixerIdsOf(project))();
  const name = (options.name ?? `Bus ${project.buses.length + 1}`).slice(0, maxNameLength);
  const bus: Bus = { id: busId, name, colour: trackColourAt(project.tracks.length + project.buses.length), channel: createChannel() };
  return { project: { ...project, buses: [...project.buses, bus] }, busId };
}

export function addBus(project: Project, options: { readonly name?: string } = {}): Project {
  return addBusWithId(project, options).project;
}

/**
 * "Route to a new bus": a new bus into the master, fed by the named tracks and buses (their
 * outputs go to it; their sends stay). Nothing happens when none of the ids exists. A bus routed
 * to the new bus keeps feeding the master through it, so no loop can arise.
 */
export function routeToNewBusWithId(project: Project, ids: ChannelIds, options: { readonly name?: string } = {}): { project: Project; busId: string | null } {
  const wanted = new Set(typeof ids === 'string' ? [ids] : ids);
  if (![...project.tracks, ...project.buses].some((owner) => wanted.has(owner.id))) return { project, busId: null };
  const { project: withBus, busId } = addBusWithId(project, options);
  const routed = mapChannels(withBus, [...wanted].filter((id) => id !== busId), (channel) => (channel.output === busId ? channel : { ...channel, output: busId }));
  return { project: routed, busId };
}

export function routeToNewBus(project: Project, ids: ChannelIds, options: { readonly name?: string } = {}): Project {
  return routeToNewBusWithId(project, ids, options).project;
}

/** Renames a bus; names longer than the format's 200 characters are cut. */
export function renameBus(project: Project, busId: string, name: string): Project {
  const value = name.slice(0, maxNameLength);
  const buses = mapSame(project.buses, (bus) => (bus.id === busId && bus.name !== value ? { ...bus, name: value } : bus));
  return buses === project.buses ? project : { ...project, buses };
}

/**
 * Deletes a bus. What fed it through its output goes to the master instead; sends to it are
 * removed. The automation of the bus, its inserts and sends, and of the sends to it goes too.
 */
export function deleteBus(project: Project, busId: string): Project {
  const doomed = project.buses.find((bus) => bus.id === busId);
  if (!doomed) return project;
  const gone = new Set<string>([busId, ...doomed.channel.inserts.map((device) => device.id), ...doomed.channel.sends.map((send) => send.id)]);
  const rest = { ...project, buses: project.buses.filter((bus) => bus !== doomed) };
  const feeders = [...rest.tracks, ...rest.buses].map((owner) => owner.id);
  const rerouted = mapChannels(rest, feeders, (channel) => {
    const sends = channel.sends.filter((send) => {
      if (send.target !== busId) return true;
      gone.add(send.id);
      return false;
    });
    const output = channel.output === busId ? masterChannelId : channel.output;
    return sends.length === channel.sends.length && output === channel.output ? channel : { ...channel, sends, output };
  });
  const automation = project.automation.filter((lane) => !gone.has(lane.target));
  return automation.length === project.automation.length ? rerouted : { ...rerouted, automation };
}

/** How many tracks and buses a bus's deletion would send back to the master (for the confirmation). */
export function busFeeders(project: Project, busId: string): { readonly outputs: number; readonly sends: number } {
  const owners = [...project.tracks, ...project.buses].filter((owner) => owner.id !== busId);
  return {
    outputs: owners.filter((owner) => owner.channel.output === busId).length,
    sends: owners.reduce((count, owner) => count + owner.channel.sends.filter((send) => send.target === busId).length, 0),
  };
}
