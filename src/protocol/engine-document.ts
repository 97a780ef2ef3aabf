import { channelParams, sendParams } from '../devices/catalog';
import { masterChannelId, type Channel, type Device, type Project, type Track } from '../model/project-schema';
import type { EngineAutomationLane, EngineChannel, EngineClip, EngineCommand, EngineDocument, EngineMixer, EngineParam, EngineTimeline } from './engine';
import type { EngineNoteClip } from './engine-instruments';
import { compileInstrument, compileNoteClips, sameInstrument } from './instrument-document';

/**
 * The channels in status-meter order: the master, the tracks top to bottom, the buses. The
 * engine's mixer is compiled in this order, so a reader finds a channel's meters at
 * `channelMeterIndex(channelMeterOrder(project).indexOf(id), …)`.
 */
export function channelMeterOrder(project: Pick<Project, 'tracks' | 'buses'>): string[] {
  return [masterChannelId, ...project.tracks.map((track) => track.id), ...project.buses.map((bus) => bus.id)];
}

/**
 * Compiles a project into what the engine plays. `sampleIdOf` names the pooled sample for a
 * source id (the hosts key their pools by resolved file path).
 */
export function compileEngineDocument(project: Project, sampleIdOf: (sourceId: string) => string): EngineDocument {
  const params: EngineParam[] = [];
  const channels: EngineChannel[] = [];
  const addDevices = (inserts: readonly Device[]) =>
    inserts.map((device) => {
      for (const [param, value] of Object.entries(device.params)) params.push({ target: device.id, param, value });
      return { id: device.id, type: device.type, bypass: device.bypass, sidechain: device.sidechain ?? null };
    });
  const addChannel = (id: string, kind: 'track' | 'bus', channel: Channel, track?: Track) => {
    for (const spec of channelParams) params.push({ target: id, param: spec.id, value: Number(channel[spec.id]) });
    const sends = channel.sends.map((send) => {
      for (const spec of sendParams) params.push({ target: send.id, param: spec.id, value: send[spec.id] });
      return { id: send.id, target: send.target, tap: send.tap };
    });
    const instrument = track ? compileInstrument(track, sampleIdOf) : null;
    if (track?.instrument) for (const [param, value] of Object.entries(track.instrument.params)) params.push({ target: track.instrument.id, param, value });
    channels.push({ id, kind, output: channel.output, solo: channel.solo, soloSafe: channel.soloSafe, inserts: addDevices(channel.inserts), sends, ...(instrument ? { instrument } : {}) });
  };
  const { master } = project;
  params.push({ target: masterChannelId, param: 'gainDb', value: master.gainDb }, { target: masterChannelId, param: 'pan', value: master.pan });
  channels.push({ id: masterChannelId, kind: 'master', output: null, solo: false, soloSafe: false, inserts: addDevices(master.inserts), sends: [] });
  for (const track of project.tracks) addChannel(track.id, 'track', track.channel, track);
  for (const bus of project.buses) addChannel(bus.id, 'bus', bus.channel);
  const clips: Record<string, EngineClip[]> = {};
  const notes: Record<string, EngineNoteClip[]> = {};
  for (const track of project.tracks) {
    if (track.instrument) notes[track.id] = compileNoteClips(project, track);
    clips[track.id] = track.clips.flatMap((clip) => (clip.kind !== 'audio' ? [] : [{
      id: clip.id,
      sampleId: sampleIdOf(clip.source),
      start: clip.start,
      length: clip.length,
      offset: clip.offset,
      gainDb: clip.gainDb,
      fadeIn: clip.fadeIn,
      fadeOut: clip.fadeOut,
      loop: clip.loop,
      reverse: clip.reverse,
      rate: clip.rate,
      mute: clip.mute,
      transpose: clip.transpose,
      detune: clip.detune,
      ...(clip.warp ? { warp: clip.warp } : {}),
    }]));
  }
  return {
    timeline: { tempo: project.tempo, timeSignature: project.timeSignature, tempoChanges: project.tempoChanges, meterChanges: project.meterChanges },
    mixer: { channels },
    params,
    clips,
    notes,
    automation: project.automation.filter((lane) => lane.points.length > 0),
  };
}

/**
 * The commands that turn the engine's `previous` document into `next`, sending only what changed:
 * the timeline; the mixer's routing (and the values of parameters it adds) when channels,
 * inserts, sends, outputs, solo, solo safe or bypass changed; the clips of each track whose clips changed;
 * the automation lanes when any changed; and one `set-param` per parameter whose value changed.
 * A fader move is therefore one small `set-param`, never a track and never a voice rebuild.
 */
export function engineDocumentChanges(previous: EngineDocument | null, next: EngineDocument): EngineCommand[] {
  const commands: EngineCommand[] = [];
  if (!previous || !sameTimeline(previous.timeline, next.timeline)) commands.push({ type: 'set-timeline', timeline: next.timeline });
  const before = new Map<string, number>();
  for (const param of previous?.params ?? []) before.set(paramKey(param), param.value);
  const mixerChanged = !previous || !sameMixer(previous.mixer, next.mixer);
  if (mixerChanged) commands.push({ type: 'set-mixer', mixer: next.mixer, params: next.params.filter((param) => !before.has(paramKey(param))) });
  for (const [trackId, clips] of Object.entries(next.clips)) {
    const old = previous?.clips[trackId];
    if (!old || !sameClips(old, clips)) commands.push({ type: 'set-clips', trackId, clips });
  }
  for (const [trackId, clips] of Object.entries(next.notes)) {
    const old = previous?.notes[trackId];
    if (!old || !sameList(old, clips)) commands.push({ type: 'set-note-clips', trackId, clips });
  }
  if (!previous ? next.automation.length > 0 : !sameAutomation(previous.automation, next.automation)) commands.push({ type: 'set-automation', lanes: next.automation });
  for (const param of next.params) {
    const old = before.get(paramKey(param));
    if (old !== undefined && !Object.is(old, param.value)) commands.push({ type: 'set-param', target: param.target, param: param.param, value: param.value });
  }
  return commands;
}

function paramKey(param: EngineParam): string {
  return `${param.target}\u0000${param.param}`;
}

function sameMixer(a: EngineMixer, b: EngineMixer): boolean {
  if (a === b) return true;
  if (a.channels.length !== b.channels.length) return false;
  return a.channels.every((channel, i) => {
    const other = b.channels[i];
    if (!other) return false;
    const { inserts, sends, instrument, ...rest } = channel;
    const { inserts: otherInserts, sends: otherSends, instrument: otherInstrument, ...otherRest } = other;
    return sameShallow(rest, otherRest) && sameList(inserts, otherInserts) && sameList(sends, otherSends) && sameInstrument(instrument, otherInstrument);
  });
}

/** Equal timing: the same tempo, meter, tempo changes and meter changes, whether or not they are the same arrays. */
function sameTimeline(a: EngineTimeline, b: EngineTimeline): boolean {
  if (a === b) return true;
  const meters = (x: EngineTimeline) => x.meterChanges.map((change) => ({ bar: change.bar, count: change.timeSignature[0], unit: change.timeSignature[1] }));
  return (
    a.tempo === b.tempo &&
    a.timeSignature[0] === b.timeSignature[0] &&
    a.timeSignature[1] === b.timeSignature[1] &&
    sameList(a.tempoChanges, b.tempoChanges) &&
    (a.meterChanges === b.meterChanges || sameList(meters(a), meters(b)))
  );
}

function sameAutomation(a: readonly EngineAutomationLane[], b: readonly EngineAutomationLane[]): boolean {
  return a === b || (a.length === b.length && a.every((lane, i) => {
    const other = b[i];
    return other !== undefined && lane.target === other.target && lane.param === other.param && (lane.points === other.points || sameList(lane.points, other.points));
  }));
}

function sameClips(a: readonly EngineClip[], b: readonly EngineClip[]): boolean {
  return a === b || sameList(a, b);
}

function sameList<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => {
    const other = b[i];
    return other !== undefined && sameShallow(item, other);
  });
}

function sameShallow<T extends object>(a: T, b: T): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof T)[];
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}
