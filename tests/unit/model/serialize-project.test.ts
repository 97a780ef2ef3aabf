import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../src/model/parse-project';
import { deviceCatalog, deviceTypes } from '../../../src/devices/catalog';
import {
  AudioClipSchema,
  AutomationLaneSchema,
  AutomationPointSchema,
  BusSchema,
  ChannelSchema,
  currentProjectVersion,
  DeviceSchema,
  MarkerSchema,
  MasterSchema,
  ProjectSchema,
  SendSchema,
  SourceSchema,
  TakeSchema,
  TrackSchema,
  WarpMarkerSchema,
  WarpSchema,
  type Clip,
  type Project,
} from '../../../src/model/project-schema';
import { drumPadParams, instrumentCatalog, instrumentTypes } from '../../../src/devices/instruments/catalog';
import { DrumPadSchema, DrumsSchema, SamplerSchema, SamplerZoneSchema, SynthSchema } from '../../../src/model/instrument-schema';
import { NoteClipSchema, NoteSchema, PatternSchema, StepGridSchema } from '../../../src/model/note-schema';
import { MeterChangeSchema, SongKeySchema, TempoChangeSchema } from '../../../src/model/timing-schema';
import { GlowroomError } from '../../../src/std/errors';
import { repoRoot } from '../../support/paths';
import { LoopSchema, PunchSchema } from '../../../src/model/recording-schema';
import { exampleFile, exampleText, richProject } from './fixtures';

const canonicalExample = `{
  "format": "glowroom",
  "version": 6,
  "name": "Night drive",
  "tempo": 120,
  "timeSignature": [4, 4],
  "sampleRate": 48000,
  "sources": {
    "s1": {
      "path": "Audio/amen.wav",
      "sha256": "cc6625de7e276888061935a5861b3009d734a828a73150a043e5e9f484848595"
    }
  },
  "tracks": [
    {
      "id": "t1",
      "name": "Drums",
      "colour": "#ffb347",
      "height": 72,
      "channel": {
        "gainDb": 0,
        "pan": 0,
        "mute": false,
        "solo": false,
        "soloSafe": false,
        "inserts": [],
        "sends": [],
        "output": "master"
      },
      "clips": [
        {
          "kind": "audio",
          "id": "c1",
          "name": "Amen",
          "source": "s1",
          "start": 0,
          "length": 4,
          "offset": 0,
          "gainDb": 0,
          "fadeIn": 0,
          "fadeOut": 0,
          "loop": false,
          "reverse": false,
          "rate": 1,
          "mute": false,
          "transpose": 0,
          "detune": 0
        }
      ]
    }
  ],
  "buses": [],
  "markers": [
    {
      "id": "m1",
      "beat": 0,
      "name": "Intro"
    }
  ],
  "master": {
    "gainDb": 0,
    "pan": 0,
    "inserts": []
  },
  "automation": [],
  "tempoChanges": [],
  "meterChanges": [],
  "swing": 50,
  "patterns": {},
  "key": null
}
`;

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomProject(next: () => number): Project {
  const between = (low: number, high: number): number => low + next() * (high - low);
  const text = (): string => Array.from({ length: Math.floor(next() * 12) }, () => String.fromCodePoint(Math.floor(between(32, 0x1f700)))).join('');
  const sourceIds = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, i) => `src ${i} ${text()}`);
  const hex = (digits: number): string => Array.from({ length: digits }, () => '0123456789abcdef'[Math.floor(next() * 16)]).join('');
  let clipCount = 0;
  let beat = 0;
  return {
    format: 'glowroom',
    version: currentProjectVersion,
    name: text(),
    tempo: between(20, 999),
    timeSignature: [1 + Math.floor(next() * 32), ([1, 2, 4, 8, 16, 32] as const)[Math.floor(next() * 6)] ?? 4],
    sampleRate: ([44_100, 48_000, 88_200, 96_000] as const)[Math.floor(next() * 4)] ?? 48_000,
    sources: Object.fromEntries(sourceIds.map((id) => [id, next() < 0.5 ? { path: `Audio/${text()}.wav` } : { path: `Audio/${text()}.wav`, sha256: hex(64) }])),
    tracks: Array.from({ length: Math.floor(next() * 4) }, (_, t) => ({
      id: `t${t}`,
      name: text(),
      colour: `#${hex(6)}`,
      height: 40 + Math.floor(next() * 201),
      channel: {
        gainDb: between(-144, 24),
        pan: between(-1, 1),
        mute: next() < 0.5,
        solo: next() < 0.5,
        soloSafe: next() < 0.5,
        inserts: next() < 0.5 ? [] : [{ id: `d${t}`, type: 'limiter' as const, bypass: next() < 0.5, params: { ceilingDb: between(-24, 0), releaseMs: between(1, 1000) } }],
        sends: next() < 0.5 ? [] : [{ id: `x${t}`, target: 'b1', levelDb: between(-144, 24), tap: next() < 0.5 ? ('pre' as const) : ('post' as const) }],
        output: next() < 0.5 ? 'master' : 'b1',
      },
      clips: Array.from({ length: Math.floor(next() * 4) }, (): Clip => ({
        kind: 'audio',
        id: `c${clipCount++}`,
        name: text(),
        source: sourceIds[Math.floor(next() * sourceIds.length)] ?? '',
        // Up to 6,000 beats: within the 6-hour limit even at 20 BPM.
        start: next() < 0.2 ? 0 : between(0, 5e3),
        length: between(1e-9, 1e3),
        offset: next() < 0.2 ? 0 : between(0, 600),
        gainDb: between(-144, 24),
        fadeIn: between(0, 5),
        fadeOut: between(0, 5),
        loop: next() < 0.5,
        reverse: next() < 0.5,
        rate: between(0.125, 8),
        mute: next() < 0.5,
        transpose: 0,
        detune: 0,
      })),
    })),
    buses: [{ id: 'b1', name: text(), colour: `#${hex(6)}`, channel: { gainDb: between(-144, 24), pan: between(-1, 1), mute: next() < 0.5, solo: next() < 0.5, soloSafe: next() < 0.5, inserts: [], sends: [], output: 'master' } }],
    markers: Array.from({ length: Math.floor(next() * 4) }, (_, m) => ({ id: `m${m}`, beat: next() < 0.3 ? beat : (beat += between(0, 64)), name: text() })),
    master: { gainDb: between(-144, 24), pan: between(-1, 1), inserts: [] },
    automation: next() < 0.5 ? [] : [{ target: 'b1', param: 'pan', points: [{ beat: between(0, 64), value: between(-1, 1), curve: 'hold' }] }],
    tempoChanges: next() < 0.5 ? [] : [{ beat: between(1, 64), bpm: between(20, 999), ramp: next() < 0.5 }],
    meterChanges: next() < 0.5 ? [] : [{ bar: 1 + Math.floor(next() * 64), timeSignature: [7, 8] }],
    swing: between(50, 75),
    patterns: {},
    key: next() < 0.5 ? null : { tonic: Math.floor(next() * 12), mode: next() < 0.5 ? 'major' : 'minor' },
  };
}

describe('serializeProject', () => {
  it('writes the canonical text: 2-space JSON in the documented order, number arrays inline, final newline', () => {
    expect(serializeProject(parseProject(exampleText, exampleFile))).toBe(canonicalExample);
  });

  it('round-trips a rich project exactly', () => {
    const project = richProject();
    const text = serializeProject(project);
    expect(parseProject(text, 'rich.glowroom')).toEqual(project);
    expect(serializeProject(parseProject(text, 'rich.glowroom'))).toBe(text);
  });

  it('round-trips hundreds of random projects exactly', () => {
    const next = random(42);
    for (let i = 0; i < 300; i++) {
      const project = randomProject(next);
      const text = serializeProject(project);
      expect(parseProject(text, `random-${i}.glowroom`)).toEqual(project);
    }
  });

  it('writes keys in the order of the schema, which is the documented order', () => {
    const written = JSON.parse(serializeProject(richProject())) as Project;
    expect(Object.keys(written)).toEqual(Object.keys(ProjectSchema.shape));
    expect(Object.keys(written.sources.kick ?? {})).toEqual(Object.keys(SourceSchema.shape));
    /** The schema's keys, without the optional ones `value` does not hold. */
    const keysOf = (shape: object, value: object, optional: readonly string[] = []) => Object.keys(shape).filter((key) => !optional.includes(key) || Object.hasOwn(value, key));
    for (const track of written.tracks) {
      expect(Object.keys(track)).toEqual(keysOf(TrackSchema.shape, track, ['instrument', 'monitor']));
      expect(Object.keys(track.channel)).toEqual(Object.keys(ChannelSchema.shape));
      for (const clip of track.clips) {
        expect(Object.keys(clip)).toEqual(clip.kind === 'audio' ? keysOf(AudioClipSchema.shape, clip, ['warp', 'take']) : keysOf(NoteClipSchema.shape, clip, ['take']));
        if (clip.kind === 'audio' && clip.warp) {
          expect(Object.keys(clip.warp)).toEqual(Object.keys(WarpSchema.shape));
          for (const marker of clip.warp.markers) expect(Object.keys(marker)).toEqual(Object.keys(WarpMarkerSchema.shape));
        }
        if (clip.take) expect(Object.keys(clip.take)).toEqual(Object.keys(TakeSchema.shape));
      }
      const instrument = track.instrument;
      if (!instrument) continue;
      expect(Object.keys(instrument.params)).toEqual(instrumentCatalog[instrument.type].params.map((spec) => spec.id));
      if (instrument.type === 'sampler') {
        expect(Object.keys(instrument)).toEqual(Object.keys(SamplerSchema.shape));
        if (instrument.zone) expect(Object.keys(instrument.zone)).toEqual(Object.keys(SamplerZoneSchema.shape));
      }
      if (instrument.type === 'synth') expect(Object.keys(instrument)).toEqual(Object.keys(SynthSchema.shape));
      if (instrument.type === 'drums') {
        expect(Object.keys(instrument)).toEqual(Object.keys(DrumsSchema.shape));
        for (const pad of instrument.pads) {
          expect(Object.keys(pad)).toEqual(Object.keys(DrumPadSchema.shape));
          expect(Object.keys(pad.params)).toEqual(drumPadParams.map((spec) => spec.id));
        }
      }
    }
    expect(written.tracks.map((track) => track.instrument?.type)).toEqual(expect.arrayContaining(['drums', 'sampler', 'synth', undefined]));
    expect(written.tracks.some((track) => track.monitor !== undefined) && written.tracks.some((track) => track.clips.some((clip) => clip.kind === 'notes' && clip.take))).toBe(true);
    expect(Object.keys(written.punch ?? {})).toEqual(Object.keys(PunchSchema.shape));
    expect(Object.keys(written.loop ?? {})).toEqual(Object.keys(LoopSchema.shape));
    expect(Object.keys(written.patterns)).toEqual(Object.keys(written.patterns).sort());
    for (const pattern of Object.values(written.patterns)) {
      expect(Object.keys(pattern)).toEqual(keysOf(PatternSchema.shape, pattern, ['swing', 'stepGrid']));
      for (const note of pattern.notes) expect(Object.keys(note)).toEqual(keysOf(NoteSchema.shape, note, ['probability', 'ratchet']));
      if (pattern.stepGrid) {
        expect(Object.keys(pattern.stepGrid)).toEqual(Object.keys(StepGridSchema.shape));
        expect(Object.keys(pattern.stepGrid.rowSteps)).toEqual(Object.keys(pattern.stepGrid.rowSteps).sort((a, b) => Number(a) - Number(b)));
      }
    }
    for (const change of written.tempoChanges) expect(Object.keys(change)).toEqual(Object.keys(TempoChangeSchema.shape));
    for (const change of written.meterChanges) expect(Object.keys(change)).toEqual(Object.keys(MeterChangeSchema.shape));
    if (written.key) expect(Object.keys(written.key)).toEqual(Object.keys(SongKeySchema.shape));
    for (const bus of written.buses) expect(Object.keys(bus)).toEqual(Object.keys(BusSchema.shape));
    expect(Object.keys(written.master)).toEqual(Object.keys(MasterSchema.shape));
    const devices = [...written.tracks.flatMap((t) => t.channel.inserts), ...written.buses.flatMap((b) => b.channel.inserts), ...written.master.inserts];
    expect(devices.length).toBeGreaterThan(0);
    expect(devices.some((device) => device.sidechain !== undefined)).toBe(true);
    for (const device of devices) {
      // `sidechain` is optional: written only when the device listens to another channel.
      expect(Object.keys(device)).toEqual(Object.keys(DeviceSchema.shape).filter((key) => key !== 'sidechain' || device.sidechain !== undefined));
      expect(Object.keys(device.params)).toEqual(deviceCatalog[device.type].params.map((spec) => spec.id));
    }
    for (const send of written.tracks.flatMap((t) => t.channel.sends)) expect(Object.keys(send)).toEqual(Object.keys(SendSchema.shape));
    for (const lane of written.automation) {
      expect(Object.keys(lane)).toEqual(Object.keys(AutomationLaneSchema.shape));
      for (const point of lane.points) expect(Object.keys(point)).toEqual(Object.keys(AutomationPointSchema.shape));
    }
    for (const marker of written.markers) expect(Object.keys(marker)).toEqual(Object.keys(MarkerSchema.shape));
  });

  it('writes a source hash only when it is known', () => {
    const written = JSON.parse(serializeProject(richProject())) as Project;
    expect(written.sources['my loop']).toEqual({ path: '../Shared Samples/loop 01 (120).flac' });
    expect(written.sources['kick']?.sha256).toBe('0'.repeat(64));
  });

  it('gives the same bytes however the project object was built', () => {
    const project = richProject();
    const shuffled = {
      master: project.master,
      tracks: project.tracks.map((track) => ({
        clips: track.clips.map((clip) => Object.fromEntries(Object.entries(clip).reverse()) as Clip),
        ...Object.fromEntries(Object.entries(track).filter(([key]) => key !== 'clips').reverse()),
      })),
      sources: Object.fromEntries(Object.entries(project.sources).reverse()),
      ...Object.fromEntries(Object.entries(project).filter(([key]) => !['master', 'tracks', 'sources'].includes(key))),
    } as Project;
    expect(serializeProject(shuffled)).toBe(serializeProject(project));
  });

  it('sorts sources by id', () => {
    const sources = JSON.parse(serializeProject(richProject())) as { sources: Record<string, unknown> };
    // Keys that look like array indices come first in any JavaScript object, then the sorted rest.
    expect(Object.keys(sources.sources)).toEqual(['7', 'kick', 'my loop', 's10', 's2']);
    expect(serializeProject(richProject()).indexOf('"kick"')).toBeLessThan(serializeProject(richProject()).indexOf('"my loop"'));
  });

  it('refuses to write a project that would not load again', () => {
    const project = richProject();
    (project.tracks[0]?.clips[0] as { length: number }).length = Number.NaN;
    let error: unknown;
    try {
      serializeProject(project);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GlowroomError);
    expect((error as GlowroomError).code).toBe('internal');
    expect((error as GlowroomError).message).toBe(`The project "${project.name}" cannot be saved: tracks[0].clips[0].length must be a finite number (got NaN)`);
  });

  it('drops nothing and adds nothing: the output validates strictly', () => {
    const text = serializeProject(richProject());
    expect(ProjectSchema.safeParse(JSON.parse(text)).success).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toContain('\r');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('docs/project-format.md', () => {
  const markdown = readFileSync(path.join(repoRoot, 'docs/project-format.md'), 'utf8');
  const example = /```json\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';

  it('has an example that parses and is in canonical form', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    expect(serializeProject(project)).toBe(example);
  });

  it('shows two tracks, a looped clip, a reversed one, fades, a varispeed rate and pan', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    const clips = project.tracks.flatMap((track) => track.clips.flatMap((clip) => (clip.kind === 'audio' ? [clip] : [])));
    expect(project.tracks.length).toBeGreaterThanOrEqual(2);
    expect(clips.some((clip) => clip.loop)).toBe(true);
    expect(clips.some((clip) => clip.reverse)).toBe(true);
    expect(clips.some((clip) => clip.fadeIn > 0 && clip.fadeOut > 0)).toBe(true);
    expect(clips.some((clip) => clip.rate !== 1)).toBe(true);
    expect(project.tracks.some((track) => track.channel.pan !== 0)).toBe(true);
  });

  it('shows what version 2 added: a hash and a source without one, colours, a height, a named and a muted clip, markers', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    const clips = project.tracks.flatMap((track) => track.clips);
    const sources = Object.values(project.sources);
    expect(sources.some((source) => source.sha256 !== undefined)).toBe(true);
    expect(sources.some((source) => source.sha256 === undefined)).toBe(true);
    expect(new Set(project.tracks.map((track) => track.colour)).size).toBe(project.tracks.length);
    expect(project.tracks.some((track) => track.height !== 72)).toBe(true);
    expect(clips.some((clip) => clip.name !== '')).toBe(true);
    expect(clips.some((clip) => clip.mute)).toBe(true);
    expect(project.markers.length).toBeGreaterThanOrEqual(2);
  });

  it('shows what version 3 added: a bus fed by a send, inserts with their parameters on a track and the master, and an automation lane', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    expect(project.buses.length).toBeGreaterThanOrEqual(1);
    expect(project.tracks.some((track) => track.channel.sends.some((send) => project.buses.some((bus) => bus.id === send.target)))).toBe(true);
    expect(project.tracks.some((track) => track.channel.inserts.length > 0)).toBe(true);
    expect(project.master.inserts.length).toBeGreaterThanOrEqual(1);
    expect(project.automation.some((lane) => lane.points.length >= 2)).toBe(true);
  });

  it('shows a compressor listening to another track through its sidechain', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    const keyed = project.tracks.flatMap((track) => track.channel.inserts.filter((device) => device.sidechain !== undefined && device.sidechain !== track.id));
    expect(keyed.map((device) => device.type)).toContain('compressor');
  });

  it('shows what version 4 added: instrument tracks, note clips with a linked copy, a pattern, warp, transpose, tempo and meter changes, a take group', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    const instruments = project.tracks.flatMap((track) => (track.instrument ? [track.instrument] : []));
    const drums = instruments.find((instrument) => instrument.type === 'drums');
    expect(drums?.pads.filter((pad) => pad.source !== null).length).toBeGreaterThanOrEqual(2);
    expect(instruments.some((instrument) => instrument.type === 'synth')).toBe(true);
    const noteClips = project.tracks.flatMap((track) => track.clips.flatMap((clip) => (clip.kind === 'notes' ? [clip] : [])));
    expect(noteClips.some((clip) => noteClips.some((other) => other !== clip && other.pattern === clip.pattern))).toBe(true);
    expect(Object.values(project.patterns).some((pattern) => pattern.stepGrid !== undefined && pattern.swing !== undefined && pattern.notes.length > 0)).toBe(true);
    const audio = project.tracks.flatMap((track) => track.clips.flatMap((clip) => (clip.kind === 'audio' ? [clip] : [])));
    expect(audio.some((clip) => clip.warp?.mode === 'tonal' && clip.warp.markers.length > 0)).toBe(true);
    expect(audio.some((clip) => clip.transpose !== 0)).toBe(true);
    expect(audio.filter((clip) => clip.take !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(project.tempoChanges.some((change) => change.ramp)).toBe(true);
    expect(project.meterChanges.length).toBeGreaterThanOrEqual(1);
  });

  it('shows what version 5 added: note takes (one chosen), a track monitoring its input, and a punch range', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    const noteTakes = project.tracks.flatMap((track) => track.clips.flatMap((clip) => (clip.kind === 'notes' && clip.take ? [clip] : [])));
    expect(noteTakes.length).toBeGreaterThanOrEqual(2);
    expect(noteTakes.filter((clip) => !clip.mute)).toHaveLength(1);
    expect(project.tracks.some((track) => track.monitor !== undefined && track.monitor !== 'off')).toBe(true);
    expect(project.punch).toBeDefined();
  });

  it('shows what version 6 added: the loop range, saved with the song (here switched on)', () => {
    const project = parseProject(example, 'Night drive.glowroom');
    expect(project.loop?.on).toBe(true);
    expect(project.loop && project.loop.end > project.loop.start).toBe(true);
  });

  it('documents every parameter of every device type', () => {
    for (const type of deviceTypes) {
      for (const spec of deviceCatalog[type].params) expect(markdown, `${type}.${spec.id}`).toMatch(new RegExp(`\\| \`${type}\` \\| [^|]*\`${spec.id}\``));
    }
  });

  it('documents every field of the schema', () => {
    const fields = [
      ...Object.keys(ProjectSchema.shape),
      ...Object.keys(SourceSchema.shape),
      ...Object.keys(TrackSchema.shape),
      ...Object.keys(ChannelSchema.shape),
      ...Object.keys(BusSchema.shape),
      ...Object.keys(MasterSchema.shape),
      ...Object.keys(DeviceSchema.shape),
      ...Object.keys(SendSchema.shape),
      ...Object.keys(AudioClipSchema.shape),
      ...Object.keys(MarkerSchema.shape),
      ...Object.keys(AutomationLaneSchema.shape),
      ...Object.keys(AutomationPointSchema.shape),
      ...Object.keys(WarpSchema.shape),
      ...Object.keys(WarpMarkerSchema.shape),
      ...Object.keys(TakeSchema.shape),
      ...Object.keys(PunchSchema.shape),
      ...Object.keys(NoteClipSchema.shape),
      ...Object.keys(PatternSchema.shape),
      ...Object.keys(NoteSchema.shape),
      ...Object.keys(StepGridSchema.shape),
      ...Object.keys(SynthSchema.shape),
      ...Object.keys(SamplerSchema.shape),
      ...Object.keys(DrumsSchema.shape),
      ...Object.keys(SamplerZoneSchema.shape),
      ...Object.keys(DrumPadSchema.shape),
      ...Object.keys(TempoChangeSchema.shape),
      ...Object.keys(MeterChangeSchema.shape),
      ...Object.keys(SongKeySchema.shape),
    ];
    for (const field of fields) expect(markdown, field).toContain(`| \`${field}\` |`);
  });

  it('documents every parameter of every instrument type and of a drum pad', () => {
    for (const type of instrumentTypes) {
      for (const spec of instrumentCatalog[type].params) expect(markdown, `${type}.${spec.id}`).toMatch(new RegExp(`\\| \`${type}\` \\| [^|]*\`${spec.id}\``));
    }
    for (const spec of drumPadParams) expect(markdown, `pad.${spec.id}`).toMatch(new RegExp(`\\| pad \\| [^|]*\`${spec.id}\``));
  });
});
