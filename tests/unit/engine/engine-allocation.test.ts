import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { blockFrames } from '../../../src/protocol/engine';
import { clip, constant, engineWith, rate, timeline120, track } from './engine-harness';

/**
 * The block loop must not allocate: garbage in the audio thread means collector pauses, and
 * pauses mean dropouts. A loop that allocated even a few bytes per block would fill the young
 * generation many times over in this many blocks and trigger scavenges; a clean loop triggers none.
 */
describe('engine block loop', () => {
  it('renders 200,000 blocks of a busy project without a single garbage collection', async () => {
    const source = Float32Array.from({ length: rate }, (_, i) => Math.sin(i / 7));
    const engine = engineWith({ a: { sampleRate: 44_100, planes: [source, source] }, b: { planes: [constant(rate, 0.1)] } }, [
      track('t1', [clip('a', { loop: true, length: 64, rate: 1.5, fadeIn: 0.1 }), clip('b', { id: 'b1', start: 2, reverse: true })], { pan: 0.4 }),
      track('t2', [clip('b', { id: 'b2', loop: true, length: 64 })], { solo: true }),
    ], timeline120);
    engine.command({ type: 'set-metronome', enabled: true });
    engine.command({ type: 'set-loop', loop: { start: 0, end: 16 } });
    const left = new Float32Array(blockFrames);
    const right = new Float32Array(blockFrames);
    // Warm up so the JIT has settled, then empty the young generation so that only what the
    // loop itself allocates could trigger a collection.
    for (let i = 0; i < 20_000; i++) engine.render(left, right, blockFrames);
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();

    const collections: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) collections.push(entry.name);
    });
    observer.observe({ entryTypes: ['gc'] });
    for (let i = 0; i < 200_000; i++) engine.render(left, right, blockFrames);
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(collections).toEqual([]);
  }, 60_000);
});
