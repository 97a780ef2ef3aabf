/**
 * One member of the library's analyze pool: answers each AnalyzeRequest with the file's analysis
 * (decode, hash, peaks, loudness, name metadata) or the reason it failed. Runs until terminated.
 */
import { parentPort } from 'node:worker_threads';
import type { AnalyzeRequest, AnalyzerReady, AnalyzeResponse } from '../services/library/analyze-protocol';
import { analyzeFile } from '../services/library/analyze-file';
import { toIpcError } from '../services/ipc-error';
import { lowerThreadPriority } from './background-priority';

const port = parentPort;
if (!port) throw new Error('analyze-worker must run in a worker thread.');
// Analysis never competes with playback: the audio thread always goes first.
lowerThreadPriority();

port.on('message', (request: AnalyzeRequest) => {
  analyzeFile(request.file, request.relativePath, request.listed).then(
    (analysis) => {
      const response: AnalyzeResponse = { id: request.id, ok: true, analysis };
      port.postMessage(response, [analysis.peaks.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const response: AnalyzeResponse = { id: request.id, ok: false, error: toIpcError(error) };
      port.postMessage(response);
    },
  );
});
const ready: AnalyzerReady = { ready: true };
port.postMessage(ready);
