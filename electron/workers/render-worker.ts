/**
 * Renders one project to a file off the main thread: the engine runs here, faster than
 * realtime, and reports progress; a `cancel` message stops it before anything is written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderJob, RenderWorkerCommand, RenderWorkerMessage } from '../services/render/render-job';
import { renderToFile } from '../services/render/render-to-file';
import { toIpcError } from '../services/ipc-error';

const port = parentPort;
if (!port) throw new Error('render-worker must run in a worker thread.');
const post = (message: RenderWorkerMessage) => port.postMessage(message);
const cancel = new AbortController();
port.on('message', (command: RenderWorkerCommand) => {
  if (command.type === 'cancel') cancel.abort();
});

const job = (workerData as { input: RenderJob }).input;
renderToFile(job, { signal: cancel.signal, onProgress: (done, total) => post({ type: 'progress', done, total }) }).then(
  (summary) => {
    post({ type: 'done', summary });
    port.close();
  },
  (error: unknown) => {
    post({ type: 'failed', error: toIpcError(error) });
    port.close();
  },
);
