import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { appRoot } from './repo-paths';

/** The worker entries under electron/workers/. */
export type WorkerName = 'analyze-worker' | 'export-worker';

/**
 * Starts a worker thread running `electron/workers/<name>`: the bundled build when this code runs
 * from `dist/`, else the TypeScript source through the tsx bootstrap. The worker reads its input
 * from `workerData.input`.
 */
export function startWorker(name: WorkerName, input: unknown): Worker {
  const bundled = path.join(appRoot, 'dist', 'electron', 'workers', `${name}.mjs`);
  const runningBundled = fileURLToPath(import.meta.url).startsWith(path.join(appRoot, 'dist') + path.sep);
  if (runningBundled && existsSync(bundled)) return new Worker(bundled, { workerData: { input } });
  const entry = pathToFileURL(path.join(appRoot, 'electron', 'workers', `${name}.ts`)).href;
  return new Worker(path.join(appRoot, 'electron', 'workers', 'bootstrap.mjs'), { workerData: { entry, input } });
}
