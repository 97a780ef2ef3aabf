/** Shared documents for the model tests. Each call returns a fresh copy to mutate. */
import { defaultParams } from '../../../src/devices/catalog';
import { defaultInstrumentParams, drumPadParams } from '../../../src/devices/instruments/catalog';
import { paramDefaults } from '../../../src/devices/param-spec';
import { currentProjectVersion, type Project } from '../../../src/model/project-schema';

/** A current-version project as a user's editor might lay it out. */
export const exampleText = `{
  "format": "glowroom", "version": 6, "name": "Night drive",
  "tempo": 120, "timeSignature": [4, 4], "sampleRate": 48000,
  "sources": { "s1": { "path": "Audio/amen.wav", "sha256": "cc6625de7e276888061935a5861b3009d734a828a73150a043e5e9f484848595" } },
  "tracks": [ { "id": "t1", "name": "Drums", "colour": "#ffb347", "height": 72,
      "channel": { "gainDb": 0, "pan": 0, "mute": false, "solo": false, "soloSafe": false, "inserts": [], "sends": [], "output": "master" },
      "clips": [ { "kind": "audio", "id": "c1", "source": "s1", "start": 0, "length": 4, "offset": 0, "gainDb": 0,
                   "fadeIn": 0, "fadeOut": 0, "loop": false, "reverse": false, "rate": 1, "name": "Amen", "mute": false,
                   "transpose": 0, "detune": 0 } ] } ],
  "buses": [],
  "markers": [ { "id": "m1", "beat": 0, "name": "Intro" } ],
  "master": { "gainDb": 0, "pan": 0, "inserts": [] },
  "automation": [],
  "tempoChanges": [], "meterChanges": [], "swing": 50, "patterns": {}, "key": null
}
`;

/** The example of docs/project-format.md as it stood in format version 1, byte for byte. */
export const docsExampleV1 = `{
  "format": "glowroom",
  "version": 1,
  "name": "Night drive",
  "tempo": 92,
  "timeSignature": [4, 4],
  "sampleRate": 48000,
  "sources": {
    "s1": {
      "path": "Audio/amen break.wav"
    },
    "s2": {
      "path": "Audio/rhodes-chord.wav"
    },
    "s3": {
      "path": "Audio/vocal-chop.wav"
    }
  },
  "tracks": [
    {
      "id": "t1",
      "name": "Drums",
      "gainDb": -3,
      "pan": 0,
      "mute": false,
      "solo": false,
      "clips": [
        {
          "id": "c1",
          "source": "s1",
          "start": 0,
          "length": 16,
          "offset": 0.12,
          "gainDb": 0,
          "fadeIn": 0.005,
          "fadeOut": 0.05,
          "loop": true,
          "reverse": false,
          "rate": 1
        }
      ]
    },
    {
      "id": "t2",
      "name": "Keys & vox",
      "gainDb": -6.5,
      "pan": -0.35,
      "mute": false,
      "solo": false,
      "clips": [
        {
          "id": "c2",
          "source": "s2",
          "start": 0,
          "length": 7,
          "offset": 0,
          "gainDb": 0,
          "fadeIn": 0.25,
          "fadeOut": 1.5,
          "loop": false,
          "reverse": false,
          "rate": 0.75
        },
        {
          "id": "c3",
          "source": "s3",
          "start": 7,
          "length": 1,
          "offset": 0.3,
          "gainDb": -2,
          "fadeIn": 0.4,
          "fadeOut": 0,
          "loop": false,
          "reverse": true,
          "rate": 1.5
        }
      ]
    }
  ],
  "master": {
    "gainDb": -1
  }
}
`;

/** The example of docs/project-format.md as it stood in format version 2, byte for byte. */
export const docsExampleV2 = `{
  "format": "glowroom",
  "version": 2,
  "name": "Night drive",
  "tempo": 92,
  "timeSignature": [4, 4],
  "sampleRate": 48000,
  "sources": {
    "s1": {
      "path": "Audio/amen break.wav",
      "sha256": "3bce90f7011f4b203c73e34acd85ec826e43407aeae67e7805eddcae3c6c01f3"
    },
    "s2": {
      "path": "Audio/rhodes-chord.wav",
      "sha256": "709fbc135dd818f059036635ea4f091710d2a87ebfeb84e28ef97381602277fd"
    },
    "s3": {
      "path": "Audio/vocal-chop.wav"
    }
  },
  "tracks": [
    {
      "id": "t1",
      "name": "Drums",
      "colour": "#ffb347",
      "height": 72,
      "gainDb": -3,
      "pan": 0,
      "mute": false,
      "solo": false,
      "clips": [
        {
          "id": "c1",
          "name": "",
          "source": "s1",
          "start": 0,
          "length": 16,
          "offset": 0.12,
          "gainDb": 0,
          "fadeIn": 0.005,
          "fadeOut": 0.05,
          "loop": true,
          "reverse": false,
          "rate": 1,
          "mute": false
        }
      ]
    },
    {
      "id": "t2",
      "name": "Keys & vox",
      "colour": "#8f7cff",
      "height": 96,
      "gainDb": -6.5,
      "pan": -0.35,
      "mute": false,
      "solo": false,
      "clips": [
        {
          "id": "c2",
          "name": "Rhodes Cm9",
          "source": "s2",
          "start": 0,
          "length": 7,
          "offset": 0,
          "gainDb": 0,
          "fadeIn": 0.25,
          "fadeOut": 1.5,
          "loop": false,
          "reverse": false,
          "rate": 0.75,
          "mute": false
        },
        {
          "id": "c3",
          "name": "",
          "source": "s3",
          "start": 7,
          "length": 1,
          "offset": 0.3,
          "gainDb": -2,
          "fadeIn": 0.4,
          "fadeOut": 0,
          "loop": false,
          "reverse": true,
          "rate": 1.5,
          "mute": false
        },
        {
          "id": "c4",
          "name": "Chop, forwards",
          "source": "s3",
          "start": 15,
          "length": 1,
          "offset": 0,
          "gainDb": -2,
          "fadeIn": 0,
          "fadeOut": 0,
          "loop": false,
          "reverse": false,
          "rate": 1.5,
          "mute": true
        }
      ]
    }
  ],
  "markers": [
    {
      "id": "m1",
      "beat": 0,
      "name": "Intro"
    },
    {
      "id": "m2",
      "beat": 8,
      "name": "Hook"
    }
  ],
  "master": {
    "gainDb": -1
  }
}
`;

export const exampleFile = 'Night drive.glowroom';

/** The example as a plain JSON value, to break one field at a time. */
export function exampleDoc(): Record<string, unknown> {
  return JSON.parse(exampleText) as Record<string, unknown>;
}

/**
 * Three tracks, several sources, loops, reverse, fades, varispeed, pan, markers, odd numbers and
 * names; two buses (one fed by a send and routed to the other), inserts on a track, a bus and the
 * master, and automation of a fader, a send and a device parameter.
 */
export function richProject(): Project {
  const hash = (digit: string): string => digit.repeat(64);
  return {
    format: 'glowroom',
    version: currentProjectVersion,
    name: 'Nuit — “drive” 🎧',
    tempo: 137.25,
    timeSignature: [7, 8],
    sampleRate: 44_100,
    sources: {
      kick: { path: 'Audio/kick.wav', sha256: hash('0') },
      'my loop': { path: '../Shared Samples/loop 01 (120).flac' },
      s10: { path: '/home/mia/Samples/vocal "chop".wav', sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
      s2: { path: 'C:\\Users\\mia\\pad.aiff' },
      '7': { path: 'Audio/numeric-id.wav', sha256: hash('f') },
    },
    tracks: [
      {
        id: 't1',
        name: 'Drums',
        colour: '#ffb347',
        height: 40,
        channel: {
          gainDb: -3.5,
          pan: 0,
          mute: false,
          solo: true, soloSafe: false,
          inserts: [{ id: 'd1', type: 'utility', bypass: false, params: { gainDb: -2.5, pan: 0.1, width: 140, mono: 0, invertLeft: 0, invertRight: 1 } }],
          sends: [{ id: 'x1', target: 'b1', levelDb: -12, tap: 'post' }],
          output: 'master',
        },
        clips: [
          { kind: 'audio', id: 'c1', name: 'Break', source: 'kick', start: 0, length: 16, offset: 0.1, gainDb: 0, fadeIn: 0.005, fadeOut: 0.05, loop: true, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 },
          { kind: 'audio', id: 'c2', name: '', source: 'my loop', start: 16.333333333333332, length: 1 / 3, offset: 1e-7, gainDb: -144, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 0.125, mute: true, transpose: 0, detune: 0 },
        ],
      },
      {
        id: 't2',
        name: '',
        colour: '#000000',
        height: 240,
        channel: { gainDb: 24, pan: -0.35, mute: true, solo: false, soloSafe: false, inserts: [], sends: [{ id: 'x2', target: 'b1', levelDb: 0, tap: 'pre' }], output: 'b2' },
        clips: [
          { kind: 'audio', id: 'c3', name: 'x'.repeat(200), source: 's10', start: 7, length: 1, offset: 0.3, gainDb: -2, fadeIn: 0.4, fadeOut: 0, loop: false, reverse: true, rate: 1.5, mute: false, transpose: 0, detune: 0 },
          { kind: 'audio', id: 'c4', name: 'Pad “air” 🎧', source: 's2', start: 12345.6789, length: 0.001, offset: 12345.6789, gainDb: 6.02, fadeIn: 10, fadeOut: 20, loop: true, reverse: true, rate: 8, mute: true, transpose: 0, detune: 0 },
          { kind: 'audio', id: 'c5', name: '', source: '7', start: 2, length: 2, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 0.75, mute: false, transpose: 0, detune: 0 },
          {
            ...{ kind: 'audio', id: 'c6', name: 'Vox take', source: 's10', start: 32, length: 8, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false },
            transpose: -3,
            detune: 12.5,
            warp: { mode: 'tonal', sourceTempo: 90, markers: [{ source: 0.01, beat: 0 }, { source: 2.7, beat: 4 }] },
            take: { group: 'g1', pass: 2 },
          },
          { kind: 'audio', id: 'c7', name: '', source: 's10', start: 32, length: 8, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: true, transpose: 0, detune: 0, warp: { mode: 'repitch', sourceTempo: 137, markers: [] }, take: { group: 'g1', pass: 1 } },
        ],
      },
      {
        id: 't3',
        name: 'Empty track',
        colour: '#5aa9ff',
        height: 137,
        monitor: 'auto',
        channel: {
          gainDb: -144,
          pan: 1,
          mute: false,
          solo: false, soloSafe: false,
          // Ducks under track t2: a compressor listening to another channel.
          inserts: [{ id: 'd4', type: 'compressor', bypass: false, params: { ...defaultParams('compressor'), ratio: 8 }, sidechain: 't2' }],
          sends: [],
          output: 'master',
        },
        clips: [],
      },
      {
        id: 't4',
        name: 'Beat',
        colour: '#ff6b6b',
        height: 72,
        channel: { gainDb: 0, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output: 'master' },
        instrument: {
          id: 'i1',
          type: 'drums',
          params: defaultInstrumentParams('drums'),
          pads: Array.from({ length: 16 }, (_, pad) => ({
            name: pad === 0 ? 'Kick' : pad === 2 ? 'Hat' : '',
            source: pad === 0 ? 'kick' : pad === 2 ? 's2' : null,
            params: pad === 2 ? { ...paramDefaults(drumPadParams), choke: 1, reverse: 1, pitch: -12, cents: 35 } : paramDefaults(drumPadParams),
            output: pad === 2 ? 'b1' : null,
          })),
        },
        clips: [
          { kind: 'notes', id: 'n1', name: 'Beat A', pattern: 'p1', start: 0, length: 16, offset: 0, loop: true, mute: false },
          { kind: 'notes', id: 'n2', name: 'Beat A', pattern: 'p1', start: 16, length: 3, offset: 1, loop: false, mute: true },
        ],
      },
      {
        id: 't5',
        name: 'Chops',
        colour: '#5aa9ff',
        height: 72,
        channel: { gainDb: 0, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output: 'master' },
        instrument: {
          id: 'i2',
          type: 'sampler',
          params: { ...defaultInstrumentParams('sampler'), voiceMode: 2, glideMs: 80 },
          zone: { source: 's10', rootNote: 60, start: 0.1, end: 4, loopStart: 1, loopEnd: 3.5, slices: [0.1, 0.6, 1.25] },
        },
        clips: [{ kind: 'notes', id: 'n3', name: '', pattern: 'p2', start: 4, length: 4, offset: 0, loop: false, mute: false }],
      },
      {
        id: 't6',
        name: 'Bass',
        colour: '#8f7cff',
        height: 72,
        channel: { gainDb: -4, pan: 0, mute: false, solo: false, soloSafe: false, inserts: [], sends: [], output: 'master' },
        instrument: { id: 'i3', type: 'synth', params: { ...defaultInstrumentParams('synth'), cutoffHz: 420 } },
        // Two note takes of one pass (format v5): the second plays.
        clips: [
          { kind: 'notes', id: 'n4', name: 'Bass', pattern: 'p2', start: 8, length: 4, offset: 0, loop: false, mute: true, take: { group: 'g2', pass: 1 } },
          { kind: 'notes', id: 'n5', name: 'Bass', pattern: 'p2', start: 8, length: 4, offset: 0, loop: false, mute: false, take: { group: 'g2', pass: 2 } },
        ],
      },
    ],
    buses: [
      {
        id: 'b1',
        name: 'Reverb',
        colour: '#3ec7c2',
        channel: { gainDb: -6, pan: 0, mute: false, solo: false, soloSafe: true, inserts: [], sends: [], output: 'b2' },
      },
      {
        id: 'b2',
        name: 'Glue',
        colour: '#8f7cff',
        channel: {
          gainDb: 0,
          pan: -0.2,
          mute: false,
          solo: false, soloSafe: false,
          inserts: [{ id: 'd2', type: 'limiter', bypass: true, params: { ceilingDb: -3, releaseMs: 120 } }],
          sends: [],
          output: 'master',
        },
      },
    ],
    markers: [
      { id: 'm1', beat: 0, name: '' },
      { id: 'm7', beat: 16.333333333333332, name: 'Drop “B”' },
      { id: 'm2', beat: 16.333333333333332, name: 'Same beat' },
      { id: 'marker x', beat: 1e6, name: 'y'.repeat(200) },
    ],
    master: { gainDb: -1, pan: 0, inserts: [{ id: 'd3', type: 'limiter', bypass: false, params: { ceilingDb: -1, releaseMs: 50 } }] },
    automation: [
      { target: 't1', param: 'gainDb', points: [{ beat: 0, value: -144, curve: 'exponential' }, { beat: 4, value: 0, curve: 'hold' }, { beat: 4, value: -6, curve: 'linear' }] },
      { target: 'x1', param: 'levelDb', points: [{ beat: 2, value: -20, curve: 'linear' }] },
      { target: 'd1', param: 'width', points: [] },
      { target: 'i3', param: 'cutoffHz', points: [{ beat: 0, value: 200, curve: 'exponential' }, { beat: 8, value: 2000, curve: 'linear' }] },
    ],
    tempoChanges: [
      { beat: 64, bpm: 140, ramp: false },
      { beat: 96.5, bpm: 70.25, ramp: true },
    ],
    meterChanges: [{ bar: 8, timeSignature: [3, 4] }],
    swing: 58.5,
    patterns: {
      p2: { name: 'Chop line', length: 4, notes: [{ pitch: 60, start: 0, length: 0.5, velocity: 1 }, { pitch: 62, start: 0.5, length: 1.5, velocity: 0.25 }] },
      p1: {
        name: 'Beat A',
        length: 4,
        notes: [
          { pitch: 36, start: 0, length: 0.25, velocity: 1 },
          { pitch: 38, start: 0, length: 0.25, velocity: 0.8, probability: 0.5 },
          { pitch: 38, start: 0.25, length: 0.25, velocity: 0.5, ratchet: 3 },
          { pitch: 36, start: 1, length: 0.25, velocity: 1 },
        ],
        swing: 66.7,
        stepGrid: { division: '1/16', rowSteps: { '38': 12, '36': 16 } },
      },
    },
    key: { tonic: 9, mode: 'minor' },
    punch: { start: 4, end: 8.5, on: true },
    loop: { start: 0, end: 16, on: false },
  };
}
