import { constants, PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * How many young-generation collections (scavenges) V8 runs while `run` executes. Proves an
 * audio loop does not allocate: every object a loop allocates, even a boxed number or a typed
 * array view, is born in the young generation, so a loop that allocated even a few bytes per
 * block would fill it many times over in 100,000 blocks and trigger scavenges; a clean loop
 * triggers none. Old-generation collections are not counted: the test runner's own memory and
 * external ArrayBuffer pressure from earlier tests can start one at any time, whatever the loop
 * does. Warm the loop up first (so the JIT has settled); the heap is emptied before `run`.
 */
export async function scavengesDuring(run: () => void): Promise<number> {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  let scavenges = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      // A gc entry's detail says which collector ran (typed in newer @types/node only).
      const { detail } = entry as { detail?: { kind?: number } };
      if (detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges++;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  run();
  // Entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return scavenges;
}

/**
 * How many bytes the JavaScript heap grows while `run` executes, measured without a collection in
 * between (the heap is emptied first). Finer than counting scavenges: a loop that allocates a few
 * bytes per block fills less than one young generation over tens of thousands of blocks, so it
 * triggers no scavenge, but it does grow the heap by that much.
 */
export function heapGrowthDuring(run: () => void): number {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  const before = v8.getHeapStatistics().used_heap_size;
  run();
  return v8.getHeapStatistics().used_heap_size - before;
}
