/**
 * Watched folders: packs the library keeps up to date while the app runs. Changes under a
 * watched folder are collected for a quiet moment (debounced), then the smallest folders that
 * hold them are imported again incrementally: new files are indexed, changed ones re-analysed,
 * deleted ones flagged missing, moved ones followed. The folders themselves are remembered in
 * the `watched_folders` table, so the app can watch them again at its next start.
 */
import { watch, promises as fs, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { isAudioFileName } from '../audio-extensions';
import type { LibraryDatabase } from './database';
import { importFolders, type ImportResult } from './import';
import { isZipPath } from './zip-packs';

/** A folder the library watches. */
export interface WatchedFolder {
  /** Absolute. */
  readonly path: string;
  /** Milliseconds since the epoch. */
  readonly addedAt: number;
}

export interface WatcherOptions {
  /** Quiet time after the last change before re-importing; default 500 ms. */
  readonly debounceMs?: number;
  /** Analyze workers per re-import; default 1, so a watched folder never takes the machine. */
  readonly workers?: number;
  /** Where zip packs dropped into a watched folder are unpacked; default `<data folder>/Packs`. */
  readonly packsDir?: string;
  /**
   * `recursive`: one native recursive watch per folder (macOS, Windows); `per-folder`: one watch
   * per directory (Linux, where Node's recursive mode polls every file). Default by platform.
   */
  readonly mode?: 'recursive' | 'per-folder';
  /** After each re-import: the watched folder and what the import did. */
  readonly onImported?: (folder: string, result: ImportResult) => void;
  /** A re-import that threw (the library closed, the disk went away); watching goes on. */
  readonly onError?: (folder: string, error: unknown) => void;
}

/**
 * Watches the folders recorded in the library. `start` watches every recorded folder (and
 * catches up with what changed while the app was closed); `watch` adds one, `unwatch` removes
 * one; `dispose` stops everything, including a re-import under way. Re-imports run one at a
 * time across all folders, so SQLite sees one writer and the machine stays responsive.
 */
export class LibraryWatcher {
  private readonly folders = new Map<string, FolderWatch>();
  private readonly options: Required<Pick<WatcherOptions, 'debounceMs' | 'workers' | 'mode'>> & WatcherOptions;
  private queue: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();
  private disposed = false;

  constructor(
    private readonly db: LibraryDatabase,
    options: WatcherOptions = {},
  ) {
    this.options = { debounceMs: 500, workers: 1, mode: process.platform === 'linux' ? 'per-folder' : 'recursive', ...options };
  }

  /** The recorded folders, by path. */
  watched(): WatchedFolder[] {
    return this.db.prepare<[], WatchedFolder>('SELECT path, added_at AS addedAt FROM watched_folders ORDER BY path').all();
  }

  /** Starts watching every recorded folder and schedules a catch-up import of each. */
  async start(): Promise<WatchedFolder[]> {
    const folders = this.watched();
    for (const folder of folders) await this.begin(folder.path);
    return folders;
  }

  /**
   * Records `folder` and watches it, importing it once now to catch up. `not-found` or
   * `wrong-kind` when it is not a folder. Watching a folder already watched changes nothing.
   */
  async watch(folder: string, now: number = Date.now()): Promise<WatchedFolder> {
    this.checkOpen();
    const absolute = path.resolve(folder);
    const stat = await fs.stat(absolute).catch(() => null);
    if (!stat) throw new GlowroomError('not-found', `Cannot watch ${absolute}: there is no such folder.`);
    if (!stat.isDirectory()) throw new GlowroomError('wrong-kind', `Cannot watch ${absolute}: it is a file; watch the folder that holds it.`);
    this.db.prepare('INSERT OR IGNORE INTO watched_folders (path, added_at) VALUES (?, ?)').run(absolute, now);
    await this.begin(absolute);
    return this.db.prepare<[string], WatchedFolder>('SELECT path, added_at AS addedAt FROM watched_folders WHERE path = ?').get(absolute) as WatchedFolder;
  }

  /** Stops watching `folder` and forgets it; its samples stay in the library. False when it was not watched. */
  unwatch(folder: string): boolean {
    const absolute = path.resolve(folder);
    this.folders.get(absolute)?.close();
    this.folders.delete(absolute);
    return this.db.prepare('DELETE FROM watched_folders WHERE path = ?').run(absolute).changes === 1;
  }

  /** Resolves once no change is waiting and no re-import is running: for tests and shutdown. */
  async settled(): Promise<void> {
    for (;;) {
      const queued = this.queue;
      await queued;
      const waiting = [...this.folders.values()].some((watch) => watch.hasPending());
      if (!waiting && queued === this.queue) return;
      await new Promise((resolve) => setTimeout(resolve, this.options.debounceMs / 2));
    }
  }

  /** Stops every watch and cancels a re-import under way (what it finished is kept). */
  dispose(): void {
    this.disposed = true;
    this.abort.abort();
    for (const watch of this.folders.values()) watch.close();
    this.folders.clear();
  }

  private async begin(folder: string): Promise<void> {
    if (this.folders.has(folder)) return;
    const watch = new FolderWatch(folder, this.options.mode, this.options.debounceMs, (scopes) => this.enqueue(folder, scopes));
    this.folders.set(folder, watch);
    await watch.open();
    watch.touch(folder);
  }

  private enqueue(folder: string, scopes: readonly string[]): Promise<void> {
    const run = async () => {
      const watch = this.folders.get(folder);
      if (this.disposed || !watch) return;
      try {
        const result = await importFolders(
          this.db,
          scopes.map((scope) => ({ path: scope, base: folder })),
          { workers: this.options.workers, signal: this.abort.signal, ...(this.options.packsDir ? { packsDir: this.options.packsDir } : {}) },
        );
        if (!this.disposed) this.options.onImported?.(folder, result);
      } catch (error) {
        if (!this.disposed) this.options.onError?.(folder, error);
      }
    };
    this.queue = this.queue.then(run);
    return this.queue;
  }

  private checkOpen(): void {
    if (this.disposed) throw new GlowroomError('internal', 'The library watcher was already stopped.');
  }
}

/** The watch on one folder: file-system events in, debounced import scopes out. */
class FolderWatch {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private firing = false;
  private closed = false;

  constructor(
    private readonly root: string,
    private readonly mode: 'recursive' | 'per-folder',
    private readonly debounceMs: number,
    private readonly flush: (scopes: readonly string[]) => Promise<void>,
  ) {}

  async open(): Promise<void> {
    if (this.mode === 'recursive') this.watchDir(this.root, true);
    else await this.watchTree(this.root);
  }

  /** Notes a changed path and (re)starts the quiet-time timer. */
  touch(changed: string): void {
    if (this.closed) return;
    this.pending.add(changed);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.fire(), this.debounceMs);
  }

  /** Changes noted and not yet handed to an import. */
  hasPending(): boolean {
    return this.pending.size > 0 || this.timer !== null || this.firing;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private async fire(): Promise<void> {
    this.timer = null;
    this.firing = true;
    try {
      const changed = [...this.pending];
      this.pending.clear();
      const scopes = new Set<string>();
      for (const file of changed) {
        // A changed file that is neither audio nor a zip pack (a readme, a project) cannot change the library.
        const stat = await fs.stat(file).catch(() => null);
        if (stat?.isFile() && !isAudioFileName(file) && !isZipPath(file)) continue;
        scopes.add(await this.existingFolderOf(file, stat?.isDirectory() ?? false));
      }
      // A folder's import covers its subfolders.
      const sorted = [...scopes].sort((a, b) => a.length - b.length);
      const outermost = sorted.filter((scope, i) => !sorted.slice(0, i).some((outer) => scope === outer || scope.startsWith(outer + path.sep)));
      if (outermost.length === 0 || this.closed) return;
      // Watch new folders before importing them, so a file landing meanwhile is not missed.
      if (this.mode === 'per-folder') await this.rewatch(outermost);
      await this.flush(outermost);
    } finally {
      this.firing = false;
    }
  }

  /** Drops watches on folders that went; watches the folders under `scopes` that appeared. */
  private async rewatch(scopes: readonly string[]): Promise<void> {
    for (const [dir, watcher] of this.watchers) {
      if (!(await isDirectory(dir))) {
        watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const scope of scopes) await this.watchTree(scope);
  }

  /** The nearest folder at or above `changed` that still exists, never above the root. */
  private async existingFolderOf(changed: string, isFolder: boolean): Promise<string> {
    let dir = isFolder ? changed : path.dirname(changed);
    while (dir !== this.root && dir.startsWith(this.root + path.sep) && !(await isDirectory(dir))) dir = path.dirname(dir);
    return dir.startsWith(this.root + path.sep) ? dir : this.root;
  }

  private async watchTree(top: string): Promise<void> {
    const visited = new Set<string>();
    const pending = [top];
    while (pending.length > 0 && !this.closed) {
      const dir = pending.pop() as string;
      const real = await fs.realpath(dir).catch(() => null);
      if (real === null || visited.has(real)) continue;
      visited.add(real);
      this.watchDir(dir, false);
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) if (entry.isDirectory()) pending.push(path.join(dir, entry.name));
    }
  }

  private watchDir(dir: string, recursive: boolean): void {
    if (this.closed || this.watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive, persistent: false }, (_event, name) => this.touch(name ? path.join(dir, name.toString()) : dir));
    } catch {
      // Unreadable, or gone already: the next import reports it.
      return;
    }
    // A watched folder that is deleted or becomes unreadable: rescan what holds it.
    watcher.on('error', () => {
      watcher.close();
      this.watchers.delete(dir);
      this.touch(dir);
    });
    this.watchers.set(dir, watcher);
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  return fs.stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
