/** Shared documents for the model tests. Each call returns a fresh copy to mutate. */
import type { Project } from '../../../src/model/project-schema';

/** The example of the format issue, as a user's editor might lay it out. */
export const exampleText = `{
  "format": "glowroom", "version": 1, "name": "Night drive",
  "tempo": 120, "timeSignature": [4, 4], "sampleRate": 48000,
  "sources": { "s1": { "path": "Audio/amen.wav" } },
  "tracks": [ { "id": "t1", "name": "Drums", "gainDb": 0, "pan": 0, "mute": false, "solo": false,
      "clips": [ { "id": "c1", "source": "s1", "start": 0, "length": 4, "offset": 0, "gainDb": 0,
                   "fadeIn": 0, "fadeOut": 0, "loop": false, "reverse": false, "rate": 1 } ] } ],
  "master": { "gainDb": 0 }
}
`;

export const exampleFile = 'Night drive.glowroom';

/** The example as a plain JSON value, to break one field at a time. */
export function exampleDoc(): Record<string, unknown> {
  return JSON.parse(exampleText) as Record<string, unknown>;
}

/** Two tracks, several sources, loops, reverse, fades, varispeed, pan, odd numbers and names. */
export function richProject(): Project {
  return {
    format: 'glowroom',
    version: 1,
    name: 'Nuit — “drive” 🎧',
    tempo: 137.25,
    timeSignature: [7, 8],
    sampleRate: 44_100,
    sources: {
      kick: { path: 'Audio/kick.wav' },
      'my loop': { path: '../Shared Samples/loop 01 (120).flac' },
      s10: { path: '/home/mia/Samples/vocal "chop".wav' },
      s2: { path: 'C:\\Users\\mia\\pad.aiff' },
      '7': { path: 'Audio/numeric-id.wav' },
    },
    tracks: [
      {
        id: 't1',
        name: 'Drums',
        gainDb: -3.5,
        pan: 0,
        mute: false,
        solo: true,
        clips: [
          { id: 'c1', source: 'kick', start: 0, length: 16, offset: 0.1, gainDb: 0, fadeIn: 0.005, fadeOut: 0.05, loop: true, reverse: false, rate: 1 },
          { id: 'c2', source: 'my loop', start: 16.333333333333332, length: 1 / 3, offset: 1e-7, gainDb: -144, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 0.125 },
        ],
      },
      {
        id: 't2',
        name: '',
        gainDb: 24,
        pan: -0.35,
        mute: true,
        solo: false,
        clips: [
          { id: 'c3', source: 's10', start: 7, length: 1, offset: 0.3, gainDb: -2, fadeIn: 0.4, fadeOut: 0, loop: false, reverse: true, rate: 1.5 },
          { id: 'c4', source: 's2', start: 123456.789, length: 0.001, offset: 12345.6789, gainDb: 6.02, fadeIn: 10, fadeOut: 20, loop: true, reverse: true, rate: 8 },
          { id: 'c5', source: '7', start: 2, length: 2, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 0.75 },
        ],
      },
      { id: 't3', name: 'Empty track', gainDb: -144, pan: 1, mute: false, solo: false, clips: [] },
    ],
    master: { gainDb: -1 },
  };
}
