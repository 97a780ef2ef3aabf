import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { analysePending, type AnalysisOptions } from './analyse-pending';
import { listFile, type SampleAnalysis } from './analyze-file';
import { AnalyzePool, defaultPoolSize } from './analyze-pool';
import { writeLibrary, type LibraryDatabase } from './database';
import { SampleStore } from './sample-store';
import { scanRoots, type ScanFailure, type ScannedFile, type ScanRoot } from './scan';
import { isZipPath, packsDirFor, unpackZipPack } from './zip-packs';

export interface ImportProgress {
  /** `indexing`: listing files from their headers (searchable at once); `analysing`: reading each whole. */
  readonly phase: 'indexing' | 'analysing';
  /** Files finished in this phase: indexing counts skipped (unchanged) files too. */
  readonly done: number;
  readonly total: number;
  /** The file just finished; null before the first and at the end. */
  readonly current: string | null;
  /** Files per second in this phase so far (indexing does not count skipped files: they cost nothing). */
  readonly filesPerSecond: number;
  /** Seconds left in this phase at the current speed; null until a file is done. */
  readonly etaSeconds: number | null;
}

export interface ImportOptions extends Omit<AnalysisOptions, 'onProgress' | 'pool'> {
  /** Aborting stops the import: listed and analysed files stay in the library (listed ones are analysed later). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Where `.zip` packs are unpacked; default `<data folder>/Packs`. */
  readonly packsDir?: string;
}

/** What an import did; maps onto the contract's `ImportSummary` (plus moved, missing, timing). */
export interface ImportResult {
  /** Audio files found under the roots. */
  readonly found: number;
  /** Files listed and analysed, new or changed (files listed by an earlier, cancelled import count too). */
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
  /** From the start until every new file was listed, searchable by name, kind and folder. */
  readonly searchableMs: number;
  readonly elapsedMs: number;
}

/** Listed files are written in batches of this many, or sooner when this much time has passed. */
const batchSize = 256;
const batchMs = 100;
/** Files read and hashed at once while listing: enough to keep the disk and the hashing busy. */
const listingConcurrency = 4;

/**
 * Indexes the audio files under `roots` in place, in two phases. A `.zip` root, and every `.zip`
 * found inside a folder root, is first unpacked into `packsDir` (once: see zip-packs.ts) and its
 * folder indexed as the pack named after the zip; a refused zip is one failure naming the
 * offending entry, and a zip inside an unpacked zip stays packed. Unchanged files are skipped.
 * Phase one lists new and changed files from their headers and names (analyze-file.ts
 * `listFile`) in batched transactions, so they are searchable by name, kind and folder at once;
 * phase two analyses every listed file in the worker pool (analyse-pending.ts), whose workers
 * start loading when the import starts. A file moved within the library keeps its row; known
 * files under a root that are gone are flagged missing. Each file that cannot be used is reported
 * with a reason (and, if listed, removed) and the rest go on.
 */
export async function importFolders(db: LibraryDatabase, roots: readonly (string | ScanRoot)[], options: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const store = new SampleStore(db);
  const failed: ScanFailure[] = [];
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
  const counts = { skipped: 0, moved: 0, missing: 0 };
  /** New and changed files this import listed (not moved ones). */
  const listedPaths = new Set<string>();

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
  const waiting = store.pending().length;
  // The workers load (seconds on a busy machine) while the files are listed.
  const pool = (stale.length > 0 || waiting > 0) && !signal?.aborted
    ? new AnalyzePool({ size: Math.min(options.workers ?? defaultPoolSize(), stale.length + waiting), ...(options.startAnalyzer ? { startWorker: options.startAnalyzer } : {}) })
    : undefined;

  let listed = 0;
  const report = (current: string | null) => {
    const seconds = (performance.now() - started) / 1000;
    const filesPerSecond = seconds > 0 ? listed / seconds : 0;
    onProgress?.({
      phase: 'indexing',
      done: counts.skipped + listed,
      total: scanned.length,
      current,
      filesPerSecond,
      etaSeconds: listed > 0 ? (stale.length - listed) / filesPerSecond : null,
    });
  };
  report(null);

  let batch: { file: ScannedFile; facts: SampleAnalysis }[] = [];
  let lastFlush = performance.now();
  const flush = () => {
    const now = Date.now();
    const written = batch;
    batch = [];
    lastFlush = performance.now();
    writeLibrary(
      db.transaction(() => {
        for (const { file, facts } of written) {
          if (store.write(file, facts, now, false) === 'moved') counts.moved++;
          else listedPaths.add(file.path);
        }
      }),
    );
  };
  let next = 0;
  const lister = async () => {
    while (next < stale.length && !signal?.aborted) {
      const file = stale[next++] as ScannedFile;
      try {
        // Awaited before `batch` is read: another lister may have flushed it meanwhile.
        const facts = await listFile(file.path, file.relativePath);
        batch.push({ file, facts });
      } catch (error) {
        if (!(error instanceof GlowroomError)) throw error;
        failed.push({ path: file.path, reason: error.message });
      }
      listed++;
      if (batch.length >= batchSize || performance.now() - lastFlush >= batchMs) flush();
      if (!signal?.aborted) report(file.path);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(listingConcurrency, stale.length) }, lister));
  } catch (error) {
    // A write failed (a full disk): the other listers stop after their file.
    next = stale.length;
    await pool?.close();
    throw error;
  }
  flush();
  const searchableMs = performance.now() - started;

  const analysis = await analysePending(db, {
    ...options,
    ...(pool ? { pool } : {}),
    onProgress: (p) => onProgress?.({ phase: 'analysing', ...p }),
  });
  failed.push(...analysis.failed);

  if (scanComplete) {
    const seen = new Set(scanned.map((file) => file.path));
    db.transaction(() => {
      for (const root of absoluteRoots) counts.missing += store.markMissingUnder(root, seen);
    })();
  }
  // The library's shape may have changed a lot: refresh the planner's statistics (see database.ts).
  db.pragma('optimize');
  return {
    found: scanned.length,
    // Files an earlier import listed count there; their failures are failures here all the same.
    indexed: listedPaths.size - analysis.failed.filter((failure) => listedPaths.has(failure.path)).length,
    skipped: counts.skipped,
    moved: counts.moved,
    missing: counts.missing,
    failed,
    notes: analysis.notes,
    cancelled: signal?.aborted ?? false,
    searchableMs,
    elapsedMs: performance.now() - started,
  };
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
