import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { appRoot } from './repo-paths';

/** The worker entries under electron/workers/. */
export type WorkerName = 'analyze-worker' | 'export-worker' | 'encode-worker' | 'render-helper-worker' | 'library-upgrade-worker';

/**
 * Starts a worker thread running `electron/workers/<name>`. Code running from a bundle in
 * `dist/<bundle>/` (the app's dist/electron, the command line's dist/cli) starts the worker built
 * with it, `dist/<bundle>/workers/<name>.mjs`, so both halves come from one build; code running
 * from the sources starts the TypeScript worker through the tsx bootstrap. The worker reads its
 * input from `workerData.input`.
 */
export function startWorker(name: WorkerName, input: unknown): Worker {
  const fromDist = path.relative(path.join(appRoot, 'dist'), fileURLToPath(import.meta.url));
  if (!fromDist.startsWith('..') && !path.isAbsolute(fromDist)) {
    const bundled = path.join(appRoot, 'dist', fromDist.split(path.sep)[0] ?? '', 'workers', `${name}.mjs`);
    if (existsSync(bundled)) return new Worker(bundled, { workerData: { input } });
  }
  const entry = pathToFileURL(path.join(appRoot, 'electron', 'workers', `${name}.ts`)).href;
  return new Worker(path.join(appRoot, 'electron', 'workers', 'bootstrap.mjs'), { workerData: { entry, input } });
}
