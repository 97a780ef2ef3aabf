// Starts a TypeScript worker from the source tree: registers tsx in this worker thread, then
// loads the entry named in workerData. Bundled builds start their compiled workers directly.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
