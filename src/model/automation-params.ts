/**
 * What of a channel (a track, a bus or the master) can be automated, by the address automation
 * uses (owner id + parameter id): its volume, pan and mute (the master has no mute), each send's
 * level, and every parameter of every insert, from the catalog. The timeline's lane picker lists
 * a channel's (a track's, a bus's or the master's); the schema accepts these.
 */
import { channelParams, deviceCatalog, sendParams, type ChannelParamId } from '../devices/catalog';
import type { ParamSpec } from '../devices/param-spec';
import { masterChannelId, type AutomationLane, type Channel, type Master, type Project } from './project-schema';

export interface AutomatableParam {
  /** The channel it belongs to (a track, a bus or "master"): whose automation mode applies. */
  readonly channel: string;
  /** The owner's id: the track, one of its sends or one of its inserts. */
  readonly target: string;
  readonly param: string;
  /** What the picker and the lane call it ("Volume", "Send to Reverb", "Utility 1: Width"). */
  readonly label: string;
  readonly spec: ParamSpec;
  /** Its value in the document: what it holds while its lane has no points. */
  readonly value: number;
}

/** Whose automation a lane belongs to: a track, a bus or the master (see `masterOwner`), by its channel's id. */
export interface ChannelOwner {
  readonly id: string;
  readonly channel: Channel | Master;
}

/** The master as an owner of automation. */
export function masterOwner(project: Pick<Project, 'master'>): ChannelOwner {
  return { id: masterChannelId, channel: project.master };
}

/** Every channel of the project, each an owner of automation: the tracks, the buses, then the master. */
export function channelOwners(project: Pick<Project, 'tracks' | 'buses' | 'master'>): ChannelOwner[] {
  return [...project.tracks, ...project.buses, masterOwner(project)];
}

/** Every parameter of the owner's channel, sends and inserts, in the order a picker lists them. */
export function automatableParams(project: Pick<Project, 'buses'>, owner: ChannelOwner): AutomatableParam[] {
  return channelAutomatables(project, owner.id, owner.channel);
}

/** Every parameter of channel `owner` (a track's, a bus's or the master's), in the order a picker lists them. */
export function channelAutomatables(project: Pick<Project, 'buses'>, owner: string, channel: Channel | Master): AutomatableParam[] {
  const params: AutomatableParam[] = [];
  const fields: Partial<Record<ChannelParamId, number | boolean>> = channel;
  for (const spec of channelParams) {
    const field = fields[spec.id];
    if (field !== undefined) params.push({ channel: owner, target: owner, param: spec.id, label: spec.name, spec, value: Number(field) });
  }
  for (const send of 'sends' in channel ? channel.sends : []) {
    const bus = project.buses.find((candidate) => candidate.id === send.target);
    for (const spec of sendParams) params.push({ channel: owner, target: send.id, param: spec.id, label: `Send to ${bus?.name || send.target}`, spec, value: send[spec.id] });
  }
  channel.inserts.forEach((device, index) => {
    const entry = deviceCatalog[device.type];
    for (const spec of entry.params) params.push({ channel: owner, target: device.id, param: spec.id, label: `${entry.name} ${index + 1}: ${spec.name}`, spec, value: device.params[spec.id] ?? spec.default });
  });
  return params;
}

/** The lane of a parameter, if the project has one. */
export function laneOf(project: Pick<Project, 'automation'>, target: string, param: string): AutomationLane | undefined {
  return project.automation.find((lane) => lane.target === target && lane.param === param);
}

/** The owner's parameters that have points ("show automated"). */
export function automatedParams(project: Pick<Project, 'buses' | 'automation'>, owner: ChannelOwner): AutomatableParam[] {
  return automatableParams(project, owner).filter((param) => (laneOf(project, param.target, param.param)?.points.length ?? 0) > 0);
}

/** The automatable parameter at an address, on whichever channel owns it (a track, a bus or the master). */
export function findAutomatable(project: Pick<Project, 'buses' | 'tracks' | 'master'>, target: string, param: string): AutomatableParam | undefined {
  for (const owner of channelOwners(project)) {
    const found = automatableParams(project, owner).find((candidate) => candidate.target === target && candidate.param === param);
    if (found) return found;
  }
  return undefined;
}
