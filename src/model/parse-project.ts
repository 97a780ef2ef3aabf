/**
 * Reading and writing `*.glowroom` files (docs/project-format.md). Reading turns any text into a
 * valid current-version `Project` or a `GlowroomError` whose message names the file and the
 * first problem in it, with its line and column or its JSON path. Writing gives the canonical
 * text: the same project always serializes to the same bytes, with keys in the documented order,
 * so saved projects diff well under version control.
 */
import { deviceCatalog } from '../devices/catalog';
import { drumPadParams, instrumentCatalog } from '../devices/instruments/catalog';
import type { ParamSpec } from '../devices/param-spec';
import { GlowroomError } from '../std/errors';
import { describeIssue, firstIssueInDocumentOrder } from './issue-message';
import { clampDeviceParams } from './clamp-params';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';
import { migrateProject } from './migrations';
import { projectLimitProblem, rawSizeProblem } from './project-limits';
import {
  ProjectSchema,
  type AudioClip,
  type AutomationLane,
  type Bus,
  type Channel,
  type Clip,
  type Device,
  type Instrument,
  type Marker,
  type Master,
  type Note,
  type NoteClip,
  type Pattern,
  type Project,
  type SamplerZone,
  type Take,
  type Send,
  type Source,
  type Track,
  type Warp,
} from './project-schema';

/**
 * Parses the text of a project file named `fileName` (used only in messages). Errors:
 * `bad-format` for anything malformed or invalid, `unsupported` for a file from a newer Glowroom.
 * Older versions are migrated before validation.
 */
export function parseProject(text: string, fileName: string): Project {
  return parseProjectWithNotes(text, fileName).project;
}

/**
 * `parseProject`, also saying what was mended on the way: device parameters out of range are
 * clamped to the nearest value they can hold, one note each (shown when the project opens).
 */
export function parseProjectWithNotes(text: string, fileName: string): { project: Project; notes: string[] } {
  const doc = parseJson(text, fileName);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new GlowroomError('bad-format', `${fileName} is not a Glowroom project (it holds ${kindOf(doc)}, not a JSON object)`);
  }
  if (!Object.hasOwn(doc, 'format')) throw new GlowroomError('bad-format', `${fileName} is not a Glowroom project (it has no "format": "glowroom")`);
  const format = (doc as Record<string, unknown>)['format'];
  if (format !== 'glowroom') {
    throw new GlowroomError('bad-format', `${fileName} is not a Glowroom project (its "format" is not "glowroom")`);
  }
  refuseBeyondLimits(rawSizeProblem(doc), fileName);
  const migrated = migrateProject(doc, undefined, { label: fileName });
  const notes = clampDeviceParams(migrated);
  const result = ProjectSchema.safeParse(migrated);
  if (!result.success) throw new GlowroomError('bad-format', `${fileName}: ${firstProblem(result.error.issues, migrated)}`);
  refuseBeyondLimits(projectLimitProblem(result.data), fileName);
  return { project: result.data, notes };
}

/**
 * The canonical text of `project`: 2-space JSON, keys in the documented order, sources sorted by
 * id, number arrays on one line, a trailing newline. Refuses (`internal`) a project that would not
 * load again, so a bug never writes an unreadable file.
 */
export function serializeProject(project: Project): string {
  const result = ProjectSchema.safeParse(project);
  if (!result.success) {
    throw new GlowroomError('internal', `The project "${project.name}" cannot be saved: ${firstProblem(result.error.issues, project)}`);
  }
  const tooBig = projectLimitProblem(result.data);
  if (tooBig) throw new GlowroomError('unsupported', `The project "${project.name}" cannot be saved: ${tooBig}`);
  return `${formatJson(inDocumentedOrder(result.data), '')}\n`;
}

function parseJson(text: string, fileName: string): unknown {
  // Editors on Windows may prepend a byte order mark; it is not part of the JSON.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/^[ \t\n\r]*$/.test(body)) throw new GlowroomError('bad-format', `${fileName} is empty; the file may be truncated`);
  try {
    return JSON.parse(body);
  } catch (error) {
    // Only what starts like a project (an object, or a comment someone added) is quoted: another
    // file's content (a passwd line, a key) never shows in a message.
    if (!/^[ \t\n\r]*[{/]/.test(body)) throw new GlowroomError('bad-format', `${fileName} is not a Glowroom project: its text is not JSON`);
    const syntax = findJsonSyntaxError(body);
    if (syntax) {
      const { line, column } = lineAndColumn(body, syntax.index);
      throw new GlowroomError('bad-format', `${fileName} is not valid JSON (line ${line}, column ${column}): ${capitalized(syntax.problem)}`);
    }
    // Well-formed, yet the engine refused it (a limit such as nesting depth): pass its reason on.
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason)?.[1];
    if (position === undefined) throw new GlowroomError('bad-format', `${fileName} is not valid JSON: ${reason}`);
    const { line, column } = lineAndColumn(body, Number(position));
    throw new GlowroomError('bad-format', `${fileName} is not valid JSON (line ${line}, column ${column}): ${reason}`);
  }
}

function refuseBeyondLimits(problem: string | undefined, fileName: string): void {
  if (problem) throw new GlowroomError('unsupported', `${fileName}: ${problem}. The file may be damaged or made by another program`);
}

function firstProblem(issues: Parameters<typeof firstIssueInDocumentOrder>[0], document: unknown): string {
  const issue = firstIssueInDocumentOrder(issues, document);
  return issue ? describeIssue(issue, document) : 'the document is not valid';
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  return typeof value;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A copy with keys in the documented order (sources and patterns sorted by id). Each object is built field by field with its type, so
 * a field added to the schema and forgotten here fails the typecheck rather than vanishing on save.
 */
function inDocumentedOrder(project: Project): Project {
  const sources = Object.entries(project.sources).sort(byKey);
  return {
    format: project.format,
    version: project.version,
    name: project.name,
    tempo: project.tempo,
    timeSignature: [project.timeSignature[0], project.timeSignature[1]],
    sampleRate: project.sampleRate,
    // Object.fromEntries defines own properties, so even an id like "__proto__" stays a key.
    sources: Object.fromEntries(sources.map(([id, source]) => [id, sourceInOrder(source)])),
    tracks: project.tracks.map(trackInOrder),
    buses: project.buses.map(busInOrder),
    markers: project.markers.map(markerInOrder),
    master: masterInOrder(project.master),
    automation: project.automation.map(laneInOrder),
    tempoChanges: project.tempoChanges.map((change) => ({ beat: change.beat, bpm: change.bpm, ramp: change.ramp })),
    meterChanges: project.meterChanges.map((change) => ({ bar: change.bar, timeSignature: [change.timeSignature[0], change.timeSignature[1]] })),
    swing: project.swing,
    patterns: Object.fromEntries(Object.entries(project.patterns).sort(byKey).map(([id, pattern]) => [id, patternInOrder(pattern)])),
    key: project.key === null ? null : { tonic: project.key.tonic, mode: project.key.mode },
    ...(project.punch === undefined ? {} : { punch: { start: project.punch.start, end: project.punch.end, on: project.punch.on } }),
    ...(project.loop === undefined ? {} : { loop: { start: project.loop.start, end: project.loop.end, on: project.loop.on } }),
  };
}

/** Entries sorted by key, as code units compare. */
function byKey([a]: [string, unknown], [b]: [string, unknown]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sourceInOrder(source: Source): Source {
  return source.sha256 === undefined ? { path: source.path } : { path: source.path, sha256: source.sha256 };
}

function trackInOrder(track: Track): Track {
  return {
    id: track.id,
    name: track.name,
    colour: track.colour,
    height: track.height,
    channel: channelInOrder(track.channel),
    ...(track.instrument === undefined ? {} : { instrument: instrumentInOrder(track.instrument) }),
    ...(track.monitor === undefined ? {} : { monitor: track.monitor }),
    clips: track.clips.map(clipInOrder),
  };
}

/** A `params` object in the order of its specs (the schema made sure the two sets are the same). */
function paramsInOrder(specs: readonly ParamSpec[], params: Record<string, number>): Record<string, number> {
  return Object.fromEntries(specs.map((spec) => [spec.id, params[spec.id] ?? spec.default]));
}

function instrumentInOrder(instrument: Instrument): Instrument {
  const head = { id: instrument.id, params: paramsInOrder(instrumentCatalog[instrument.type].params, instrument.params) };
  switch (instrument.type) {
    case 'synth':
      return { id: head.id, type: 'synth', params: head.params };
    case 'sampler':
      return { id: head.id, type: 'sampler', params: head.params, zone: instrument.zone === null ? null : zoneInOrder(instrument.zone) };
    case 'drums':
      return {
        id: head.id,
        type: 'drums',
        params: head.params,
        pads: instrument.pads.map((pad) => ({ name: pad.name, source: pad.source, params: paramsInOrder(drumPadParams, pad.params), output: pad.output })),
      };
  }
}

function zoneInOrder(zone: SamplerZone): SamplerZone {
  return { source: zone.source, rootNote: zone.rootNote, start: zone.start, end: zone.end, loopStart: zone.loopStart, loopEnd: zone.loopEnd, slices: [...zone.slices] };
}

function patternInOrder(pattern: Pattern): Pattern {
  return {
    name: pattern.name,
    length: pattern.length,
    notes: pattern.notes.map(noteInOrder),
    ...(pattern.swing === undefined ? {} : { swing: pattern.swing }),
    ...(pattern.stepGrid === undefined
      ? {}
      : { stepGrid: { division: pattern.stepGrid.division, rowSteps: Object.fromEntries(Object.entries(pattern.stepGrid.rowSteps).sort(([a], [b]) => Number(a) - Number(b))) } }),
  };
}

function noteInOrder(note: Note): Note {
  return {
    pitch: note.pitch,
    start: note.start,
    length: note.length,
    velocity: note.velocity,
    ...(note.probability === undefined ? {} : { probability: note.probability }),
    ...(note.ratchet === undefined ? {} : { ratchet: note.ratchet }),
  };
}

function busInOrder(bus: Bus): Bus {
  return { id: bus.id, name: bus.name, colour: bus.colour, channel: channelInOrder(bus.channel) };
}

function channelInOrder(channel: Channel): Channel {
  return {
    gainDb: channel.gainDb,
    pan: channel.pan,
    mute: channel.mute,
    solo: channel.solo,
    soloSafe: channel.soloSafe,
    inserts: channel.inserts.map(deviceInOrder),
    sends: channel.sends.map(sendInOrder),
    output: channel.output,
  };
}

function masterInOrder(master: Master): Master {
  return { gainDb: master.gainDb, pan: master.pan, inserts: master.inserts.map(deviceInOrder) };
}

function deviceInOrder(device: Device): Device {
  const ordered: Device = { id: device.id, type: device.type, bypass: device.bypass, params: paramsInOrder(deviceCatalog[device.type].params, device.params) };
  return device.sidechain === undefined ? ordered : { ...ordered, sidechain: device.sidechain };
}

function sendInOrder(send: Send): Send {
  return { id: send.id, target: send.target, levelDb: send.levelDb, tap: send.tap };
}

function laneInOrder(lane: AutomationLane): AutomationLane {
  return {
    target: lane.target,
    param: lane.param,
    points: lane.points.map((point) => ({ beat: point.beat, value: point.value, curve: point.curve })),
  };
}

function clipInOrder(clip: Clip): Clip {
  return clip.kind === 'audio' ? audioClipInOrder(clip) : noteClipInOrder(clip);
}

function noteClipInOrder(clip: NoteClip): NoteClip {
  const ordered: NoteClip = { kind: clip.kind, id: clip.id, name: clip.name, pattern: clip.pattern, start: clip.start, length: clip.length, offset: clip.offset, loop: clip.loop, mute: clip.mute };
  return clip.take === undefined ? ordered : { ...ordered, take: takeInOrder(clip.take) };
}

function takeInOrder(take: Take): Take {
  return { group: take.group, pass: take.pass };
}

function audioClipInOrder(clip: AudioClip): AudioClip {
  return {
    kind: clip.kind,
    id: clip.id,
    name: clip.name,
    source: clip.source,
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
    ...(clip.warp === undefined ? {} : { warp: warpInOrder(clip.warp) }),
    ...(clip.take === undefined ? {} : { take: takeInOrder(clip.take) }),
  };
}

function warpInOrder(warp: Warp): Warp {
  return { mode: warp.mode, sourceTempo: warp.sourceTempo, markers: warp.markers.map((marker) => ({ source: marker.source, beat: marker.beat })) };
}

function markerInOrder(marker: Marker): Marker {
  return { id: marker.id, beat: marker.beat, name: marker.name };
}

/** JSON.stringify(value, null, 2), except that arrays of numbers stay on one line: `[4, 4]`. */
function formatJson(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => typeof item === 'number')) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    return `[\n${value.map((item) => inner + formatJson(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
