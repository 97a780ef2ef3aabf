/**
 * The second thread of an offline render (electron/services/render/split-render): renders the
 * tracks it is given with its own engine, block by block from the same seek as the main render,
 * and hands what they add into their targets over the shared ring until the main render stops it.
 */
import { workerData } from 'node:worker_threads';
import { blockFrames } from '../../src/protocol/engine';
import { prepareProject, startEngine } from '../services/render/render-span';
import type { SplitHelperInput } from '../services/render/split-render';
import { SplitRing, SplitStopped } from '../services/render/split-ring';

const input = (workerData as { input: SplitHelperInput }).input;
const ring = new SplitRing(input.buffer, 'helper');
try {
  const prepared = await prepareProject(input.loaded, input.sampleRate, new Set(input.sources), { spilled: new Map(input.spilled), folder: input.spillFolder });
  const { engine } = startEngine(prepared, input.startFrame, (e) => e.outputLatency, (e) => {
    // The same document gives the same group: a helper that would render other tracks must not start.
    if (e.splitGroup().join() !== input.tracks.join()) throw new Error('The second render thread found another split of the tracks.');
    e.splitTracks('helper', ring);
  });
  const left = new Float32Array(blockFrames);
  const right = new Float32Array(blockFrames);
  for (;;) engine.render(left, right, blockFrames);
} catch (error) {
  // Stopped: the main render has all it needs. Anything else: it must not wait for more.
  if (!(error instanceof SplitStopped)) {
    ring.fail();
    throw error;
  }
}
