import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import type { SampleAnalysis } from './analyze-file';
import type { Worker } from 'node:worker_threads';
import { AnalyzePool, analysisTimeLimitMs, defaultPoolSize } from './analyze-pool';
import type { LibraryDatabase } from './database';
import { SampleStore } from './sample-store';
import { scanRoots, type ScanFailure, type ScannedFile, type ScanRoot } from './scan';
import { isZipPath, packsDirFor, unpackZipPack } from './zip-packs';

export interface ImportProgress {
  /** Files finished: analysed, skipped as unchanged, or failed. */
  readonly done: number;
  readonly total: number;
  /** The file just finished; null before the first and at the end. */
  readonly current: string | null;
  /** Files analysed per second so far (skipped files are not counted: they cost nothing). */
  readonly filesPerSecond: number;
  /** Seconds left at the current speed; null until a file has been analysed. */
  readonly etaSeconds: number | null;
}

export interface ImportOptions {
  /** Aborting stops the import: finished files stay in the library. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Analyze workers; default one per core (see analyze-pool.ts `defaultPoolSize`). */
  readonly workers?: number;
  /** Starts one analyze worker; default the app's (tests start one that stalls). */
  readonly startAnalyzer?: () => Worker;
  /** How long a file of this many bytes may take to analyse; default analyze-pool.ts `analysisTimeLimitMs`. */
  readonly analysisTimeLimitMs?: (bytes: number) => number;
  /** Where `.zip` packs are unpacked; default `<data folder>/Packs`. */
  readonly packsDir?: string;
}

/** What an import did; maps onto the contract's `ImportSummary` (plus moved, missing, timing). */
export interface ImportResult {
  /** Audio files found under the roots. */
  readonly found: number;
  /** Files analysed and written, new or changed. */
  readonly indexed: number;
  /** Files unchanged since the last import (same size and modification time). */
  readonly skipped: number;
  /** Files recognised by content at a new path: their rows followed them. */
  readonly moved: number;
  /** Known files no longer under the roots, now flagged missing. */
  readonly missing: number;
  readonly failed: readonly ScanFailure[];
  /** Files imported with a decoder's note (a misnamed file opened by content, a repaired header). */
  readonly notes: readonly { readonly path: string; readonly note: string }[];
  readonly cancelled: boolean;
  readonly elapsedMs: number;
}

/** Results are written in batches of this many, or sooner when this much time has passed. */
const batchSize = 64;
const batchMs = 250;

/**
 * Indexes the audio files under `roots` in place. A `.zip` root, and every `.zip` found inside a
 * folder root, is first unpacked into `packsDir` (once: see zip-packs.ts) and its folder indexed
 * as the pack named after the zip; a refused zip is one failure naming the offending entry, and a
 * zip inside an unpacked zip stays packed. Unchanged files are skipped; new and changed ones are
 * analysed in a worker pool and written in batched transactions on this thread (SQLite has one
 * writer); a file moved within the library keeps its row; known files under a root that are
 * gone are flagged missing. Each file that cannot be used is reported with a reason and the rest
 * go on.
 */
export async function importFolders(db: LibraryDatabase, roots: readonly (string | ScanRoot)[], options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const store = new SampleStore(db);
  const failed: ScanFailure[] = [];
  const notes: { path: string; note: string }[] = [];
  const folderRoots: ScanRoot[] = [];
  const zipRoots: string[] = [];
  for (const root of roots) {
    const given: ScanRoot = typeof root === 'string' ? { path: root } : root;
    const absolute = path.resolve(given.path);
    if (isZipPath(absolute)) zipRoots.push(absolute);
    else folderRoots.push({ ...given, path: absolute });
  }
  const folderScan = await scanRoots(folderRoots, failed, signal);
  const packRoots = await unpackZips(db, [...zipRoots, ...folderScan.zips], options.packsDir ?? packsDirFor(), failed, signal);
  const packScan = await scanRoots(packRoots, failed, signal);
  const absoluteRoots = [...folderRoots, ...packRoots].map((root) => root.path);
  // Unpacked zips first, so their files keep the zip's pack name when a folder root holds them too.
  const scanned = uniqueByPath([...packScan.files, ...folderScan.files]);
  // A scan cut short by cancelling has not seen every file, so absence then proves nothing.
  const scanComplete = !signal?.aborted;
  const counts = { indexed: 0, skipped: 0, moved: 0, missing: 0 };

  const stale: ScannedFile[] = [];
  db.transaction(() => {
    for (const file of scanned) {
      const known = store.known(file.path);
      if (known && known.size === file.size && known.mtimeMs === file.mtimeMs) {
        if (known.missing) store.markPresent(known.id);
        counts.skipped++;
      } else stale.push(file);
    }
  })();

  let analysed = 0;
  const report = (current: string | null) => {
    const seconds = (performance.now() - started) / 1000;
    const filesPerSecond = seconds > 0 ? analysed / seconds : 0;
    const left = stale.length - analysed;
    onProgress?.({
      done: counts.skipped + analysed,
      total: scanned.length,
      current,
      filesPerSecond,
      etaSeconds: analysed > 0 ? left / filesPerSecond : null,
    });
  };
  report(null);

  let batch: { file: ScannedFile; analysis: SampleAnalysis }[] = [];
  let lastFlush = performance.now();
  const flush = () => {
    const now = Date.now();
    const written = batch;
    batch = [];
    lastFlush = performance.now();
    db.transaction(() => {
      for (const { file, analysis } of written) {
        if (store.write(file, analysis, now) === 'moved') counts.moved++;
        else counts.indexed++;
      }
    })();
  };

  if (stale.length > 0 && !signal?.aborted) {
    const pool = new AnalyzePool({
      size: Math.min(options.workers ?? defaultPoolSize(), stale.length),
      ...(options.startAnalyzer ? { startWorker: options.startAnalyzer } : {}),
    });
    const onAbort = () => void pool.close();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.all(
        stale.map(async (file) => {
          const response = await pool.analyze(file.path, file.relativePath, (options.analysisTimeLimitMs ?? analysisTimeLimitMs)(file.size));
          if (response.ok) {
            batch.push({ file, analysis: response.analysis });
            for (const note of response.analysis.notes) notes.push({ path: file.path, note });
          }
          else if (response.error.code !== 'cancelled') failed.push({ path: file.path, reason: response.error.message });
          if (response.ok || response.error.code !== 'cancelled') analysed++;
          if (batch.length >= batchSize || performance.now() - lastFlush >= batchMs) flush();
          if (!signal?.aborted) report(file.path);
        }),
      );
    } finally {
      signal?.removeEventListener('abort', onAbort);
      await pool.close();
    }
  }
  flush();

  if (scanComplete) {
    const seen = new Set(scanned.map((file) => file.path));
    db.transaction(() => {
      for (const root of absoluteRoots) counts.missing += store.markMissingUnder(root, seen);
    })();
  }
  report(null);
  // The library's shape may have changed a lot: refresh the planner's statistics (see database.ts).
  db.pragma('optimize');
  return { found: scanned.length, ...counts, failed, notes, cancelled: signal?.aborted ?? false, elapsedMs: performance.now() - started };
}

/**
 * Unpacks each zip (or finds it unpacked before) into `packsDir`; returns the pack folders to
 * scan, each once. A zip that cannot be unpacked becomes a failure naming the reason.
 */
async function unpackZips(db: LibraryDatabase, zips: readonly string[], packsDir: string, failed: ScanFailure[], signal?: AbortSignal): Promise<ScanRoot[]> {
  const packs = new Map<string, ScanRoot>();
  for (const zip of zips) {
    if (signal?.aborted) break;
    try {
      const unpacked = await unpackZipPack(db, zip, packsDir, signal ? { signal } : {});
      if (!packs.has(unpacked.folder)) packs.set(unpacked.folder, { path: unpacked.folder, pack: unpacked.pack });
    } catch (error) {
      if (!(error instanceof GlowroomError)) throw error;
      if (error.code !== 'cancelled') failed.push({ path: zip, reason: error.message });
    }
  }
  return [...packs.values()];
}

/** The first file of each path: an imported folder may hold the Packs folder itself. */
function uniqueByPath(files: readonly ScannedFile[]): ScannedFile[] {
  const byPath = new Map<string, ScannedFile>();
  for (const file of files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  return [...byPath.values()];
}
