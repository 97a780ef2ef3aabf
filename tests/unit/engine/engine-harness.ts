import { Engine } from '../../../src/engine/engine';
import { blockFrames, createStatusBuffer, packSample, type EngineClip, type EngineTimeline, type EngineTrack } from '../../../src/protocol/engine';
import { engineDocumentChanges } from '../../../src/protocol/engine-document';

export const rate = 48_000;
export const timeline120: EngineTimeline = { tempo: 120, beatsPerBar: 4, beatUnit: 4, masterGainDb: 0 };

export function clip(sampleId: string, overrides: Partial<EngineClip> = {}): EngineClip {
  return { id: `c-${sampleId}-${overrides.start ?? 0}`, sampleId, start: 0, length: 4, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, ...overrides };
}

export function track(id: string, clips: EngineClip[], overrides: Partial<EngineTrack> = {}): EngineTrack {
  return { id, gainDb: 0, pan: 0, mute: false, solo: false, clips, ...overrides };
}

/** An engine with samples pooled and a document set, transport playing from frame 0. */
export function engineWith(
  samples: Record<string, { sampleRate?: number; planes: Float32Array[] }>,
  tracks: EngineTrack[],
  timeline: EngineTimeline = timeline120,
  engineRate = rate,
): Engine {
  const engine = new Engine(engineRate);
  for (const [id, sample] of Object.entries(samples)) {
    engine.command({ type: 'add-sample', sample: packSample(id, sample.sampleRate ?? engineRate, sample.planes, (n) => new ArrayBuffer(n)) });
  }
  for (const command of engineDocumentChanges(null, { timeline, tracks })) engine.command(command);
  engine.command({ type: 'play' });
  return engine;
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
