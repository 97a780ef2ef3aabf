import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../src/devices/catalog';
import { parseProject } from '../../../src/model/parse-project';
import { AudioClipSchema, ChannelSchema, currentProjectVersion, MarkerSchema, MasterSchema, ProjectSchema, TrackSchema } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';
import { exampleDoc, exampleFile, exampleText } from './fixtures';

/** The error parseProject throws for `text` (the test fails if it does not throw). */
function errorFor(text: string, fileName = exampleFile): GlowroomError {
  try {
    parseProject(text, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(GlowroomError);
    return error as GlowroomError;
  }
  throw new Error('expected parseProject to throw');
}

type PathKey = string | number;

/** The example with the value at `path` replaced (or deleted, for `undefined`), as JSON text. */
function exampleWith(path: readonly PathKey[], value: unknown): string {
  const doc = exampleDoc();
  let node = doc as Record<PathKey, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PathKey, unknown>;
  const last = path.at(-1) as PathKey;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return JSON.stringify(doc, null, 2);
}

const clip = ['tracks', 0, 'clips', 0] as const;
const track = ['tracks', 0] as const;
const channel = ['tracks', 0, 'channel'] as const;
const marker = ['markers', 0] as const;

describe('parseProject: valid files', () => {
  it('parses the example of the format', () => {
    const project = parseProject(exampleText, exampleFile);
    expect(project).toEqual({
      format: 'glowroom',
      version: currentProjectVersion,
      name: 'Night drive',
      tempo: 120,
      timeSignature: [4, 4],
      sampleRate: 48000,
      sources: { s1: { path: 'Audio/amen.wav', sha256: 'cc6625de7e276888061935a5861b3009d734a828a73150a043e5e9f484848595' } },
      tracks: [
        {
          id: 't1',
          name: 'Drums',
          colour: '#ffb347',
          height: 72,
          channel: { gainDb: 0, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output: 'master' },
          clips: [
            { kind: 'audio', id: 'c1', name: 'Amen', source: 's1', start: 0, length: 4, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 },
          ],
        },
      ],
      buses: [],
      markers: [{ id: 'm1', beat: 0, name: 'Intro' }],
      master: { gainDb: 0, pan: 0, inserts: [] },
      automation: [],
      tempoChanges: [],
      meterChanges: [],
      swing: 50,
      patterns: {},
      key: null,
    });
  });

  it('reads any JSON layout: minified, CRLF line ends, a leading byte order mark', () => {
    const expected = parseProject(exampleText, exampleFile);
    expect(parseProject(JSON.stringify(exampleDoc()), exampleFile)).toEqual(expected);
    expect(parseProject(exampleText.replaceAll('\n', '\r\n'), exampleFile)).toEqual(expected);
    expect(parseProject(`\uFEFF${exampleText}`, exampleFile)).toEqual(expected);
  });

  it('accepts every boundary value of every range', () => {
    const doc = exampleDoc();
    Object.assign(doc, { tempo: 20, timeSignature: [32, 32], sampleRate: 96000, name: 'x'.repeat(200), master: { gainDb: -144, pan: 1, inserts: [] } });
    const tracks = doc['tracks'] as Record<string, unknown>[];
    Object.assign(tracks[0] as object, { name: '', height: 40, colour: '#000000' });
    Object.assign((tracks[0] as { channel: object }).channel, { gainDb: 24, pan: -1 });
    tracks.push({ ...tracks[0], id: 't2', clips: [], height: 240, colour: '#ffffff' });
    const clips = (tracks[0] as { clips: Record<string, unknown>[] }).clips;
    Object.assign(clips[0] as object, { start: 0, length: Number.MIN_VALUE, offset: 0, rate: 0.125, gainDb: 24, name: '' });
    clips.push({ ...clips[0], id: 'c2', rate: 8, gainDb: -144, fadeIn: 1e6, fadeOut: 1e6, name: 'n'.repeat(200), mute: true });
    doc['markers'] = [
      { id: 'm1', beat: 0, name: '' },
      { id: 'm2', beat: 0, name: 'm'.repeat(200) },
    ];
    expect(() => parseProject(JSON.stringify(doc), exampleFile)).not.toThrow();
  });
});

describe('parseProject: every bad field is named by its JSON path', () => {
  // [path, bad value, the path as printed, a fragment of the sentence]
  const cases: [readonly PathKey[], unknown, string, string][] = [
    [['name'], 42, 'name', 'must be a string (got 42)'],
    [['name'], 'x'.repeat(201), 'name', 'must be at most 200 characters long (got 201 characters)'],
    [['tempo'], 19.9, 'tempo', 'must be at least 20 (got 19.9)'],
    [['tempo'], 1000, 'tempo', 'must be at most 999 (got 1000)'],
    [['tempo'], '120', 'tempo', 'must be a number (got "120")'],
    [['tempo'], null, 'tempo', 'must be a number (got null)'],
    [['timeSignature'], '4/4', 'timeSignature', 'must be an array (got "4/4")'],
    [['timeSignature'], [4], 'timeSignature', 'must have at least 2 items (got [4])'],
    [['timeSignature'], [4, 4, 4], 'timeSignature', 'must have at most 2 items (got [4,4,4])'],
    [['timeSignature', 0], 0, 'timeSignature[0]', 'must be at least 1 (got 0)'],
    [['timeSignature', 0], 33, 'timeSignature[0]', 'must be at most 32 (got 33)'],
    [['timeSignature', 0], 3.5, 'timeSignature[0]', 'must be a whole number (got 3.5)'],
    [['timeSignature', 1], 3, 'timeSignature[1]', 'must be one of 1, 2, 4, 8, 16, 32 (got 3)'],
    [['sampleRate'], 22050, 'sampleRate', 'must be one of 44100, 48000, 88200, 96000 (got 22050)'],
    [['sampleRate'], '48000', 'sampleRate', 'must be one of 44100, 48000, 88200, 96000 (got "48000")'],
    [['sources'], [], 'sources', 'must be an object (got [])'],
    [['sources'], null, 'sources', 'must be an object (got null)'],
    [['sources', 's1'], 'Audio/amen.wav', 'sources.s1', 'must be an object (got "Audio/amen.wav")'],
    [['sources', 's1', 'path'], '', 'sources.s1.path', 'must not be empty (got 0 characters)'],
    [['sources', 's1', 'path'], 7, 'sources.s1.path', 'must be a string (got 7)'],
    [['sources', 's1', 'path'], 'a'.repeat(4097), 'sources.s1.path', 'must be at most 4096 characters long (got 4097 characters)'],
    [['sources', 's1', 'sha256'], 'CC'.repeat(32), 'sources.s1.sha256', 'must be a SHA-256 hash: 64 lowercase hex digits (got "CCCCCCCC'],
    [['sources', 's1', 'sha256'], 'cc', 'sources.s1.sha256', 'must be a SHA-256 hash: 64 lowercase hex digits (got "cc")'],
    [['sources', 's1', 'sha256'], null, 'sources.s1.sha256', 'must be a string (got null)'],
    [['tracks'], {}, 'tracks', 'must be an array (got {})'],
    [[...track], null, 'tracks[0]', 'must be an object (got null)'],
    [[...track, 'id'], '', 'tracks[0].id', 'must not be empty'],
    [[...track, 'id'], 1, 'tracks[0].id', 'must be a string (got 1)'],
    [[...track, 'name'], null, 'tracks[0].name', 'must be a string (got null)'],
    [[...track, 'colour'], '#FFB347', 'tracks[0].colour', 'must be a colour "#rrggbb" in lowercase hex (got "#FFB347")'],
    [[...track, 'colour'], '#fb3', 'tracks[0].colour', 'must be a colour "#rrggbb" in lowercase hex (got "#fb3")'],
    [[...track, 'colour'], 'orange', 'tracks[0].colour', 'must be a colour "#rrggbb" in lowercase hex (got "orange")'],
    [[...track, 'height'], 39, 'tracks[0].height', 'must be at least 40 (got 39)'],
    [[...track, 'height'], 241, 'tracks[0].height', 'must be at most 240 (got 241)'],
    [[...track, 'height'], 72.5, 'tracks[0].height', 'must be a whole number (got 72.5)'],
    [[...track, 'height'], '72px', 'tracks[0].height', 'must be a number (got "72px")'],
    [[...channel, 'gainDb'], 25, 'tracks[0].channel.gainDb', 'must be at most 24 (got 25)'],
    [[...channel, 'gainDb'], -145, 'tracks[0].channel.gainDb', 'must be at least -144 (got -145)'],
    [[...channel, 'pan'], 1.01, 'tracks[0].channel.pan', 'must be at most 1 (got 1.01)'],
    [[...channel, 'pan'], -2, 'tracks[0].channel.pan', 'must be at least -1 (got -2)'],
    [[...channel, 'mute'], 'false', 'tracks[0].channel.mute', 'must be true or false (got "false")'],
    [[...channel, 'solo'], 0, 'tracks[0].channel.solo', 'must be true or false (got 0)'],
    [[...channel, 'output'], 'b9', 'tracks[0].channel.output', ': no bus "b9" to send the output to (it must be "master" or a bus id)'],
    [[...channel, 'sends'], [{ id: 'x1', target: 'b9', levelDb: 0, tap: 'post' }], 'tracks[0].channel.sends[0].target', ': no bus "b9" to send to'],
    [[...channel, 'sends'], [{ id: 'x1', target: 'b9', levelDb: 0, tap: 'after' }], 'tracks[0].channel.sends[0].tap', 'must be one of "pre", "post" (got "after")'],
    [[...channel, 'inserts'], [{ id: 'd1', type: 'wobbler', bypass: false, params: {} }], 'tracks[0].channel.inserts[0].type', 'must be one of "utility", "limiter", "eq", "compressor", "reverb", "delay", "saturation", "bitcrusher", "filter", "chorus" (got "wobbler")'],
    [[...channel, 'inserts'], [{ id: 'd1', type: 'limiter', bypass: false, params: { ceilingDb: -1, releaseMs: 50, drive: 2 } }], 'tracks[0].channel.inserts[0].params.drive', ': Limiter has no parameter "drive"'],
    [[...channel, 'inserts'], [{ id: 'd1', type: 'limiter', bypass: false, params: { ceilingDb: -1 } }], 'tracks[0].channel.inserts[0].params', ': the parameter "releaseMs" (Release) is missing'],
    [[...channel, 'inserts'], [{ id: 'd1', type: 'limiter', bypass: false, params: { ceilingDb: -1, releaseMs: 50 }, sidechain: 't1' }], 'tracks[0].channel.inserts[0].sidechain', ': Limiter has no sidechain input'],
    [[...channel, 'inserts'], [{ id: 'd1', type: 'compressor', bypass: false, params: defaultParams('compressor'), sidechain: 'nowhere' }], 'tracks[0].channel.inserts[0].sidechain', ': no track or bus "nowhere" to listen to'],
    [[...channel, 'inserts'], [{ id: 'd1', type: 'compressor', bypass: false, params: defaultParams('compressor'), sidechain: 't1' }], 'tracks[0].channel.inserts[0].sidechain', ': a device cannot listen to its own channel'],
    [[...channel, 'inserts'], [{ id: 't1', type: 'limiter', bypass: false, params: { ceilingDb: -1, releaseMs: 50 } }], 'tracks[0].channel.inserts[0].id', ': the id "t1" is taken'],
    [['buses'], [{ id: 'b1', name: 'A', colour: '#000000', channel: { gainDb: 0, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output: 'b1' } }], 'buses', ': the routing makes a loop: A → A'],
    [['automation'], [{ target: 't9', param: 'gainDb', points: [] }], 'automation[0].target', ': no track, bus, send, device or instrument "t9" to automate'],
    [['automation'], [{ target: 't1', param: 'width', points: [] }], 'automation[0].param', ': "t1" has no parameter "width" (it has "gainDb", "pan", "mute")'],
    [['automation'], [{ target: 'master', param: 'gainDb', points: [{ beat: 0, value: 30, curve: 'linear' }] }], 'automation[0].points[0].value', ': must be between -144 and 24 dB (got 30)'],
    [['automation'], [{ target: 't1', param: 'pan', points: [{ beat: 2, value: 0, curve: 'linear' }, { beat: 1, value: 0, curve: 'hold' }] }], 'automation[0].points[1].beat', ': points must be sorted by beat (1 comes after 2)'],
    [['automation'], [{ target: 't1', param: 'pan', points: [{ beat: 2, value: 0, curve: 'smooth' }] }], 'automation[0].points[0].curve', 'must be one of "linear", "exponential", "hold" (got "smooth")'],
    [[...track, 'clips'], {}, 'tracks[0].clips', 'must be an array (got {})'],
    [[...clip], [], 'tracks[0].clips[0]', 'must be an object (got [])'],
    [[...clip, 'id'], '', 'tracks[0].clips[0].id', 'must not be empty'],
    [[...clip, 'id'], 'c'.repeat(201), 'tracks[0].clips[0].id', 'must be at most 200 characters long'],
    [[...clip, 'name'], 'n'.repeat(201), 'tracks[0].clips[0].name', 'must be at most 200 characters long (got 201 characters)'],
    [[...clip, 'name'], null, 'tracks[0].clips[0].name', 'must be a string (got null)'],
    [[...clip, 'source'], 5, 'tracks[0].clips[0].source', 'must be a string (got 5)'],
    [[...clip, 'source'], 's9', 'tracks[0].clips[0].source', ': no source "s9" in "sources"'],
    [[...clip, 'start'], -1, 'tracks[0].clips[0].start', 'must be zero or more (got -1)'],
    [[...clip, 'start'], '0', 'tracks[0].clips[0].start', 'must be a number (got "0")'],
    [[...clip, 'length'], 0, 'tracks[0].clips[0].length', 'must be a positive number (got 0)'],
    [[...clip, 'length'], -1, 'tracks[0].clips[0].length', 'must be a positive number (got -1)'],
    [[...clip, 'offset'], -0.5, 'tracks[0].clips[0].offset', 'must be zero or more (got -0.5)'],
    [[...clip, 'gainDb'], 24.5, 'tracks[0].clips[0].gainDb', 'must be at most 24 (got 24.5)'],
    [[...clip, 'fadeIn'], -1, 'tracks[0].clips[0].fadeIn', 'must be zero or more (got -1)'],
    [[...clip, 'fadeOut'], '1', 'tracks[0].clips[0].fadeOut', 'must be a number (got "1")'],
    [[...clip, 'loop'], 1, 'tracks[0].clips[0].loop', 'must be true or false (got 1)'],
    [[...clip, 'reverse'], null, 'tracks[0].clips[0].reverse', 'must be true or false (got null)'],
    [[...clip, 'rate'], 0, 'tracks[0].clips[0].rate', 'must be at least 0.125 (got 0)'],
    [[...clip, 'rate'], 0.1, 'tracks[0].clips[0].rate', 'must be at least 0.125 (got 0.1)'],
    [[...clip, 'rate'], 9, 'tracks[0].clips[0].rate', 'must be at most 8 (got 9)'],
    [[...clip, 'mute'], 'yes', 'tracks[0].clips[0].mute', 'must be true or false (got "yes")'],
    [['markers'], {}, 'markers', 'must be an array (got {})'],
    [[...marker], 'Intro', 'markers[0]', 'must be an object (got "Intro")'],
    [[...marker, 'id'], '', 'markers[0].id', 'must not be empty'],
    [[...marker, 'beat'], -0.5, 'markers[0].beat', 'must be zero or more (got -0.5)'],
    [[...marker, 'beat'], '4', 'markers[0].beat', 'must be a number (got "4")'],
    [[...marker, 'name'], 'm'.repeat(201), 'markers[0].name', 'must be at most 200 characters long (got 201 characters)'],
    [['master'], 0, 'master', 'must be an object (got 0)'],
    [['master', 'gainDb'], 100, 'master.gainDb', 'must be at most 24 (got 100)'],
  ];

  it.each(cases)('%j = %j → %s', (path, value, printed, fragment) => {
    const error = errorFor(exampleWith(path, value));
    expect(error.code).toBe('bad-format');
    expect(error.message.startsWith(`${exampleFile}: ${printed}`)).toBe(true);
    expect(error.message).toContain(fragment);
  });

  it('gives the exact sentence of the issue example', () => {
    const doc = exampleDoc();
    const clips = (doc['tracks'] as { clips: Record<string, unknown>[] }[])[0]?.clips ?? [];
    const base = clips[0] as Record<string, unknown>;
    clips.push({ ...base, id: 'c2', start: 4 }, { ...base, id: 'c3', start: 8, length: -1 });
    expect(errorFor(JSON.stringify(doc)).message).toBe('Night drive.glowroom: tracks[0].clips[2].length must be a positive number (got -1)');
  });

  // Every field the schema knows, removed one at a time.
  // `punch` (the project) and `monitor` (a track) are optional too (format v5).
  const topFields = Object.keys(ProjectSchema.shape).filter((key) => key !== 'format' && key !== 'version' && key !== 'punch' && key !== 'loop');
  const missing: [readonly PathKey[], string][] = [
    ...topFields.map((key): [readonly PathKey[], string] => [[key], key]),
    [['sources', 's1', 'path'], 'sources.s1.path'],
    // `instrument` (a track), `warp` and `take` (a clip) are optional: a missing one is no problem.
    ...Object.keys(TrackSchema.shape)
      .filter((key) => key !== 'instrument' && key !== 'monitor')
      .map((key): [readonly PathKey[], string] => [[...track, key], `tracks[0].${key}`]),
    ...Object.keys(ChannelSchema.shape).map((key): [readonly PathKey[], string] => [[...channel, key], `tracks[0].channel.${key}`]),
    ...Object.keys(AudioClipSchema.shape)
      .filter((key) => key !== 'kind' && key !== 'warp' && key !== 'take')
      .map((key): [readonly PathKey[], string] => [[...clip, key], `tracks[0].clips[0].${key}`]),
    ...Object.keys(MarkerSchema.shape).map((key): [readonly PathKey[], string] => [[...marker, key], `markers[0].${key}`]),
    ...Object.keys(MasterSchema.shape).map((key): [readonly PathKey[], string] => [['master', key], `master.${key}`]),
  ];
  it.each(missing)('a missing %j is named: %s', (path, printed) => {
    const error = errorFor(exampleWith(path, undefined));
    expect(error.code).toBe('bad-format');
    expect(error.message).toMatch(new RegExp(`^${escapeRegExp(`${exampleFile}: ${printed} is missing (it must be `)}`));
  });

  it.each([
    [[] as PathKey[], 'the project'],
    [['sources', 's1'], 'sources.s1'],
    [[...track], 'tracks[0]'],
    [[...channel], 'tracks[0].channel'],
    [[...clip], 'tracks[0].clips[0]'],
    [[...marker], 'markers[0]'],
    [['master'], 'master'],
  ])('an unknown field in %j is an error (the format is strict)', (path, printed) => {
    const error = errorFor(exampleWith([...path, 'hologram'], true));
    expect(error.message).toBe(`${exampleFile}: ${printed} has an unknown field "hologram"`);
  });

  it('reads a source without a hash: sha256 is the one optional field', () => {
    const project = parseProject(exampleWith(['sources', 's1', 'sha256'], undefined), exampleFile);
    expect(project.sources['s1']).toEqual({ path: 'Audio/amen.wav' });
  });

  it('names a source id that is not a plain identifier with brackets', () => {
    const text = exampleText.replace('"s1": { "path": "Audio/amen.wav",', '"my kick": { "path": "",').replace('"source": "s1"', '"source": "my kick"');
    expect(errorFor(text).message).toBe(`${exampleFile}: sources["my kick"].path must not be empty (got 0 characters)`);
  });

  it('refuses an empty source id', () => {
    const text = exampleText.replace('"s1": {', '"": {').replace('"source": "s1"', '"source": ""');
    expect(errorFor(text).message).toContain(`${exampleFile}: sources has an invalid key "": it must not be empty`);
  });

  it('refuses a number too large to be finite', () => {
    expect(errorFor(exampleText.replace('"tempo": 120', '"tempo": 1e999')).message).toBe(`${exampleFile}: tempo must be a finite number (got Infinity)`);
  });

  it('refuses duplicate track ids and duplicate clip ids across tracks', () => {
    const doc = exampleDoc();
    const tracks = doc['tracks'] as Record<string, unknown>[];
    tracks.push({ ...tracks[0], clips: [] });
    expect(errorFor(JSON.stringify(doc)).message).toBe(`${exampleFile}: tracks[1].id: the id "t1" is taken (tracks, buses, sends, devices and instruments need ids of their own, and "master" is reserved)`);
    tracks[1] = { ...tracks[0], id: 't2' };
    expect(errorFor(JSON.stringify(doc)).message).toBe(`${exampleFile}: tracks[1].clips[0].id: duplicate clip id "c1"`);
  });

  it('refuses duplicate marker ids and markers out of beat order', () => {
    const doc = exampleDoc();
    doc['markers'] = [
      { id: 'm1', beat: 0, name: 'Intro' },
      { id: 'm1', beat: 8, name: 'Hook' },
    ];
    expect(errorFor(JSON.stringify(doc)).message).toBe(`${exampleFile}: markers[1].id: duplicate marker id "m1"`);
    doc['markers'] = [
      { id: 'm1', beat: 8, name: 'Hook' },
      { id: 'm2', beat: 8, name: 'Same beat' },
      { id: 'm3', beat: 4, name: 'Verse' },
    ];
    expect(errorFor(JSON.stringify(doc)).message).toBe(`${exampleFile}: markers[2].beat: markers must be sorted by beat (4 comes after 8)`);
  });
});

describe('parseProject: the first problem in document order', () => {
  it('reports the field that comes first in the text, not in the schema', () => {
    const doc = exampleDoc();
    doc['tempo'] = 5;
    ((doc['tracks'] as { channel: Record<string, unknown> }[])[0] as { channel: Record<string, unknown> }).channel['gainDb'] = 99;
    expect(errorFor(JSON.stringify(doc)).message).toBe(`${exampleFile}: tempo must be at least 20 (got 5)`);
    // The same problems with `tracks` written before `tempo`.
    const { tracks, ...rest } = doc;
    expect(errorFor(JSON.stringify({ tracks, ...rest })).message).toBe(`${exampleFile}: tracks[0].channel.gainDb must be at most 24 (got 99)`);
  });

  it('orders fields inside a clip by the text too', () => {
    const text = exampleText.replace('"start": 0', '"start": -3').replace('"source": "s1"', '"rate": 100, "source": "s1"').replace('"rate": 1, ', '');
    expect(errorFor(text).message).toBe(`${exampleFile}: tracks[0].clips[0].rate must be at most 8 (got 100)`);
  });

  it('reports a missing field after the fields present in the same object', () => {
    const text = exampleText.replace('"id": "c1", ', '').replace('"rate": 1', '"rate": 0');
    expect(errorFor(text).message).toBe(`${exampleFile}: tracks[0].clips[0].rate must be at least 0.125 (got 0)`);
  });

  it('reports a cross-reference problem before a later structural one', () => {
    const doc = exampleDoc();
    const tracks = doc['tracks'] as Record<string, unknown>[];
    tracks.push({ ...tracks[0], clips: [] }, { ...tracks[0], id: 't3', clips: [], height: 7 });
    expect(errorFor(JSON.stringify(doc)).message).toMatch(`${exampleFile}: tracks[1].id: the id "t1" is taken`);
  });
});

describe('parseProject: text that is not a project', () => {
  it('gives line and column for a truncated file', () => {
    const cut = exampleText.indexOf('"length"') + 5;
    const error = errorFor(exampleText.slice(0, cut));
    expect(error.code).toBe('bad-format');
    expect(error.message).toBe(`${exampleFile} is not valid JSON (line 7, column 82): The text ends inside a string; the file may be truncated`);
  });

  it('gives line and column for every truncation of the example', () => {
    for (let cut = 1; cut < exampleText.trimEnd().length; cut++) {
      const text = exampleText.slice(0, cut);
      const lines = text.split('\n');
      const message = errorFor(text).message;
      expect(message).toContain(`is not valid JSON (line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1}): The text ends inside`);
      expect(message).toMatch(/the file may be truncated$/);
    }
  });

  it.each([
    ['a stray comma', '{\n  "format": "glowroom",,\n}', 'line 2, column 24): Expected a property name in double quotes, found ","'],
    ['single quotes', "{\n  \"format\": 'glowroom'\n}", `line 2, column 13): Unexpected "'" where a value was expected`],
    ['a trailing comma', '{\n  "format": "glowroom",\n}', 'line 3, column 1): A comma before "}" must be followed by another property (trailing commas are not allowed)'],
    ['a missing comma', '{ "a": 1\n  "b": 2 }', 'line 2, column 3): Expected "," or "}" after a property value, found \'"\''],
    ['a comment', '// my project\n{}', 'line 1, column 1): Unexpected "/" where a value was expected'],
    ['NaN', '{ "tempo": NaN }', 'line 1, column 12): Unexpected "NaN" where a value was expected'],
    ['a raw line break in a string', '{ "name": "a\nb" }', 'line 1, column 13): A line break inside a string (control characters must be escaped, e.g. "\\n")'],
    ['a bad escape', '{ "name": "C:\\Users" }', 'line 1, column 14): Invalid escape "\\U" in a string'],
    ['two documents', '{}\n{}', 'line 2, column 1): Unexpected "{" after the end of the JSON value'],
    ['a leading zero', '{ "tempo": 0120 }', 'line 1, column 13): Expected "," or "}" after a property value, found "1"'],
    ['columns count characters, not UTF-16 units', '{ "name": "🎧", x }', 'line 1, column 16): Expected a property name in double quotes, found "x"'],
  ])('names the place of %s', (_label, text, where) => {
    const error = errorFor(text);
    expect(error.code).toBe('bad-format');
    expect(error.message).toBe(`${exampleFile} is not valid JSON (${where}`);
  });

  it('refuses an empty file', () => {
    expect(errorFor('').message).toBe(`${exampleFile} is empty; the file may be truncated`);
    expect(errorFor(' \n\t\r\n').code).toBe('bad-format');
  });

  it.each([
    ['[]', 'an array'],
    ['"glowroom"', 'a string'],
    ['42', 'a number'],
    ['null', 'null'],
    ['true', 'the value true'],
  ])('refuses %s: not an object', (text, kind) => {
    const error = errorFor(text);
    expect(error.code).toBe('bad-format');
    expect(error.message).toBe(`${exampleFile} is not a Glowroom project (it holds ${kind}, not a JSON object)`);
  });

  it('refuses a JSON object of another format', () => {
    expect(errorFor(exampleText.replace('"format": "glowroom"', '"format": "ableton"')).message).toBe(
      `${exampleFile} is not a Glowroom project (its "format" is not "glowroom")`,
    );
    expect(errorFor('{ "tracks": [] }').message).toBe(`${exampleFile} is not a Glowroom project (it has no "format": "glowroom")`);
    expect(errorFor('{ "format": 1 }').code).toBe('bad-format');
  });
});

describe('parseProject: versions', () => {
  it('refuses a newer version as unsupported, saying what to do', () => {
    const error = errorFor(exampleText.replace('"version": 6', '"version": 7'));
    expect(error.code).toBe('unsupported');
    expect(error.message).toBe(
      `Night drive.glowroom was saved by a newer Glowroom (format version 7); this version reads up to ${currentProjectVersion}. Update Glowroom to open it.`,
    );
  });

  it('refuses a newer version even when the rest would not validate', () => {
    expect(errorFor('{ "format": "glowroom", "version": 7, "hologram": true }').code).toBe('unsupported');
  });

  it.each([
    [0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
    ['1', '"1"'],
    [null, 'null'],
  ])('refuses version %j as bad-format', (version, shown) => {
    const error = errorFor(exampleWith(['version'], version));
    expect(error.code).toBe('bad-format');
    expect(error.message).toBe(`${exampleFile}: version must be a positive whole number (got ${shown})`);
  });

  it('refuses a missing version as bad-format', () => {
    const error = errorFor(exampleWith(['version'], undefined));
    expect(error.code).toBe('bad-format');
    expect(error.message).toBe(`${exampleFile}: version is missing (it must be a positive whole number)`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
