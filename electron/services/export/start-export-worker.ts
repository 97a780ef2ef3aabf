import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../repo-paths';
import type { ExportJob, ExportReport, ExportWorkerMessage } from './export-job';
import { GlowroomError } from '../../../src/std/errors';

/**
 * Starts `electron/workers/export-worker` (the bundled build when running from dist/, else the
 * TypeScript source through the tsx bootstrap), as start-worker does for the other workers.
 */
export function startExportWorker(job: ExportJob): Worker {
  const bundled = path.join(appRoot, 'dist', 'electron', 'workers', 'export-worker.mjs');
  const runningBundled = fileURLToPath(import.meta.url).startsWith(path.join(appRoot, 'dist') + path.sep);
  if (runningBundled && existsSync(bundled)) return new Worker(bundled, { workerData: { input: job } });
  const entry = pathToFileURL(path.join(appRoot, 'electron', 'workers', 'export-worker.ts')).href;
  return new Worker(path.join(appRoot, 'electron', 'workers', 'bootstrap.mjs'), { workerData: { entry, input: job } });
}

/** A running export: its progress, its outcome, and a way to cancel it. */
export interface ExportRun {
  readonly result: Promise<ExportReport>;
  cancel(): void;
}

/** Runs `job` in an export worker; `result` rejects with the worker's error (code kept). */
export function runExportWorker(job: ExportJob, onProgress?: (message: Extract<ExportWorkerMessage, { type: 'progress' }>) => void): ExportRun {
  const worker = startExportWorker(job);
  const result = new Promise<ExportReport>((resolve, reject) => {
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message);
      else if (message.type === 'done') resolve(message.report);
      else reject(new GlowroomError(message.error.code, message.error.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new GlowroomError('internal', `the export worker stopped unexpectedly (exit code ${code})`)));
  }).finally(() => void worker.terminate());
  return { result, cancel: () => worker.postMessage({ type: 'cancel' }) };
}
