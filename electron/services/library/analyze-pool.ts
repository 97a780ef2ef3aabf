import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker as startNamedWorker } from '../start-worker';
import type { ListedFile } from './analyze-file';
import type { AnalyzeRequest, AnalyzerReady, AnalyzeResponse } from './analyze-protocol';

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

/**
 * How long one file may take before its worker is stopped and the file reported as stalled: a
 * decoder caught in a loop inside WASM answers nothing and cannot be interrupted, only
 * terminated. Generous, since a loaded machine is slow: 30 s, plus 2 s per MiB of file.
 */
export function analysisTimeLimitMs(bytes: number): number {
  return 30_000 + Math.ceil(bytes / 2 ** 20) * 2_000;
}

export interface AnalyzePoolOptions {
  /** Workers; default one per core (`defaultPoolSize`). */
  readonly size?: number;
  /** Starts one worker; default the analyze worker. Tests start one whose decoder stalls. */
  readonly startWorker?: () => Worker;
}

interface Pending {
  request: AnalyzeRequest;
  /** Milliseconds this file may take. */
  limitMs: number;
  resolve: (response: AnalyzeResponse) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded and said so. */
  ready: boolean;
  busy: Pending | null;
  /** Stops the worker when the busy file runs over its time limit. */
  deadline: ReturnType<typeof setTimeout> | null;
  /** The busy file ran over its time limit: the worker was stopped for it. */
  stalled: boolean;
}

/**
 * A fixed pool of analyze workers, each given one file at a time. `analyze` always resolves:
 * failures (including a worker that dies on a file, or stalls past the file's time limit and is
 * stopped) come back as `ok: false` with a reason, and a dead worker is replaced. `close`
 * terminates the workers and answers waiting files as cancelled.
 */
export class AnalyzePool {
  readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private readonly startWorker: () => Worker;
  private nextId = 1;
  private closed = false;

  constructor(options: AnalyzePoolOptions = {}) {
    this.size = options.size ?? defaultPoolSize();
    this.startWorker = options.startWorker ?? (() => startNamedWorker('analyze-worker', null));
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /** Analyses `file`, stopping after `limitMs` (default {@link analysisTimeLimitMs} of a small file); `listed`: what its listing found. */
  analyze(file: string, relativePath: string, limitMs: number = analysisTimeLimitMs(0), listed?: ListedFile): Promise<AnalyzeResponse> {
    const request: AnalyzeRequest = { id: this.nextId++, file, relativePath, ...(listed ? { listed } : {}) };
    if (this.closed) return Promise.resolve(cancelled(request));
    return new Promise((resolve) => {
      this.queue.push({ request, limitMs, resolve });
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
        if (slot.deadline) clearTimeout(slot.deadline);
        await slot.worker.terminate();
        busy?.resolve(cancelled(busy.request));
      }),
    );
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.startWorker(), ready: false, busy: null, deadline: null, stalled: false };
    slot.worker.on('message', (response: AnalyzeResponse | AnalyzerReady) => {
      if ('ready' in response) {
        slot.ready = true;
        this.pump();
        return;
      }
      const busy = slot.busy;
      slot.busy = null;
      if (slot.deadline) clearTimeout(slot.deadline);
      busy?.resolve(response);
      this.pump();
    });
    // A crash also ends in 'exit', which answers the file and replaces the worker.
    slot.worker.on('error', () => undefined);
    slot.worker.once('exit', () => {
      if (this.closed) return;
      const busy = slot.busy;
      if (slot.deadline) clearTimeout(slot.deadline);
      const message = slot.stalled && busy
        ? `Analysing this file took longer than ${Math.round(busy.limitMs / 1000)} s (its decoder stalled), so it was skipped; the file may be damaged.`
        : 'The analyzer stopped while reading this file (too large or damaged?).';
      busy?.resolve({ id: busy.request.id, ok: false, error: { code: slot.stalled ? 'bad-format' : 'internal', message } });
      this.slots[this.slots.indexOf(slot)] = this.spawn();
      this.pump();
    });
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.busy || this.queue.length === 0) continue;
      const next = this.queue.shift() as Pending;
      slot.busy = next;
      slot.deadline = setTimeout(() => {
        slot.stalled = true;
        void slot.worker.terminate();
      }, next.limitMs);
      slot.worker.postMessage(next.request);
    }
  }
}

function cancelled(request: AnalyzeRequest): AnalyzeResponse {
  return { id: request.id, ok: false, error: { code: 'cancelled', message: 'The import was cancelled before this file was analysed.' } };
}
