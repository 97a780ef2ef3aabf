import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GlowroomError } from '../../../src/std/errors';
import { dataDir } from '../data-dir';
import { migrations as shippedMigrations, type Migration } from './migrations';

export type LibraryDatabase = Database.Database;

/** One step of bringing a library written by an older Glowroom up to this version, reported before it runs. */
export interface UpgradeStep {
  /** 1-based, of `steps`. */
  readonly step: number;
  readonly steps: number;
  /** The schema version the library had, and the one it gets. */
  readonly from: number;
  readonly to: number;
  /** What the step adds (the migration's description). */
  readonly description: string;
}

/** Where the library lives unless the caller names a file: `<data folder>/library.sqlite3`. */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(dataDir(env), 'library.sqlite3');
}

/**
 * Opens (creating if needed) the library database at `file` (`:memory:` for a throwaway one) and brings its schema up to date.
 * WAL lets searches run while an import writes; foreign keys keep collections consistent. A
 * library written by a newer Glowroom is refused rather than guessed at, and a file that is not
 * a library is refused without being touched. The caller closes the database.
 */
export function openLibraryDatabase(
  file: string = defaultLibraryPath(),
  migrations: readonly Migration[] = shippedMigrations,
  /** Told before each step of an upgrade of an existing library (a 100,000-sample one takes seconds), not when a new one is made. */
  onUpgradeStep?: (step: UpgradeStep) => void,
): LibraryDatabase {
  const inMemory = file === ':memory:';
  const absolute = inMemory ? file : path.resolve(file);
  try {
    if (!inMemory) mkdirSync(path.dirname(absolute), { recursive: true });
  } catch (error) {
    throw new GlowroomError('io', `Cannot create the folder for the library ${absolute} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions or choose another place.`);
  }
  let db: LibraryDatabase;
  try {
    db = new Database(absolute);
  } catch (error) {
    throw new GlowroomError('io', `Cannot open the library ${absolute}: ${(error as Error).message}. Check the file's permissions.`);
  }
  try {
    prepare(db, absolute, migrations, onUpgradeStep);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Runs `write` (a transaction on the library) and turns SQLite's storage errors into messages a
 * producer can act on: a full disk, or one that fails. The transaction was rolled back, so the
 * library holds what it held before it; other errors pass unchanged.
 */
export function writeLibrary<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_FULL') {
      throw new GlowroomError('io', 'The disk that holds the library is full: free some space and import again. What was imported before this point is kept.');
    }
    if (typeof code === 'string' && code.startsWith('SQLITE_IOERR')) {
      throw new GlowroomError('io', 'The library could not be written (the disk reported an error): check the drive and import again. What was imported before this point is kept.');
    }
    throw error;
  }
}

/**
 * The schema versions an existing library at `file` would be upgraded from and to when opened,
 * or null when it is up to date, newer, new (version 0) or not there. Opens it read-only and
 * changes nothing; a file that is no library is left for `openLibraryDatabase` to refuse.
 */
export function pendingUpgrade(file: string, migrations: readonly Migration[] = shippedMigrations): { from: number; to: number } | null {
  if (file === ':memory:' || !existsSync(file)) return null;
  let db: LibraryDatabase | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    return version > 0 && version < migrations.length ? { from: version, to: migrations.length } : null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

function prepare(db: LibraryDatabase, file: string, migrations: readonly Migration[], onUpgradeStep?: (step: UpgradeStep) => void): void {
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new GlowroomError('bad-format', `${file} is not a Glowroom library (not an SQLite database). Move it aside or choose another file.`);
    }
    throw error;
  }
  if (version > migrations.length) {
    throw new GlowroomError(
      'unsupported',
      `The library ${file} was written by a newer Glowroom (schema version ${version}; this version reads up to ${migrations.length}). Update Glowroom, or choose another library file.`,
    );
  }
  const hasFts5 = (db.pragma('compile_options') as { compile_options: string }[]).some((o) => o.compile_options === 'ENABLE_FTS5');
  if (!hasFts5) throw new GlowroomError('internal', 'This build of SQLite lacks FTS5, which the library search needs; reinstall with `npm ci`.');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Searches read index pages all over the file: mapped into memory they cost no system call each,
  // and a 64 MiB page cache keeps a 100,000-sample library's indexes warm between keystrokes.
  db.pragma('mmap_size = 268435456');
  db.pragma('cache_size = -65536');
  const steps = migrations.length - version;
  migrations.slice(version).forEach((migration, i) => {
    if (version > 0) onUpgradeStep?.({ step: i + 1, steps, from: version, to: migrations.length, description: migration.description });
    // Each step commits with its version, so a crash leaves the library at a known version.
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${version + i + 1}`);
    })();
  });
  // Query-planner statistics: without them SQLite may walk an index row by row where a table scan
  // is cheaper. 0x10002 (SQLite's advice for long-lived connections) refreshes stale ones quickly.
  db.pragma('optimize = 0x10002');
}
