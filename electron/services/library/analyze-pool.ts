import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../start-worker';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-protocol';

/** More workers than this buy little: SQLite writes and the scan become the limit, and each worker holds a decoded file. */
const maxPoolSize = 8;

/**
 * Workers for a machine: one per core, up to `maxPoolSize`. Leaving a core idle would halve an
 * import on a two-core laptop; the analysis runs in worker threads, so the main thread, the
 * window and its audio thread only share the cores with it and never wait on it.
 */
export function defaultPoolSize(): number {
  return Math.min(maxPoolSize, Math.max(1, os.availableParallelism()));
}

interface Slot {
  worker: Worker;
  busy: { request: AnalyzeRequest; resolve: (response: AnalyzeResponse) => void } | null;
}

/**
 * A fixed pool of analyze workers, each given one file at a time. `analyze` always resolves:
 * failures (including a worker that dies on a file) come back as `ok: false` with a reason, and a
 * dead worker is replaced. `close` terminates the workers and answers waiting files as cancelled.
 */
export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private readonly queue: { request: AnalyzeRequest; resolve: (response: AnalyzeResponse) => void }[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number = defaultPoolSize()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  analyze(file: string, relativePath: string): Promise<AnalyzeResponse> {
    const request: AnalyzeRequest = { id: this.nextId++, file, relativePath };
    if (this.closed) return Promise.resolve(cancelled(request));
    return new Promise((resolve) => {
      this.queue.push({ request, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.queue.splice(0)) waiting.resolve(cancelled(waiting.request));
    await Promise.all(
      this.slots.map(async (slot) => {
        const busy = slot.busy;
        slot.busy = null;
        await slot.worker.terminate();
        busy?.resolve(cancelled(busy.request));
      }),
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: startWorker('analyze-worker', null), busy: null };
    slot.worker.on('message', (response: AnalyzeResponse) => {
      const busy = slot.busy;
      slot.busy = null;
      busy?.resolve(response);
      this.pump();
    });
    // A crash also ends in 'exit', which answers the file and replaces the worker.
    slot.worker.on('error', () => undefined);
    slot.worker.once('exit', () => {
      if (this.closed) return;
      const busy = slot.busy;
      busy?.resolve({ id: busy.request.id, ok: false, error: { code: 'internal', message: 'The analyzer stopped while reading this file (too large or damaged?).' } });
      this.slots[this.slots.indexOf(slot)] = this.spawn();
      this.pump();
    });
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const next = this.queue.shift() as (typeof this.queue)[number];
      slot.busy = next;
      slot.worker.postMessage(next.request);
    }
  }
}

function cancelled(request: AnalyzeRequest): AnalyzeResponse {
  return { id: request.id, ok: false, error: { code: 'cancelled', message: 'The import was cancelled before this file was analysed.' } };
}
