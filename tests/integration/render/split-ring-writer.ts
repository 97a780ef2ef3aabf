/**
 * The writing side of the split-ring test (a worker thread): hands over `segments` segments of
 * `planes` planes of `frames` samples, sample k of the stream being k modulo 2^20, as the render's
 * helper thread does, until the reading side stops it.
 */
import { workerData } from 'node:worker_threads';
import { SplitRing, SplitStopped } from '../../../electron/services/render/split-ring';

export interface SplitRingWriterInput {
  readonly buffer: SharedArrayBuffer;
  readonly segments: number;
  readonly planes: number;
  readonly frames: number;
  readonly patienceMs: number;
}

const input = (workerData as { input: SplitRingWriterInput }).input;
const ring = new SplitRing(input.buffer, 'helper', input.patienceMs);
const plane = new Float32Array(input.frames);
let k = 0;
try {
  for (let segment = 0; segment < input.segments; segment++) {
    for (let p = 0; p < input.planes; p++) {
      for (let i = 0; i < input.frames; i++) plane[i] = k++ % 2 ** 20;
      ring.put(plane, input.frames);
    }
    ring.segmentDone();
  }
} catch (error) {
  if (!(error instanceof SplitStopped)) {
    ring.fail();
    throw error;
  }
}
