import { Engine } from '../../../src/engine/engine';
import { createEmptyProject } from '../../../src/model/new-project';
import { createChannel, createTrack } from '../../../src/model/new-track';
import type { AudioClip, Channel, Clip, Project, Track } from '../../../src/model/project-schema';
import { blockFrames, createStatusBuffer, packSample, type EngineCommand } from '../../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';

export const rate = 48_000;

/** The song-wide settings the tests vary: tempo, meter and the master's gain. */
export interface Song {
  readonly tempo: number;
  readonly beatsPerBar: number;
  readonly beatUnit: 1 | 2 | 4 | 8 | 16 | 32;
  readonly masterGainDb: number;
}
export const timeline120: Song = { tempo: 120, beatsPerBar: 4, beatUnit: 4, masterGainDb: 0 };

/** A clip of the pooled sample `sampleId` (its source id is the sample id). */
export function clip(sampleId: string, overrides: Partial<AudioClip> = {}): AudioClip {
  return { kind: 'audio', id: `c-${sampleId}-${overrides.start ?? 0}`, name: '', source: sampleId, start: 0, length: 4, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...overrides };
}

/** A track with its channel settings (fader, pan, mute, solo, inserts, sends, output). */
export function track(id: string, clips: Clip[], channel: Partial<Channel> = {}): Track {
  return { ...createTrack(id, id, 0), channel: { ...createChannel(), ...channel }, clips };
}

/** The project the engine tests play: tracks and song settings, plus any mixer parts given. */
export function projectOf(tracks: Track[], song: Song = timeline120, extra: Partial<Project> = {}): Project {
  const sources = Object.fromEntries(tracks.flatMap((t) => t.clips.flatMap((c) => (c.kind === 'audio' ? [[c.source, { path: c.source }]] : []))));
  const base = createEmptyProject('Engine test');
  return { ...base, tempo: song.tempo, timeSignature: [song.beatsPerBar, song.beatUnit], sources, tracks, master: { ...base.master, gainDb: song.masterGainDb }, ...extra };
}

/** An engine with samples pooled and a project's document set, transport playing from frame 0. */
export function engineWith(
  samples: Record<string, { sampleRate?: number; planes: Float32Array[] }>,
  tracks: Track[],
  song: Song = timeline120,
  engineRate = rate,
  extra: Partial<Project> = {},
): Engine {
  const engine = new Engine(engineRate);
  for (const command of engineCommands(samples, tracks, song, engineRate, extra)) engine.command(command);
  return engine;
}

/** The commands `engineWith` gives its engine: pool the samples, set the document, play from frame 0. */
export function engineCommands(
  samples: Record<string, { sampleRate?: number; planes: Float32Array[] }>,
  tracks: Track[],
  song: Song = timeline120,
  engineRate = rate,
  extra: Partial<Project> = {},
): EngineCommand[] {
  return [
    ...Object.entries(samples).map(([id, sample]): EngineCommand => ({ type: 'add-sample', sample: packSample(id, sample.sampleRate ?? engineRate, sample.planes, (n) => new ArrayBuffer(n)) })),
    ...engineDocumentChanges(null, compileEngineDocument(projectOf(tracks, song, extra), (sourceId) => sourceId)),
    { type: 'play' },
  ];
}

/** Renders `frames` frames in blocks of `block` (default the real 128) and returns both channels. */
export function render(engine: Engine, frames: number, block: number | (() => number) = blockFrames): [Float32Array, Float32Array] {
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const l = new Float32Array(blockFrames);
  const r = new Float32Array(blockFrames);
  for (let done = 0; done < frames; ) {
    const size = Math.min(typeof block === 'number' ? block : block(), frames - done);
    engine.render(l, r, size);
    left.set(l.subarray(0, size), done);
    right.set(r.subarray(0, size), done);
    done += size;
  }
  return [left, right];
}

export function status(engine: Engine): Float64Array {
  const buffer = new Float64Array(createStatusBuffer());
  engine.writeStatus(buffer);
  return buffer;
}

/** Indices of the non-zero samples. */
export function nonZero(channel: Float32Array): number[] {
  const found: number[] = [];
  channel.forEach((x, i) => {
    if (x !== 0) found.push(i);
  });
  return found;
}

export const ramp = (length: number, scale = 1 / length) => Float32Array.from({ length }, (_, i) => (i + 1) * scale);
export const constant = (length: number, value: number) => new Float32Array(length).fill(value);
