/** Shared documents for the model tests. Each call returns a fresh copy to mutate. */
import type { Project } from '../../../src/model/project-schema';

/** A current-version project as a user's editor might lay it out. */
export const exampleText = `{
  "format": "glowroom", "version": 2, "name": "Night drive",
  "tempo": 120, "timeSignature": [4, 4], "sampleRate": 48000,
  "sources": { "s1": { "path": "Audio/amen.wav", "sha256": "cc6625de7e276888061935a5861b3009d734a828a73150a043e5e9f484848595" } },
  "tracks": [ { "id": "t1", "name": "Drums", "colour": "#ffb347", "height": 72, "gainDb": 0, "pan": 0, "mute": false, "solo": false,
      "clips": [ { "id": "c1", "source": "s1", "start": 0, "length": 4, "offset": 0, "gainDb": 0,
                   "fadeIn": 0, "fadeOut": 0, "loop": false, "reverse": false, "rate": 1, "name": "Amen", "mute": false } ] } ],
  "markers": [ { "id": "m1", "beat": 0, "name": "Intro" } ],
  "master": { "gainDb": 0 }
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

export const exampleFile = 'Night drive.glowroom';

/** The example as a plain JSON value, to break one field at a time. */
export function exampleDoc(): Record<string, unknown> {
  return JSON.parse(exampleText) as Record<string, unknown>;
}

/** Three tracks, several sources, loops, reverse, fades, varispeed, pan, markers, odd numbers and names. */
export function richProject(): Project {
  const hash = (digit: string): string => digit.repeat(64);
  return {
    format: 'glowroom',
    version: 2,
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
        gainDb: -3.5,
        pan: 0,
        mute: false,
        solo: true,
        clips: [
          { id: 'c1', name: 'Break', source: 'kick', start: 0, length: 16, offset: 0.1, gainDb: 0, fadeIn: 0.005, fadeOut: 0.05, loop: true, reverse: false, rate: 1, mute: false },
          { id: 'c2', name: '', source: 'my loop', start: 16.333333333333332, length: 1 / 3, offset: 1e-7, gainDb: -144, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 0.125, mute: true },
        ],
      },
      {
        id: 't2',
        name: '',
        colour: '#000000',
        height: 240,
        gainDb: 24,
        pan: -0.35,
        mute: true,
        solo: false,
        clips: [
          { id: 'c3', name: 'x'.repeat(200), source: 's10', start: 7, length: 1, offset: 0.3, gainDb: -2, fadeIn: 0.4, fadeOut: 0, loop: false, reverse: true, rate: 1.5, mute: false },
          { id: 'c4', name: 'Pad “air” 🎧', source: 's2', start: 123456.789, length: 0.001, offset: 12345.6789, gainDb: 6.02, fadeIn: 10, fadeOut: 20, loop: true, reverse: true, rate: 8, mute: true },
          { id: 'c5', name: '', source: '7', start: 2, length: 2, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 0.75, mute: false },
        ],
      },
      { id: 't3', name: 'Empty track', colour: '#5aa9ff', height: 137, gainDb: -144, pan: 1, mute: false, solo: false, clips: [] },
    ],
    markers: [
      { id: 'm1', beat: 0, name: '' },
      { id: 'm7', beat: 16.333333333333332, name: 'Drop “B”' },
      { id: 'm2', beat: 16.333333333333332, name: 'Same beat' },
      { id: 'marker x', beat: 1e6, name: 'y'.repeat(200) },
    ],
    master: { gainDb: -1 },
  };
}
