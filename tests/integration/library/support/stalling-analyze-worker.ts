/**
 * The app's analyze worker, except that a file whose name contains "stall" never finishes: the
 * worker spins, as a decoder caught in a loop inside WASM does (nothing but terminate stops it).
 * Registered before the real worker's listener, so that one never sees such a file.
 */
import { parentPort } from 'node:worker_threads';
import type { AnalyzeRequest } from '../../../../electron/services/library/analyze-protocol';

parentPort?.on('message', (request: AnalyzeRequest) => {
  if (!request.file.includes('stall')) return;
  for (;;) {
    // Stalled.
  }
});
await import('../../../../electron/workers/analyze-worker');
