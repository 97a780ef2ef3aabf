import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { appRoot } from '../../../electron/services/repo-paths';
import { SplitRing } from '../../../electron/services/render/split-ring';
import type { SplitRingWriterInput } from './split-ring-writer';

/** Starts the writing side through the tsx bootstrap the app's source-tree workers use. */
function startWriter(input: SplitRingWriterInput): Worker {
  const entry = pathToFileURL(path.join(appRoot, 'tests', 'integration', 'render', 'split-ring-writer.ts')).href;
  return new Worker(path.join(appRoot, 'electron', 'workers', 'bootstrap.mjs'), { workerData: { entry, input } });
}

describe('the split render ring', () => {
  // Each side waits often (the writer for room, the reader for samples) and publishes after every
  // small segment, so the moment one side publishes just before it sees the other waiting comes
  // round many times. Before the waiting side rechecked what it needs, both could then sleep on
  // each other until the patience ran out ("the second render thread stopped responding").
  it('hands over millions of samples in small segments, in order, without both sides waiting on each other', { timeout: 300_000 }, async () => {
    const segments = 60_000;
    const planes = 4;
    const frames = 128;
    const patienceMs = 15_000;
    const ring = new SplitRing(undefined, 'main', patienceMs);
    const writer = startWriter({ buffer: ring.buffer, segments, planes, frames, patienceMs });
    const exited = new Promise<number>((resolve) => writer.once('exit', resolve));
    // Wait for the writer's first samples (its start-up compiles TypeScript) without spending patience on it.
    await waitForFirstSamples(ring.buffer);
    const plane = new Float32Array(frames);
    let k = 0;
    let wrong = 0;
    try {
      for (let segment = 0; segment < segments; segment++) {
        for (let p = 0; p < planes; p++) {
          plane.fill(-0);
          ring.addInto(plane, frames);
          for (let i = 0; i < frames; i++) if (plane[i] !== k++ % 2 ** 20) wrong++;
        }
        ring.segmentDone();
      }
    } finally {
      ring.stop();
    }
    expect(wrong).toBe(0);
    expect(k).toBe(segments * planes * frames);
    expect(await exited).toBe(0);
  });
});

/** Resolves once the writer has published samples (the ring's WRITTEN counter, header slot 0, moved); it wakes no one who does not say it waits, so this looks every 20 ms. */
async function waitForFirstSamples(buffer: SharedArrayBuffer): Promise<void> {
  const header = new Int32Array(buffer, 0, 1);
  while (Atomics.load(header, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
}
