import { samplePlanes, type SharedSample } from '../protocol/engine';

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
    this.samples.set(shared.sampleId, { sampleRate: shared.sampleRate, frames: shared.frames, planes: samplePlanes(shared) });
  }

  remove(sampleId: string): void {
    this.samples.delete(sampleId);
  }

  get(sampleId: string): PooledSample | undefined {
    return this.samples.get(sampleId);
  }
}
