import nodePath from 'node:path';
import { parseKey } from '../../../src/analysis/musical-key';
import type { ImportSummary, PacksResult, SearchQuery, SearchResult } from '../../../src/protocol/ipc';
import { GlowroomError } from '../../../src/std/errors';
import type { JobRegistry, ProgressSink } from '../jobs';
import {
  addToCollection,
  createCollection,
  deleteCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
  type CollectionInfo,
} from './collections';
import { defaultLibraryPath, openLibraryDatabase, pendingUpgrade, type LibraryDatabase } from './database';
import { filesByHash } from './files-by-hash';
import { analysePending } from './analyse-pending';
import { importFolders, type ImportResult } from './import';
import { listPacks } from './packs';
import { SampleStore } from './sample-store';
import { searchSamples } from './search';
import { LibraryWatcher, type WatchedFolder } from './watcher';
import { upgradeInWorker } from './upgrade-library';
import { packsDirFor } from './zip-packs';

export type { CollectionInfo } from './collections';
export type { WatchedFolder } from './watcher';

export interface LibraryServiceOptions {
  /** After a watched folder was re-imported: tell the window to refresh what it shows. */
  readonly onWatchedImport?: (summary: { folder: string; indexed: number; moved: number; missing: number; failed: number }) => void;
}

/**
 * The sample library behind the IPC contract: SQLite in the user data folder (or `databasePath`),
 * opened on first use, shared by the app, the web host and the CLI.
 */
export class LibraryService {
  private db: LibraryDatabase | null = null;
  private watcher: LibraryWatcher | null = null;
  /** The analysis resumed at startup, while it runs. */
  private resumed: { cancel: () => void; done: Promise<unknown> } | null = null;
  /** Settles when the upgrade started by `upgrade` has ended (at once when none runs); library calls wait for it. */
  private upgraded: Promise<void> = Promise.resolve();

  constructor(
    private readonly jobs: JobRegistry,
    private readonly databasePath?: string,
    private readonly options: LibraryServiceOptions = {},
  ) {}

  /**
   * Brings a library written by an older Glowroom up to this version's schema in a worker thread,
   * reporting each step as a `library-upgrade` job, before anything opens it (call once at
   * startup, first). Resolves at once when there is nothing to upgrade; `ready` waits for it.
   */
  upgrade(progress: ProgressSink): Promise<void> {
    const file = this.databasePath ?? defaultLibraryPath();
    if (this.db !== null || pendingUpgrade(file) === null) return this.upgraded;
    const job = this.jobs.start();
    this.upgraded = upgradeInWorker(file, job.jobId, progress).finally(() => job.finish());
    return this.upgraded;
  }

  /** Settles when an upgrade started at startup has ended (at once when none runs): call before using the library. */
  get ready(): Promise<void> {
    return this.upgraded.catch(() => undefined);
  }

  async import(paths: readonly string[], progress: ProgressSink): Promise<ImportSummary> {
    const job = this.jobs.start();
    // One analysis at a time: an import analyses every waiting file, so a resumed analysis stops here.
    await this.stopResumedAnalysis();
    try {
      const result = await importFolders(this.database(), paths, {
        signal: job.signal,
        packsDir: packsDirFor(this.databasePath),
        onProgress: (p) =>
          progress({ jobId: job.jobId, kind: 'import', phase: p.phase, done: p.done, total: p.total, current: p.current, rate: p.filesPerSecond, etaSeconds: p.etaSeconds, state: 'running' }),
      });
      const done = result.indexed + result.skipped + result.moved + result.failed.length;
      progress({
        jobId: job.jobId, kind: 'import', done, total: result.found, current: null, rate: 0, etaSeconds: null,
        state: result.cancelled ? 'cancelled' : 'finished',
      });
      const { found, indexed, skipped, moved, missing, failed, notes, cancelled } = result;
      return { jobId: job.jobId, found, indexed, skipped, moved, missing, failed: [...failed], notes: [...notes], cancelled };
    } finally {
      job.finish();
    }
  }

  /**
   * Analyses the files an earlier run listed but did not get to (cancelled, or the app quit), as
   * a cancellable job of kind `import` in its `analysing` phase; call once at startup. Resolves
   * when done, with what became of them; an import started meanwhile takes the rest over.
   */
  async resumeAnalysis(progress: ProgressSink): Promise<{ analysed: number; failed: number }> {
    const db = this.database();
    if (new SampleStore(db).pending().length === 0) return { analysed: 0, failed: 0 };
    const job = this.jobs.start();
    const running = analysePending(db, {
      signal: job.signal,
      onProgress: (p) =>
        progress({ jobId: job.jobId, kind: 'import', phase: 'analysing', done: p.done, total: p.total, current: p.current, rate: p.filesPerSecond, etaSeconds: p.etaSeconds, state: 'running' }),
    });
    this.resumed = { cancel: () => this.jobs.cancel(job.jobId), done: running };
    try {
      const result = await running;
      progress({ jobId: job.jobId, kind: 'import', phase: 'analysing', done: result.analysed + result.failed.length, total: null, current: null, rate: 0, etaSeconds: null, state: result.cancelled ? 'cancelled' : 'finished' });
      return { analysed: result.analysed, failed: result.failed.length };
    } finally {
      this.resumed = null;
      job.finish();
    }
  }

  search(query: SearchQuery): SearchResult {
    let key: string | undefined;
    if (query.key !== undefined) {
      key = parseKey(query.key) ?? undefined;
      if (!key) throw new GlowroomError('invalid-args', `"${query.key}" is not a key; write it like Cmin, F#, Am or Bb major.`);
    }
    const bpm = rangeOf(query.bpmMin, query.bpmMax);
    const result = searchSamples(this.database(), {
      text: query.text,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(bpm ? { bpm } : {}),
      ...(key ? { key, compatibleKeys: query.compatibleKeys } : {}),
      ...(query.pack ? { pack: query.pack } : {}),
      ...(query.folder ? { folder: query.folder } : {}),
      ...(query.format ? { format: query.format } : {}),
      favouritesOnly: query.favouritesOnly,
      ...(query.collectionId !== undefined ? { collectionId: query.collectionId } : {}),
      sort: query.sort === 'relevance' && !query.text.trim() ? 'name' : query.sort,
      descending: query.descending,
      limit: query.limit,
      offset: query.offset,
    });
    // A record is the contract's row plus the date added, which the dispatcher's check of the
    // result leaves out: copying 500 records into rows of their own doubled the objects a page makes.
    return result;
  }

  /** Hash → the library's files with those bytes that are on disk, for relinking moved audio by content. */
  findByHash(hashes: readonly string[]): { found: Record<string, string[]> } {
    return { found: filesByHash(this.database(), hashes) };
  }

  /** The packs and their folder trees, with sample counts. */
  packs(): PacksResult {
    return { packs: listPacks(this.database()) };
  }

  setFavourite(id: number, favourite: boolean): { favourite: boolean } {
    if (!new SampleStore(this.database()).setFavourite(id, favourite)) throw new GlowroomError('not-found', `No sample ${id} in the library; search again.`);
    return { favourite };
  }

  /** Keeps the tempo a user gave `file` (tap tempo); a file the library does not hold changes nothing. */
  setTempo(file: string, bpm: number): { updated: number } {
    return { updated: new SampleStore(this.database()).setTempo(file, bpm) };
  }

  /** Starts watching the folders recorded in the library (call once at startup); returns them. */
  async startWatching(): Promise<{ folders: WatchedFolder[] }> {
    return { folders: await this.folderWatcher().start() };
  }

  /** Watches `path` (a folder) from now on, and across restarts; imports it once to catch up. */
  async watch(path: string): Promise<WatchedFolder> {
    return this.folderWatcher().watch(path);
  }

  /** Stops watching `path`; its samples stay. `watching` was true when it had been watched. */
  unwatch(path: string): { watching: boolean } {
    return { watching: this.folderWatcher().unwatch(path) };
  }

  /** The watched folders, by path. */
  watched(): { folders: WatchedFolder[] } {
    return { folders: this.folderWatcher().watched() };
  }

  /** Whether the library indexed `file` or watches a folder above it: the user gave it these by importing them. */
  holds(file: string): boolean {
    if (this.database().prepare('SELECT 1 FROM samples WHERE path = ?').get(file)) return true;
    return this.watched().folders.some((folder) => {
      const relative = nodePath.relative(folder.path, file);
      return !relative.startsWith('..') && !nodePath.isAbsolute(relative);
    });
  }

  /** Every collection by name, with its sample count. */
  collections(): { collections: CollectionInfo[] } {
    return { collections: listCollections(this.database()) };
  }

  /** Creates an empty collection; `invalid-args` for an empty or taken name (case-insensitive). */
  createCollection(name: string): CollectionInfo {
    return createCollection(this.database(), name);
  }

  /** Renames collection `id`; `not-found`, or `invalid-args` for a bad or taken name. */
  renameCollection(id: number, name: string): CollectionInfo {
    return renameCollection(this.database(), id, name);
  }

  /** Deletes collection `id` (never its samples); `deleted` is false when there was none. */
  deleteCollection(id: number): { deleted: boolean } {
    return { deleted: deleteCollection(this.database(), id) };
  }

  /** Adds samples to collection `id`, all or nothing; `added` counts those not in it before. */
  addToCollection(id: number, sampleIds: readonly number[]): { added: number } {
    return { added: addToCollection(this.database(), id, sampleIds) };
  }

  /** Takes samples out of collection `id`; `removed` counts those that were in it. */
  removeFromCollection(id: number, sampleIds: readonly number[]): { removed: number } {
    return { removed: removeFromCollection(this.database(), id, sampleIds) };
  }

  close(): void {
    this.resumed?.cancel();
    this.watcher?.dispose();
    this.watcher = null;
    this.db?.close();
    this.db = null;
  }

  private async stopResumedAnalysis(): Promise<void> {
    const resumed = this.resumed;
    if (!resumed) return;
    resumed.cancel();
    await resumed.done;
  }

  private folderWatcher(): LibraryWatcher {
    this.watcher ??= new LibraryWatcher(this.database(), {
      packsDir: packsDirFor(this.databasePath),
      onImported: (folder: string, result: ImportResult) =>
        this.options.onWatchedImport?.({ folder, indexed: result.indexed, moved: result.moved, missing: result.missing, failed: result.failed.length }),
    });
    return this.watcher;
  }

  private database(): LibraryDatabase {
    this.db ??= openLibraryDatabase(this.databasePath);
    return this.db;
  }
}

/** A search range from optional ends; undefined when both are open. */
function rangeOf(min: number | undefined, max: number | undefined): { min?: number; max?: number } | undefined {
  if (min === undefined && max === undefined) return undefined;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}
