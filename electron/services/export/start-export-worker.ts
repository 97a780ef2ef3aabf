import { startWorker } from '../start-worker';
import type { ExportJob, ExportReport, ExportWorkerMessage } from './export-job';
import { GlowroomError } from '../../../src/std/errors';
import { outOfMemory } from './out-of-memory';

/** A running export: its progress, its outcome, and a way to cancel it. */
export interface ExportRun {
  readonly result: Promise<ExportReport>;
  cancel(): void;
}

/** Runs `job` in an export worker; `result` rejects with the worker's error (code kept). */
export function runExportWorker(job: ExportJob, onProgress?: (message: Extract<ExportWorkerMessage, { type: 'progress' }>) => void): ExportRun {
  const worker = startWorker('export-worker', job);
  const result = new Promise<ExportReport>((resolve, reject) => {
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message);
      else if (message.type === 'done') resolve(message.report);
      else reject(new GlowroomError(message.error.code, message.error.message));
    });
    worker.once('error', (error) => reject(outOfMemory(error) ?? error));
    worker.once('exit', (code) => reject(new GlowroomError('internal', `the export worker stopped unexpectedly (exit code ${code})`)));
  }).finally(() => void worker.terminate());
  return { result, cancel: () => worker.postMessage({ type: 'cancel' }) };
}
