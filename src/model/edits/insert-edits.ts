/**
 * Pure edits of insert chains: the devices a track's, bus's or the master's signal runs through,
 * in order, before the fader. Same contract as every edit (see channel-edits.ts). A new device
 * starts at its catalog defaults (`defaultParams`); its id comes from the mixer's id space (`d1`…).
 */
import { deviceCatalog, defaultParams, findParam, isDeviceType, takesSidechain, type DeviceType } from '../../devices/catalog';
import { clampParam } from '../../devices/param-spec';
import { masterChannelId, type Device, type Project } from '../project-schema';
import { channelKind, mapChannels, refuseRoutingLoop } from './channel-edits';
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

/** Replaces device `deviceId` by `update(device)`; the project itself when it returns the device. */
function mapDevice(project: Project, deviceId: string, update: (device: Device) => Device): Project {
  const owner = insertOwner(project, deviceId);
  if (owner === null) return project;
  return mapInserts(project, owner, (inserts) => {
    const device = inserts.find((candidate) => candidate.id === deviceId);
    const next = device && update(device);
    return !device || next === device ? inserts : inserts.map((candidate) => (candidate === device ? (next as Device) : candidate));
  });
}

/** Sets one parameter of a device, clamped to its range (a switch or choice rounded); unknown ids and non-finite values change nothing. */
export function setDeviceParam(project: Project, deviceId: string, paramId: string, value: number): Project {
  if (!isFiniteNumber(value)) return project;
  return mapDevice(project, deviceId, (device) => {
    const spec = findParam(deviceCatalog[device.type].params, paramId);
    if (!spec) return device;
    const clamped = clampParam(spec, value);
    return device.params[paramId] === clamped ? device : { ...device, params: { ...device.params, [paramId]: clamped } };
  });
}

/**
 * Sets every parameter of a device at once (a preset): each to the value given, clamped, or to
 * its default when not given, so the device sounds the same whatever it was set to before.
 */
export function setDeviceParams(project: Project, deviceId: string, values: Readonly<Record<string, number>>): Project {
  return mapDevice(project, deviceId, (device) => {
    const params = presetParams(device.type, values);
    return deviceCatalog[device.type].params.every((spec) => device.params[spec.id] === params[spec.id]) ? device : { ...device, params };
  });
}

function presetParams(type: DeviceType, values: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(
    deviceCatalog[type].params.map((spec) => {
      const value = values[spec.id];
      return [spec.id, value === undefined ? spec.default : clampParam(spec, value)];
    }),
  );
}

/**
 * Points a device's sidechain at a track or bus (`null`: its own input again). Only for types that
 * take one, never its own channel; a choice that would make a loop is refused (`RoutingLoopError`).
 */
export function setDeviceSidechain(project: Project, deviceId: string, source: string | null): Project {
  const owner = insertOwner(project, deviceId);
  if (owner === null || (source !== null && (source === owner || (channelKind(project, source) !== 'track' && channelKind(project, source) !== 'bus')))) return project;
  const next = mapDevice(project, deviceId, (device) => {
    if (!takesSidechain(device.type) || (device.sidechain ?? null) === source) return device;
    if (source !== null) return { ...device, sidechain: source };
    const { sidechain: _dropped, ...rest } = device;
    return rest;
  });
  return next === project ? project : refuseRoutingLoop(next);
}

/** A device of a chain preset: what it is and how it is set, without an id. */
export interface ChainEntry {
  readonly type: DeviceType;
  readonly bypass: boolean;
  readonly params: Readonly<Record<string, number>>;
}

/**
 * Replaces the whole insert chain of `ownerId` with devices made from `chain` (new ids, parameters
 * as `setDeviceParams` sets them); the automation of the devices it removes goes with them.
 * Sidechains are not part of a chain: a loaded compressor listens to its own input.
 */
export function replaceInsertChain(project: Project, ownerId: string, chain: readonly ChainEntry[]): Project {
  if (channelKind(project, ownerId) === null) return project;
  const nextId = idAllocator('d', mixerIdsOf(project));
  const removed = new Set<string>();
  const next = mapInserts(project, ownerId, (inserts) => {
    inserts.forEach((device) => removed.add(device.id));
    return chain.map((entry): Device => ({ id: nextId(), type: entry.type, bypass: entry.bypass, params: presetParams(entry.type, entry.params) }));
  });
  const automation = project.automation.filter((lane) => !removed.has(lane.target));
  return automation.length === project.automation.length ? next : { ...next, automation };
}
