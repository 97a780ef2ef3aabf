import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * The garbage collections V8 runs while `run` executes, by kind. Proves an audio loop does not
 * allocate: a loop that allocated even a few bytes per block would fill the young generation
 * many times over in 100,000 blocks and trigger scavenges; a clean loop triggers none. Warm the
 * loop up first (so the JIT has settled); the young generation is emptied before `run` so only
 * what it allocates can trigger a collection.
 */
export async function garbageCollectionsDuring(run: () => void): Promise<string[]> {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  const collections: string[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) collections.push(entry.name);
  });
  observer.observe({ entryTypes: ['gc'] });
  run();
  // Entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return collections;
}
