import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { serializeProject } from '../../../src/model/parse-project';
import { createChannel, createTrack } from '../../../src/model/new-track';
import { currentProjectVersion, type Project } from '../../../src/model/project-schema';
import { SeededRandom } from '../../../src/dsp/dither';

export const RATE = 48_000;
export const TEMPO = 120;

export interface FixtureTrack {
  readonly name: string;
  /** Mono or stereo source planes at 48 kHz. */
  readonly source: readonly Float32Array[];
  readonly gainDb?: number;
  readonly pan?: number;
  readonly startBeats?: number;
  readonly mute?: boolean;
}

/**
 * A project folder with one 32-bit float source per track under Audio/ and one clip per track
 * covering its source; returns the project file.
 */
export function writeProject(dir: string, name: string, tracks: readonly FixtureTrack[], masterGainDb = 0): string {
  mkdirSync(path.join(dir, 'Audio'), { recursive: true });
  const sources: Project['sources'] = {};
  const projectTracks: Project['tracks'] = tracks.map((track, i) => {
    const id = `s${i}`;
    writeFileSync(path.join(dir, 'Audio', `${id}.wav`), encodeWav({ sampleRate: RATE, channels: track.source }, { bitDepth: 32, float: true }));
    sources[id] = { path: `Audio/${id}.wav` };
    const seconds = (track.source[0]?.length ?? 0) / RATE;
    return {
      ...createTrack(`t${i}`, track.name, i),
      channel: { ...createChannel(), gainDb: track.gainDb ?? 0, pan: track.pan ?? 0, mute: track.mute ?? false },
      clips: [{ kind: 'audio', id: `c${i}`, name: '', source: id, start: track.startBeats ?? 0, length: (seconds * TEMPO) / 60, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 }],
    };
  });
  const project: Project = { format: 'glowroom', version: currentProjectVersion, name, tempo: TEMPO, timeSignature: [4, 4], sampleRate: RATE, sources, tracks: projectTracks, buses: [], markers: [], master: { gainDb: masterGainDb, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null };
  const file = path.join(dir, `${name}.glowroom`);
  writeFileSync(file, serializeProject(project));
  return file;
}

/** A bass-ish tone with a slow swell, `seconds` long, peak `amplitude`. */
export function tone(seconds: number, hz: number, amplitude: number): Float32Array[] {
  const n = Math.round(seconds * RATE);
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const env = 0.55 + 0.45 * Math.sin(2 * Math.PI * 0.25 * t);
    left[i] = amplitude * env * Math.sin(2 * Math.PI * hz * t);
    right[i] = amplitude * env * Math.sin(2 * Math.PI * hz * t + 0.3);
  }
  return [left, right];
}

/** Noise "drum" hits twice a second with a fast decay: peaky material that limiting has to catch. */
export function hits(seconds: number, amplitude: number, seed = 7): Float32Array[] {
  const n = Math.round(seconds * RATE);
  const random = new SeededRandom(seed);
  const plane = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const sinceHit = (i % (RATE / 2)) / RATE;
    plane[i] = amplitude * Math.exp(-sinceHit * 18) * (random.nextFloat() * 2 - 1);
  }
  return [plane];
}

/** The smallest valid PNG (1×1, RGBA). */
export const tinyPng = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
);
