import type { Worker } from 'node:worker_threads';
import type { SampleAnalysis } from './analyze-file';
import { AnalyzePool, analysisTimeLimitMs, defaultPoolSize } from './analyze-pool';
import { writeLibrary, type LibraryDatabase } from './database';
import type { ScanFailure } from './scan';
import { SampleStore } from './sample-store';

export interface AnalysisProgress {
  /** Files finished: analysed or failed. */
  readonly done: number;
  readonly total: number;
  /** The file just finished; null before the first and at the end. */
  readonly current: string | null;
  /** Files per second so far. */
  readonly filesPerSecond: number;
  /** Seconds left at the current speed; null until a file is done. */
  readonly etaSeconds: number | null;
}

export interface AnalysisOptions {
  /** Aborting stops the analysis: finished files keep it, the rest wait for the next one. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: AnalysisProgress) => void;
  /** Analyze workers; default one per core (see analyze-pool.ts `defaultPoolSize`). */
  readonly workers?: number;
  /** Starts one analyze worker; default the app's (tests start one that stalls). */
  readonly startAnalyzer?: () => Worker;
  /** How long a file of this many bytes may take; default analyze-pool.ts `analysisTimeLimitMs`. */
  readonly analysisTimeLimitMs?: (bytes: number) => number;
  /** A pool started earlier (an import starts it before listing, so its workers load meanwhile); closed here. */
  readonly pool?: AnalyzePool;
}

export interface AnalysisResult {
  readonly analysed: number;
  /** Files whose analysis showed they cannot be used: their rows are gone. */
  readonly failed: readonly ScanFailure[];
  /** Files analysed with a decoder's note (a misnamed file opened by content, a repaired header). */
  readonly notes: readonly { readonly path: string; readonly note: string }[];
  readonly cancelled: boolean;
}

/** Results are written in batches of this many, or sooner when this much time has passed. */
const batchSize = 64;
const batchMs = 250;

/**
 * Analyses every listed file still waiting (decode, levels, thumbnail, tempo and key) in the
 * worker pool and completes its row, in batched transactions on this thread. Waiting rows are
 * what an import listed, and what an earlier run left when it was cancelled or the app quit: a
 * restart picks them up. A file that turns out unusable (its audio is damaged, or it stalls the
 * decoder) loses its row and is reported with the reason; the rest go on.
 */
export async function analysePending(db: LibraryDatabase, options: AnalysisOptions = {}): Promise<AnalysisResult> {
  const { signal, onProgress } = options;
  const store = new SampleStore(db);
  const pending = store.pending();
  const failed: ScanFailure[] = [];
  const notes: { path: string; note: string }[] = [];
  const started = performance.now();
  let done = 0;
  let analysed = 0;
  const report = (current: string | null) => {
    const seconds = (performance.now() - started) / 1000;
    const filesPerSecond = seconds > 0 ? done / seconds : 0;
    onProgress?.({ done, total: pending.length, current, filesPerSecond, etaSeconds: done > 0 ? (pending.length - done) / filesPerSecond : null });
  };

  let batch: { id: number; analysis: SampleAnalysis | null }[] = [];
  let lastFlush = performance.now();
  const flush = () => {
    const written = batch;
    batch = [];
    lastFlush = performance.now();
    writeLibrary(
      db.transaction(() => {
        for (const { id, analysis } of written) {
          if (analysis === null) store.remove(id);
          else if (store.completeAnalysis(id, analysis)) analysed++;
        }
      }),
    );
  };

  const pool = pending.length > 0 && !signal?.aborted ? (options.pool ?? newPool(options, pending.length)) : options.pool;
  try {
    if (pool && pending.length > 0 && !signal?.aborted) {
      report(null);
      const onAbort = () => void pool.close();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const limit = options.analysisTimeLimitMs ?? analysisTimeLimitMs;
        await Promise.all(
          pending.map(async (file) => {
            const listed = { size: file.size, mtimeMs: file.mtimeMs, contentHash: file.contentHash };
            const response = await pool.analyze(file.path, file.relativePath, limit(file.size), listed);
            if (!response.ok && response.error.code === 'cancelled') return;
            if (response.ok) {
              batch.push({ id: file.id, analysis: response.analysis });
              for (const note of response.analysis.notes) notes.push({ path: file.path, note });
            } else {
              batch.push({ id: file.id, analysis: null });
              failed.push({ path: file.path, reason: response.error.message });
            }
            done++;
            if (batch.length >= batchSize || performance.now() - lastFlush >= batchMs) flush();
            if (!signal?.aborted) report(file.path);
          }),
        );
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    }
  } finally {
    await pool?.close();
  }
  flush();
  if (pending.length > 0) report(null);
  return { analysed, failed, notes, cancelled: signal?.aborted ?? false };
}

function newPool(options: AnalysisOptions, files: number): AnalyzePool {
  return new AnalyzePool({ size: Math.min(options.workers ?? defaultPoolSize(), files), ...(options.startAnalyzer ? { startWorker: options.startAnalyzer } : {}) });
}
