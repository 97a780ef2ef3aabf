/**
 * Pure edits of insert chains: the devices a track's, bus's or the master's signal runs through,
 * in order, before the fader. Same contract as every edit (see channel-edits.ts). A new device
 * starts at its catalog defaults (`defaultParams`); its id comes from the mixer's id space (`d1`…).
 */
import { defaultParams, isDeviceType } from '../../devices/catalog';
import { masterChannelId, type Device, type Project } from '../project-schema';
import { mapChannels } from './channel-edits';
import { clamp, isFiniteNumber } from './clip-math';
import { idAllocator, mixerIdsOf } from './ids';

type Inserts = readonly Device[];

/** The id of the track, bus or "master" whose chain holds `deviceId`. */
export function insertOwner(project: Project, deviceId: string): string | null {
  if (project.master.inserts.some((device) => device.id === deviceId)) return masterChannelId;
  return [...project.tracks, ...project.buses].find((owner) => owner.channel.inserts.some((device) => device.id === deviceId))?.id ?? null;
}

/** Replaces the chain of `ownerId` by `update(chain)`; the project itself when it returns the chain. */
function mapInserts(project: Project, ownerId: string, update: (inserts: Inserts) => Inserts): Project {
  if (ownerId === masterChannelId) {
    const inserts = update(project.master.inserts);
    return inserts === project.master.inserts ? project : { ...project, master: { ...project.master, inserts: [...inserts] } };
  }
  return mapChannels(project, ownerId, (channel) => {
    const inserts = update(channel.inserts);
    return inserts === channel.inserts ? channel : { ...channel, inserts: [...inserts] };
  });
}

/**
 * Adds a device of catalog `type` to the chain of `ownerId` at `index` (clamped; default: last),
 * with default parameters; returns its id. An unknown type or owner changes nothing (id null).
 */
export function addInsertWithId(project: Project, ownerId: string, type: string, index?: number): { project: Project; deviceId: string | null } {
  if (!isDeviceType(type)) return { project, deviceId: null };
  const deviceId = idAllocator('d', mixerIdsOf(project))();
  const device: Device = { id: deviceId, type, bypass: false, params: defaultParams(type) };
  const next = mapInserts(project, ownerId, (inserts) => {
    const at = isFiniteNumber(index) ? clamp(Math.trunc(index), 0, inserts.length) : inserts.length;
    return [...inserts.slice(0, at), device, ...inserts.slice(at)];
  });
  return next === project ? { project, deviceId: null } : { project: next, deviceId };
}

export function addInsert(project: Project, ownerId: string, type: string, index?: number): Project {
  return addInsertWithId(project, ownerId, type, index).project;
}

/** Removes a device from its chain, and the automation of its parameters. */
export function removeInsert(project: Project, deviceId: string): Project {
  const owner = insertOwner(project, deviceId);
  if (owner === null) return project;
  const removed = mapInserts(project, owner, (inserts) => inserts.filter((device) => device.id !== deviceId));
  const automation = project.automation.filter((lane) => lane.target !== deviceId);
  return automation.length === project.automation.length ? removed : { ...removed, automation };
}

/** Bypasses a device (it passes its input through) or puts it back in. */
export function setInsertBypass(project: Project, deviceId: string, bypass: boolean): Project {
  const owner = insertOwner(project, deviceId);
  if (owner === null) return project;
  return mapInserts(project, owner, (inserts) => {
    const device = inserts.find((candidate) => candidate.id === deviceId);
    return !device || device.bypass === bypass ? inserts : inserts.map((candidate) => (candidate === device ? { ...device, bypass } : candidate));
  });
}

/** Moves a device to position `toIndex` (clamped) in its own chain. */
export function moveInsert(project: Project, deviceId: string, toIndex: number): Project {
  const owner = insertOwner(project, deviceId);
  if (owner === null || !isFiniteNumber(toIndex)) return project;
  return mapInserts(project, owner, (inserts) => {
    const from = inserts.findIndex((device) => device.id === deviceId);
    const to = clamp(Math.trunc(toIndex), 0, inserts.length - 1);
    const device = inserts[from];
    if (!device || to === from) return inserts;
    const rest = inserts.filter((candidate) => candidate !== device);
    return [...rest.slice(0, to), device, ...rest.slice(to)];
  });
}
