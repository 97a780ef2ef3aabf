/**
 * What of a track can be automated, by the address automation uses (owner id + parameter id):
 * its channel's volume, pan and mute, each send's level, and every parameter of every insert,
 * from the catalog. The timeline's lane picker lists these; the schema accepts exactly these.
 */
import { channelParams, deviceCatalog, sendParams } from '../devices/catalog';
import type { ParamSpec } from '../devices/param-spec';
import type { AutomationLane, Project, Track } from './project-schema';

export interface AutomatableParam {
  /** The owner's id: the track, one of its sends or one of its inserts. */
  readonly target: string;
  readonly param: string;
  /** What the picker and the lane call it ("Volume", "Send to Reverb", "Utility 1: Width"). */
  readonly label: string;
  readonly spec: ParamSpec;
  /** Its value in the document: what it holds while its lane has no points. */
  readonly value: number;
}

/** Every parameter of the track's channel, sends and inserts, in the order a picker lists them. */
export function automatableParams(project: Pick<Project, 'buses'>, track: Track): AutomatableParam[] {
  const params: AutomatableParam[] = channelParams.map((spec) => ({ target: track.id, param: spec.id, label: spec.name, spec, value: Number(track.channel[spec.id]) }));
  for (const send of track.channel.sends) {
    const bus = project.buses.find((candidate) => candidate.id === send.target);
    for (const spec of sendParams) params.push({ target: send.id, param: spec.id, label: `Send to ${bus?.name || send.target}`, spec, value: send[spec.id] });
  }
  track.channel.inserts.forEach((device, index) => {
    const entry = deviceCatalog[device.type];
    for (const spec of entry.params) params.push({ target: device.id, param: spec.id, label: `${entry.name} ${index + 1}: ${spec.name}`, spec, value: device.params[spec.id] ?? spec.default });
  });
  return params;
}

/** The lane of a parameter, if the project has one. */
export function laneOf(project: Pick<Project, 'automation'>, target: string, param: string): AutomationLane | undefined {
  return project.automation.find((lane) => lane.target === target && lane.param === param);
}

/** The track's parameters that have points ("show automated"). */
export function automatedParams(project: Pick<Project, 'buses' | 'automation'>, track: Track): AutomatableParam[] {
  return automatableParams(project, track).filter((param) => (laneOf(project, param.target, param.param)?.points.length ?? 0) > 0);
}

/** The automatable parameter at an address, on whichever track owns it; undefined for a bus's or the master's. */
export function findAutomatable(project: Pick<Project, 'buses' | 'tracks'>, target: string, param: string): AutomatableParam | undefined {
  for (const track of project.tracks) {
    const found = automatableParams(project, track).find((candidate) => candidate.target === target && candidate.param === param);
    if (found) return found;
  }
  return undefined;
}
