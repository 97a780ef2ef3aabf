import type { SharedSample } from '../protocol/engine';

/** A sample as the engine reads it: planar views on shared PCM, no copies. */
export interface PooledSample {
  /** Hertz. */
  readonly sampleRate: number;
  readonly frames: number;
  readonly planes: readonly Float32Array[];
}

/** Decoded audio the engine can play, by sample id. Filled by commands, read by clips. */
export class SamplePool {
  private readonly samples = new Map<string, PooledSample>();

  add(shared: SharedSample): void {
    const planes: Float32Array[] = [];
    for (let c = 0; c < shared.channelCount; c++) {
      planes.push(new Float32Array(shared.pcm, c * shared.frames * Float32Array.BYTES_PER_ELEMENT, shared.frames));
    }
    this.samples.set(shared.sampleId, { sampleRate: shared.sampleRate, frames: shared.frames, planes });
  }

  remove(sampleId: string): void {
    this.samples.delete(sampleId);
  }

  get(sampleId: string): PooledSample | undefined {
    return this.samples.get(sampleId);
  }
}
