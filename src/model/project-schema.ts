/**
 * Project format v6: the document every feature reads and edits, one UTF-8 JSON `*.glowroom`
 * file (docs/project-format.md). Units are part of the meaning: `start`/`length`, marker `beat`
 * and automation `beat` in beats (quarter notes) on the timeline, `offset`/`fadeIn`/`fadeOut` in
 * seconds of source time, track `height` in CSS pixels, gains in dB. Field order here is the
 * order files are written in. Later versions may add fields; these keep their meaning.
 *
 * A track is a lane (name, colour, height), a channel (fader, pan, mute, solo, inserts, sends,
 * output) and content (clips, each of a declared `kind`). A bus is a channel without clips; the
 * master is a channel too. Devices and their parameters are validated against the catalog
 * (src/devices/catalog.ts), the one place a device's parameters are declared. A track with an
 * `instrument` (instrument-schema.ts) holds note clips, which play `patterns` (note-schema.ts);
 * tempo and meter changes and the key are in timing-schema.ts; takes, input monitoring, the punch
 * range and the loop range in recording-schema.ts.
 */
import { z } from 'zod';
import { automationCurves, type AutomationCurve } from '../devices/automation-curve';
import { channelParams, deviceCatalog, sendParams, takesSidechain, type DeviceType } from '../devices/catalog';
import { instrumentCatalog } from '../devices/instruments/catalog';
import { paramProblem, type ParamSpec } from '../devices/param-spec';
import { topologicalOrder } from '../std/topological-order';
import { InstrumentSchema } from './instrument-schema';
import { NoteClipSchema, PatternSchema, swing } from './note-schema';
import { LoopSchema, MonitorSchema, PunchSchema, TakeSchema } from './recording-schema';
import { bpm, checkParams, checkSorted, finite, gainDb, id, name, nonNegative, pan, timeSignature, type Path } from './schema-parts';
import { MeterChangeSchema, SongKeySchema, TempoChangeSchema, type MeterChange, type TempoChange } from './timing-schema';

export const currentProjectVersion = 6;

/** Lane height range and default, in CSS pixels. */
export const minTrackHeight = 40;
export const maxTrackHeight = 240;
export const defaultTrackHeight = 72;

/** A track colour: "#rrggbb" in lowercase hex. */
export const trackColourPattern = /^#[0-9a-f]{6}$/;
/** A SHA-256 content hash: 64 lowercase hex digits. */
export const sha256Pattern = /^[0-9a-f]{64}$/;

/** The id of the master channel: an output, and an automation target. No track or bus may use it. */
export const masterChannelId = 'master';

// Pattern messages are worded to follow "must" (issue-message.ts).
const colour = z.string().regex(trackColourPattern, 'be a colour "#rrggbb" in lowercase hex');
const sha256 = z.string().regex(sha256Pattern, 'be a SHA-256 hash: 64 lowercase hex digits');

export const SourceSchema = z.strictObject({
  /** Relative paths resolve against the project file's folder. */
  path: z.string().min(1).max(4096),
  /** Hash of the file's bytes, to find it again by content after it moved; absent until known. */
  sha256: sha256.optional(),
});

export const warpModes = ['repitch', 'beats', 'tonal'] as const;

export const WarpMarkerSchema = z.strictObject({
  /** Source time in seconds. */
  source: nonNegative,
  /** Where that source time lands, in beats of the clip's musical time from the source's time 0. */
  beat: nonNegative,
});

/** How a clip follows the project's tempo map. */
export const WarpSchema = z
  .strictObject({
    /** repitch: speed and pitch move together; beats: slices re-spaced at transients; tonal: spectral stretch. */
    mode: z.enum(warpModes),
    /** The source's own tempo: without markers, beat = source seconds × sourceTempo / 60. */
    sourceTempo: bpm,
    /** Strictly increasing by both source and beat; linear between, `sourceTempo` outside. */
    markers: z.array(WarpMarkerSchema),
  })
  .superRefine((warp, context) => {
    const show = (marker: WarpMarker) => `${marker.source} s → beat ${marker.beat}`;
    checkSorted(warp.markers, { compare: (a, b) => a.source - b.source, unique: true, what: 'warp markers (by source time)', show }, context, ['markers']);
    checkSorted(warp.markers, { compare: (a, b) => a.beat - b.beat, unique: true, what: 'warp markers (by beat)', show }, context, ['markers']);
  });

export const AudioClipSchema = z.strictObject({
  /** What the clip holds: audio from a source (notes come as another kind). */
  kind: z.literal('audio'),
  id,
  /** Display name; "" shows the source file's name. */
  name,
  source: id,
  /** Timeline position of the clip's first sample, in beats from the start. */
  start: nonNegative,
  /** Length on the timeline, in beats. */
  length: finite.positive(),
  /** Where in the source the clip starts, in seconds of source time. */
  offset: nonNegative,
  gainDb,
  /** Fade lengths in seconds of source time. */
  fadeIn: nonNegative,
  fadeOut: nonNegative,
  /** true: the source from `offset` repeats to fill `length`; false: silence after the source ends. */
  loop: z.boolean(),
  reverse: z.boolean(),
  /** Varispeed factor: 2 plays twice as fast and an octave up. */
  rate: finite.min(0.125).max(8),
  /** true: the clip is silent in playback and every render, and still counts for the song's end. */
  mute: z.boolean(),
  /** Pitch shift in whole semitones, −48…48; 0 unless warped in `beats` or `tonal` mode. */
  transpose: z.number().int().min(-48).max(48),
  /** Fine pitch shift in cents, −100…100; 0 unless warped in `beats` or `tonal` mode. */
  detune: finite.min(-100).max(100),
  /** Present: the clip follows the tempo map (and `rate` is 1); absent: it plays at `rate` whatever the tempo. */
  warp: WarpSchema.optional(),
  take: TakeSchema.optional(),
}).superRefine((clip, context) => {
  const shifts = clip.warp?.mode === 'beats' || clip.warp?.mode === 'tonal';
  for (const field of ['transpose', 'detune'] as const) {
    if (clip[field] !== 0 && !shifts) {
      context.addIssue({ code: 'custom', path: [field], message: `must be 0 unless the clip is warped in beats or tonal mode (a repitch or unwarped clip changes pitch with its speed; got ${clip[field]})` });
    }
  }
  if (clip.warp && clip.rate !== 1) context.addIssue({ code: 'custom', path: ['rate'], message: `must be 1 for a warped clip, which follows the tempo instead (got ${clip.rate})` });
});

/** Every kind of clip; a new kind is one more member. */
export const ClipSchema = z.discriminatedUnion('kind', [AudioClipSchema, NoteClipSchema]);

const deviceTypeNames = Object.keys(deviceCatalog) as [DeviceType, ...DeviceType[]];

/** An insert: a device of a catalog type with a value for each of its parameters. */
export const DeviceSchema = z
  .strictObject({
    id,
    type: z.enum(deviceTypeNames),
    /** true: the device passes its input through untouched (it keeps its latency). */
    bypass: z.boolean(),
    /** Every parameter of the type (and no other), by id, in the catalog's units and ranges. */
    params: z.record(z.string(), finite),
    /**
     * For a type that takes one (the compressor): the id of the track or bus whose signal, after
     * its fader, the detector listens to instead of the device's own input. Absent: its own input.
     */
    sidechain: id.optional(),
  })
  .superRefine((device, context) => {
    checkParams(deviceCatalog[device.type].params, deviceCatalog[device.type].name, device.params, context, ['params']);
    if (device.sidechain !== undefined && !takesSidechain(device.type)) {
      context.addIssue({ code: 'custom', path: ['sidechain'], message: `${deviceCatalog[device.type].name} has no sidechain input` });
    }
  });

export const SendSchema = z.strictObject({
  id,
  /** The bus it feeds. */
  target: id,
  levelDb: gainDb,
  /** `pre`: taken after the inserts, before the fader; `post`: after fader and pan. */
  tap: z.enum(['pre', 'post']),
});

export const ChannelSchema = z.strictObject({
  /** The fader. */
  gainDb,
  /** −1 hard left … +1 hard right. */
  pan,
  mute: z.boolean(),
  solo: z.boolean(),
  /** true: keeps playing when other channels are soloed (an effect return, typically). */
  soloSafe: z.boolean(),
  /** Processed in order, after the channel's input and before its fader. */
  inserts: z.array(DeviceSchema),
  sends: z.array(SendSchema),
  /** Where the channel's signal goes: "master" or a bus id. */
  output: id,
});

export const MasterSchema = z.strictObject({
  gainDb,
  pan,
  inserts: z.array(DeviceSchema),
});

export const TrackSchema = z.strictObject({
  id,
  name,
  colour,
  /** Lane height in CSS pixels. */
  height: z.number().int().min(minTrackHeight).max(maxTrackHeight),
  channel: ChannelSchema,
  /** Present: an instrument track, whose note clips play through it into the channel. */
  instrument: InstrumentSchema.optional(),
  /** An audio track's input monitoring; absent = off. */
  monitor: MonitorSchema.optional(),
  /** Note clips on an instrument track, audio clips on any other. */
  clips: z.array(ClipSchema),
});

/** A channel without clips: tracks and other buses feed it through their output or sends. */
export const BusSchema = z.strictObject({
  id,
  name,
  colour,
  channel: ChannelSchema,
});

export const MarkerSchema = z.strictObject({
  id,
  /** Timeline position in beats from the start. */
  beat: nonNegative,
  name,
});

export const AutomationPointSchema = z.strictObject({
  /** Timeline position in beats from the start. */
  beat: nonNegative,
  /** In the parameter's unit and range. */
  value: finite,
  /** How the value moves from this point to the next one. */
  curve: z.enum(automationCurves),
});

/** The values of one parameter over time: a channel's, a send's or a device's, by its id. */
export const AutomationLaneSchema = z.strictObject({
  /** A track, bus, "master", send or device id. */
  target: id,
  /** The parameter's id on that target (the catalog's). */
  param: z.string().min(1).max(200),
  /** Sorted by beat. */
  points: z.array(AutomationPointSchema),
});

export const ProjectSchema = z
  .strictObject({
    format: z.literal('glowroom'),
    version: z.literal(currentProjectVersion),
    name,
    /** Quarter notes per minute at beat 0. */
    tempo: bpm,
    /** [beats per bar, note value] at bar 0. */
    timeSignature,
    /** The engine's sample rate in hertz. */
    sampleRate: z.union([z.literal(44_100), z.literal(48_000), z.literal(88_200), z.literal(96_000)]),
    sources: z.record(id, SourceSchema),
    tracks: z.array(TrackSchema),
    buses: z.array(BusSchema),
    /** Sorted by beat; ids unique among markers. */
    markers: z.array(MarkerSchema),
    master: MasterSchema,
    automation: z.array(AutomationLaneSchema),
    /** Sorted by beat, unique beats. */
    tempoChanges: z.array(TempoChangeSchema),
    /** Sorted by bar, unique bars. */
    meterChanges: z.array(MeterChangeSchema),
    /** The song's swing for note clips, 50–75 %. */
    swing,
    /** The note content note clips play, by id; linked copies share one. */
    patterns: z.record(id, PatternSchema),
    /** The song's key; null = not set. */
    key: SongKeySchema.nullable(),
    /** The punch range; absent = never set. */
    punch: PunchSchema.optional(),
    /** The loop range; absent = never set. */
    loop: LoopSchema.optional(),
  })
  .superRefine((project, context) => {
    checkClips(project, context);
    checkInstruments(project, context);
    const targets = checkMixerIds(project, context);
    checkRouting(project, context);
    checkAutomation(project, targets, context);
    checkMarkers(project, context);
    checkTiming(project, context);
  });

export type Project = z.infer<typeof ProjectSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type Bus = z.infer<typeof BusSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type Master = z.infer<typeof MasterSchema>;
export type Device = z.infer<typeof DeviceSchema>;
export type Send = z.infer<typeof SendSchema>;
export type Clip = z.infer<typeof ClipSchema>;
export type AudioClip = z.infer<typeof AudioClipSchema>;
export type Warp = z.infer<typeof WarpSchema>;
export type WarpMode = (typeof warpModes)[number];
export type WarpMarker = z.infer<typeof WarpMarkerSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Marker = z.infer<typeof MarkerSchema>;
export type AutomationLane = z.infer<typeof AutomationLaneSchema>;
export type AutomationPoint = z.infer<typeof AutomationPointSchema>;
export { automationCurves, type AutomationCurve };
export type { DrumPad, Instrument, SamplerZone } from './instrument-schema';
export type { Note, NoteClip, Pattern, StepGrid } from './note-schema';
export type { MeterChange, SongKey, TempoChange } from './timing-schema';
export type { LoopRangeSetting, MonitorMode, Punch, Take } from './recording-schema';
export { TakeSchema };

type Context = z.RefinementCtx;

/**
 * Clip ids are unique; audio clips play a source and sit on tracks without an instrument, note
 * clips play a pattern and sit on instrument tracks; a take group belongs to one track, one clip a
 * pass. Input monitoring is for audio tracks (an instrument track plays what is played on it).
 */
function checkClips(project: Project, context: Context): void {
  const clipIds = new Set<string>();
  const takeTracks = new Map<string, number>();
  const takePasses = new Set<string>();
  project.tracks.forEach((track, t) => {
    if (track.instrument && track.monitor !== undefined) context.addIssue({ code: 'custom', path: ['tracks', t, 'monitor'], message: `is for audio tracks only (an instrument track plays what is played on it; got "${track.monitor}")` });
    track.clips.forEach((clip, c) => {
      const path = ['tracks', t, 'clips', c];
      if (clipIds.has(clip.id)) context.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate clip id "${clip.id}"` });
      clipIds.add(clip.id);
      if (clip.kind === 'notes') {
        if (!track.instrument) context.addIssue({ code: 'custom', path: [...path, 'kind'], message: `a note clip needs an instrument track (this track has no instrument; move the clip to one)` });
        if (!Object.hasOwn(project.patterns, clip.pattern)) context.addIssue({ code: 'custom', path: [...path, 'pattern'], message: `no pattern "${clip.pattern}" in "patterns"` });
      } else {
        if (track.instrument) context.addIssue({ code: 'custom', path: [...path, 'kind'], message: `an audio clip cannot be on an instrument track (move it to an audio track)` });
        if (!Object.hasOwn(project.sources, clip.source)) context.addIssue({ code: 'custom', path: [...path, 'source'], message: `no source "${clip.source}" in "sources"` });
      }
      if (!clip.take) return;
      const owner = takeTracks.get(clip.take.group) ?? t;
      takeTracks.set(clip.take.group, owner);
      if (owner !== t) context.addIssue({ code: 'custom', path: [...path, 'take', 'group'], message: `the take group "${clip.take.group}" is on another track already (a group's takes share one track)` });
      const pass = `${clip.take.group}\u0000${clip.take.pass}`;
      if (takePasses.has(pass)) context.addIssue({ code: 'custom', path: [...path, 'take', 'pass'], message: `a second take ${clip.take.pass} in the group "${clip.take.group}" (each pass is one take)` });
      takePasses.add(pass);
    });
  });
}

/** Instrument samples are project sources; drum pads output to the track's channel or a bus. */
function checkInstruments(project: Project, context: Context): void {
  const busIds = new Set(project.buses.map((bus) => bus.id));
  project.tracks.forEach((track, t) => {
    const instrument = track.instrument;
    if (!instrument) return;
    const path = ['tracks', t, 'instrument'];
    if (instrument.type === 'sampler' && instrument.zone && !Object.hasOwn(project.sources, instrument.zone.source)) {
      context.addIssue({ code: 'custom', path: [...path, 'zone', 'source'], message: `no source "${instrument.zone.source}" in "sources"` });
    }
    if (instrument.type !== 'drums') return;
    instrument.pads.forEach((pad, p) => {
      if (pad.source !== null && !Object.hasOwn(project.sources, pad.source)) {
        context.addIssue({ code: 'custom', path: [...path, 'pads', p, 'source'], message: `no source "${pad.source}" in "sources"` });
      }
      if (pad.output !== null && !busIds.has(pad.output)) {
        context.addIssue({ code: 'custom', path: [...path, 'pads', p, 'output'], message: `no bus "${pad.output}" for the pad's output (null plays through the track's own channel)` });
      }
    });
  });
}

/** Tempo changes sorted by beat and meter changes by bar, none twice at one place. */
function checkTiming(project: Project, context: Context): void {
  checkSorted(project.tempoChanges, { compare: (a: TempoChange, b: TempoChange) => a.beat - b.beat, unique: true, what: 'tempo changes', show: (change) => `beat ${change.beat}` }, context, ['tempoChanges']);
  checkSorted(project.meterChanges, { compare: (a: MeterChange, b: MeterChange) => a.bar - b.bar, unique: true, what: 'meter changes', show: (change) => `bar ${change.bar}` }, context, ['meterChanges']);
}

/**
 * Tracks, buses, sends, devices and instruments share one id space (automation names its target
 * by id alone), and "master" is reserved. Returns the parameters of every target, by id.
 */
function checkMixerIds(project: Project, context: Context): Map<string, readonly ParamSpec[]> {
  const targets = new Map<string, readonly ParamSpec[]>([[masterChannelId, channelParams]]);
  const claim = (itemId: string, path: Path, specs: readonly ParamSpec[]) => {
    if (targets.has(itemId)) context.addIssue({ code: 'custom', path, message: `the id "${itemId}" is taken (tracks, buses, sends, devices and instruments need ids of their own, and "master" is reserved)` });
    else targets.set(itemId, specs);
  };
  const claimInserts = (inserts: readonly Device[], path: Path) => {
    inserts.forEach((device, d) => claim(device.id, [...path, 'inserts', d, 'id'], deviceCatalog[device.type].params));
  };
  const claimChannel = (channel: Channel, path: Path) => {
    claimInserts(channel.inserts, [...path, 'channel']);
    channel.sends.forEach((send, s) => claim(send.id, [...path, 'channel', 'sends', s, 'id'], sendParams));
  };
  project.tracks.forEach((track, t) => claim(track.id, ['tracks', t, 'id'], channelParams));
  project.buses.forEach((bus, b) => claim(bus.id, ['buses', b, 'id'], channelParams));
  project.tracks.forEach((track, t) => {
    if (track.instrument) claim(track.instrument.id, ['tracks', t, 'instrument', 'id'], instrumentCatalog[track.instrument.type].params);
  });
  project.tracks.forEach((track, t) => claimChannel(track.channel, ['tracks', t]));
  project.buses.forEach((bus, b) => claimChannel(bus.channel, ['buses', b]));
  claimInserts(project.master.inserts, ['master']);
  return targets;
}

/** Outputs and sends name "master" or a bus, sidechains a track or bus, and the routing never loops. */
function checkRouting(project: Project, context: Context): void {
  const busIds = new Set(project.buses.map((bus) => bus.id));
  const channelIds = new Set([...project.tracks.map((track) => track.id), ...busIds]);
  const checkSidechains = (owner: string, inserts: readonly Device[], path: Path) => {
    inserts.forEach((device, d) => {
      if (device.sidechain === undefined) return;
      const at = [...path, 'inserts', d, 'sidechain'];
      if (!channelIds.has(device.sidechain)) context.addIssue({ code: 'custom', path: at, message: `no track or bus "${device.sidechain}" to listen to` });
      else if (device.sidechain === owner) context.addIssue({ code: 'custom', path: at, message: `a device cannot listen to its own channel through the sidechain (leave the sidechain out instead)` });
    });
  };
  project.tracks.forEach((track, t) => checkSidechains(track.id, track.channel.inserts, ['tracks', t, 'channel']));
  project.buses.forEach((bus, b) => checkSidechains(bus.id, bus.channel.inserts, ['buses', b, 'channel']));
  checkSidechains(masterChannelId, project.master.inserts, ['master']);
  const checkChannel = (owner: string, channel: Channel, path: Path) => {
    if (channel.output !== masterChannelId && !busIds.has(channel.output)) {
      context.addIssue({ code: 'custom', path: [...path, 'channel', 'output'], message: `no bus "${channel.output}" to send the output to (it must be "master" or a bus id)` });
    }
    channel.sends.forEach((send, s) => {
      if (!busIds.has(send.target)) context.addIssue({ code: 'custom', path: [...path, 'channel', 'sends', s, 'target'], message: `no bus "${send.target}" to send to` });
      else if (send.target === owner) context.addIssue({ code: 'custom', path: [...path, 'channel', 'sends', s, 'target'], message: `a bus cannot send to itself` });
    });
  };
  project.tracks.forEach((track, t) => checkChannel(track.id, track.channel, ['tracks', t]));
  project.buses.forEach((bus, b) => checkChannel(bus.id, bus.channel, ['buses', b]));
  const loop = routingLoop(project);
  if (loop) context.addIssue({ code: 'custom', path: ['buses'], message: `the routing makes a loop: ${loop}` });
}

/**
 * The loop in the routing, in words ("Reverb → Delay → Reverb"), or null when there is none. A
 * channel feeds its output and the buses it sends to; a sidechain source "feeds" the channel
 * whose device listens to it (it must be processed first), which is how a track joins a loop:
 * a compressor on a track keyed by the bus that track feeds. A drum pad with its own output feeds that bus too.
 */
export function routingLoop(project: Pick<Project, 'tracks' | 'buses'>): string | null {
  const channels = new Map<string, Track | Bus>([...project.tracks, ...project.buses].map((owner) => [owner.id, owner]));
  const listeners = new Map<string, string[]>();
  for (const owner of channels.values()) {
    for (const device of owner.channel.inserts) {
      if (device.sidechain !== undefined) listeners.set(device.sidechain, [...(listeners.get(device.sidechain) ?? []), owner.id]);
    }
  }
  const result = topologicalOrder([...channels.keys()], (channelId) => {
    const owner = channels.get(channelId);
    const channel = owner?.channel;
    const feeds = channel ? [channel.output, ...channel.sends.map((send) => send.target), ...padOutputs(owner)] : [];
    return [...feeds, ...(listeners.get(channelId) ?? [])];
  });
  if (!result.loop) return null;
  return result.loop.map((channelId) => channels.get(channelId)?.name || channelId).join(' → ');
}

/** The buses a drum track's pads play into directly. */
function padOutputs(owner: Track | Bus | undefined): string[] {
  const instrument = owner && 'instrument' in owner ? owner.instrument : undefined;
  return instrument?.type === 'drums' ? instrument.pads.flatMap((pad) => (pad.output === null ? [] : [pad.output])) : [];
}

function checkAutomation(project: Project, targets: ReadonlyMap<string, readonly ParamSpec[]>, context: Context): void {
  const lanes = new Set<string>();
  project.automation.forEach((lane, l) => {
    const specs = targets.get(lane.target);
    if (!specs) {
      context.addIssue({ code: 'custom', path: ['automation', l, 'target'], message: `no track, bus, send, device or instrument "${lane.target}" to automate` });
      return;
    }
    const spec = specs.find((candidate) => candidate.id === lane.param);
    if (!spec) {
      context.addIssue({ code: 'custom', path: ['automation', l, 'param'], message: `"${lane.target}" has no parameter "${lane.param}" (it has ${specs.map((s) => `"${s.id}"`).join(', ')})` });
      return;
    }
    const key = `${lane.target}\u0000${lane.param}`;
    if (lanes.has(key)) context.addIssue({ code: 'custom', path: ['automation', l], message: `a second lane for "${lane.param}" of "${lane.target}" (one lane per parameter)` });
    lanes.add(key);
    lane.points.forEach((point, p) => {
      const problem = paramProblem(spec, point.value);
      if (problem) context.addIssue({ code: 'custom', path: ['automation', l, 'points', p, 'value'], message: `${problem} (got ${point.value})` });
      const previous = lane.points[p - 1];
      if (previous && previous.beat > point.beat) {
        context.addIssue({ code: 'custom', path: ['automation', l, 'points', p, 'beat'], message: `points must be sorted by beat (${point.beat} comes after ${previous.beat})` });
      }
    });
  });
}

function checkMarkers(project: Project, context: Context): void {
  const markerIds = new Set<string>();
  project.markers.forEach((marker, m) => {
    if (markerIds.has(marker.id)) context.addIssue({ code: 'custom', path: ['markers', m, 'id'], message: `duplicate marker id "${marker.id}"` });
    markerIds.add(marker.id);
    const previous = project.markers[m - 1];
    if (previous && previous.beat > marker.beat) {
      context.addIssue({ code: 'custom', path: ['markers', m, 'beat'], message: `markers must be sorted by beat (${marker.beat} comes after ${previous.beat})` });
    }
  });
}
