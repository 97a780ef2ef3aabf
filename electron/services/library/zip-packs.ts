/**
 * Sample packs that arrive as `.zip`: unpacked once, safely, into a folder the library manages
 * (`<data folder>/Packs/<zip name>/`) and then indexed in place like any folder. The zip is
 * trusted no more than a project bundle: the same reader and the same entry rules (no `..`,
 * absolute paths, links, clashing names or zip bombs) decide before a byte is written.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { checkBundleEntries, defaultBundleLimits, type BundleLimits, type SafeEntry } from '../projects/bundle-rules';
import { sha256OfFile } from '../content-hash';
import { errnoOf, syncFolder } from '../fs-helpers';
import { extractZipEntry, readZipEntries } from '../projects/zip-reader';
import { dataDir } from '../data-dir';
import type { LibraryDatabase } from './database';

/** Where unpacked zips go for a library stored at `libraryFile`: `Packs` beside it (the data folder by default). */
export function packsDirFor(libraryFile?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (libraryFile === undefined || libraryFile === ':memory:') return path.join(dataDir(env), 'Packs');
  return path.join(path.dirname(path.resolve(libraryFile)), 'Packs');
}

export function isZipPath(file: string): boolean {
  return path.extname(file).toLowerCase() === '.zip';
}

/** A zip pack ready to index. */
export interface UnpackedPack {
  /** The folder holding the pack's files. */
  readonly folder: string;
  /** The zip's name without `.zip` (for a zip unpacked before: the name it was given then). */
  readonly pack: string;
  /** True when this zip (same size and time, or same content) had been unpacked before. */
  readonly reused: boolean;
}

/** Operating-system litter that zips made on a Mac or in Windows Explorer carry; never unpacked. */
function isLitter(safe: SafeEntry): boolean {
  const first = safe.segments[0] ?? '';
  const last = safe.segments.at(-1) ?? '';
  return first === '__MACOSX' || last === '.DS_Store' || last === 'Thumbs.db' || last === 'desktop.ini';
}

interface ZipPackRow {
  source_path: string;
  pack: string;
  size: number;
  mtime_ms: number;
  content_hash: string;
  folder: string;
}

/**
 * Unpacks the zip `zipFile` into a new folder in `packsDir` (`<name>`, or `<name> 2`… when
 * taken) unless the library has unpacked it before and that folder is still there. Every entry
 * is checked first; everything is written into a hidden temporary folder inside `packsDir` and
 * renamed into place only when all of it unpacked with the right sizes and checksums, so a
 * refused or cancelled zip leaves nothing behind. Errors: `not-found`, `io`, `cancelled`, and
 * `bad-format`/`unsupported` naming the offending entry.
 */
export async function unpackZipPack(
  db: LibraryDatabase,
  zipFile: string,
  packsDir: string,
  options: { readonly signal?: AbortSignal; readonly limits?: BundleLimits } = {},
): Promise<UnpackedPack> {
  const source = path.resolve(zipFile);
  const label = path.basename(source);
  const pack = label.slice(0, -path.extname(label).length) || 'Pack';
  let stat;
  try {
    stat = await fs.stat(source);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw new GlowroomError('not-found', `The zip ${source} was not found; it may have been moved or deleted.`);
    throw new GlowroomError('io', `Cannot read the zip ${source} (${errnoOf(error) ?? String(error)}); check its permissions.`);
  }
  if (!stat.isFile()) throw new GlowroomError('wrong-kind', `${source} is a folder, not a zip file.`);
  const size = stat.size;
  const mtimeMs = Math.trunc(stat.mtimeMs);

  const bySource = db.prepare<[string], ZipPackRow>('SELECT * FROM zip_packs WHERE source_path = ?').get(source);
  if (bySource && bySource.size === size && bySource.mtime_ms === mtimeMs && (await isFolder(bySource.folder))) {
    return { folder: bySource.folder, pack: bySource.pack, reused: true };
  }
  const contentHash = await hashFile(source, label);
  const remember = db.prepare(
    `INSERT INTO zip_packs (source_path, size, mtime_ms, content_hash, folder, pack, unpacked_at) VALUES (@source, @size, @mtimeMs, @contentHash, @folder, @pack, @now)
     ON CONFLICT (source_path) DO UPDATE SET size = @size, mtime_ms = @mtimeMs, content_hash = @contentHash, folder = @folder, pack = @pack, unpacked_at = @now`,
  );
  // The same bytes under another name or date: the pack keeps the folder and name it has.
  for (const row of db.prepare<[string, string], ZipPackRow>('SELECT * FROM zip_packs WHERE content_hash = ? ORDER BY source_path = ? DESC').all(contentHash, source)) {
    if (!(await isFolder(row.folder))) continue;
    remember.run({ source, size, mtimeMs, contentHash, folder: row.folder, pack: row.pack, now: Date.now() });
    return { folder: row.folder, pack: row.pack, reused: true };
  }

  const entries = await readCheckedEntries(source, label, options.limits ?? defaultBundleLimits);
  try {
    await fs.mkdir(packsDir, { recursive: true });
  } catch (error) {
    throw new GlowroomError('io', `Cannot create the folder for unpacked packs ${packsDir} (${errnoOf(error) ?? String(error)}); check its permissions.`);
  }
  const staging = await fs.mkdtemp(path.join(packsDir, '.glowroom-unpack-'));
  try {
    for (const safe of entries) {
      if (options.signal?.aborted) throw new GlowroomError('cancelled', `Unpacking ${label} was cancelled; nothing was kept.`);
      if (isLitter(safe)) continue;
      const target = path.join(staging, ...safe.segments);
      // The rules already guarantee this; a second lock on the door costs nothing.
      if (!target.startsWith(staging + path.sep)) throw new GlowroomError('internal', `"${safe.entry.name}" resolved outside the unpack folder.`);
      if (safe.isFolder) await fs.mkdir(target, { recursive: true });
      else {
        await fs.mkdir(path.dirname(target), { recursive: true });
        await extractZipEntry(source, safe.entry, target, label);
      }
    }
    const folder = await renameToFreeName(staging, packsDir, portableFolderName(pack));
    await syncFolder(packsDir);
    remember.run({ source, size, mtimeMs, contentHash, folder, pack, now: Date.now() });
    return { folder, pack, reused: false };
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    if (error instanceof GlowroomError) throw error;
    throw new GlowroomError('io', `Could not unpack ${label} into ${packsDir} (${errnoOf(error) ?? String(error)}); check there is space. Nothing was kept.`);
  }
}

async function readCheckedEntries(zipFile: string, label: string, limits: BundleLimits): Promise<SafeEntry[]> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(zipFile, 'r');
  } catch (error) {
    throw new GlowroomError('io', `Cannot read the zip ${zipFile} (${errnoOf(error) ?? String(error)}).`);
  }
  try {
    return checkBundleEntries(await readZipEntries(handle, label, limits.maxEntries), label, limits);
  } finally {
    await handle.close();
  }
}

async function hashFile(file: string, label: string): Promise<string> {
  try {
    return await sha256OfFile(file);
  } catch (error) {
    throw new GlowroomError('io', `Cannot read the zip ${label} (${errnoOf(error) ?? String(error)}).`);
  }
}

async function isFolder(folder: string): Promise<boolean> {
  return fs.stat(folder).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** A zip's name made safe as one folder name on every OS. */
function portableFolderName(name: string): string {
  const cleaned = [...name]
    .map((char) => (char < ' ' || '<>:"/\\|?*'.includes(char) ? '_' : char))
    .join('')
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  return cleaned || 'Pack';
}

/** Renames `from` to `<into>/<name>`, or `<name> 2`, `<name> 3`… if taken; returns the path. */
async function renameToFreeName(from: string, into: string, name: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(into, n === 1 ? name : `${name} ${n}`);
    if (await fs.lstat(candidate).then(() => true, () => false)) continue;
    try {
      await fs.rename(from, candidate);
      return candidate;
    } catch (error) {
      // Someone created it meanwhile (renaming onto a non-empty folder fails): try the next name.
      if (errnoOf(error) !== 'ENOTEMPTY' && errnoOf(error) !== 'EEXIST') throw error;
    }
  }
}
