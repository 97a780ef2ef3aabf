/**
 * Exports one project off the main thread: render, loudness passes, encode and write run here,
 * faster than realtime, with progress messages; a `cancel` message stops the export at the next
 * block and nothing is left under the final names.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportJob, ExportWorkerCommand, ExportWorkerMessage } from '../services/export/export-job';
import { exportProject } from '../services/export/export-project';
import { toIpcError } from '../services/ipc-error';

const port = parentPort;
if (!port) throw new Error('export-worker must run in a worker thread.');
const post = (message: ExportWorkerMessage) => port.postMessage(message);
const cancel = new AbortController();
port.on('message', (command: ExportWorkerCommand) => {
  if (command.type === 'cancel') cancel.abort();
});

const job = (workerData as { input: ExportJob }).input;
exportProject(job, { signal: cancel.signal, onProgress: (phase, done, total, label) => post({ type: 'progress', phase, done, total, label }) }).then(
  (report) => {
    post({ type: 'done', report });
    port.close();
  },
  (error: unknown) => {
    post({ type: 'failed', error: toIpcError(error) });
    port.close();
  },
);
