/**
 * Finds a project's moved audio under a folder the user names: by content (the SHA-256 the
 * project stored for the source) and by file name, so a file that was moved and renamed is still
 * recognised, and one that only moved is found even before the project knew its hash.
 */
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GlowroomError } from '../../../src/std/errors';
import { sha256OfFile } from '../content-hash';
import { scanRoots, type ScanFailure } from '../library/scan';

/** A missing file: its name, and its content hash when the project knows it. */
export interface WantedFile {
  readonly name: string;
  readonly sha256?: string | undefined;
}

/** Where a wanted file was found, by its bytes and by its name; null where it was not. */
export interface FoundFile {
  readonly byContent: string | null;
  readonly byName: string | null;
}

/** How far a folder search is. */
export interface FolderSearchProgress {
  /** Audio files looked at: hashed, or passed over because no wanted hash was left to find. */
  readonly done: number;
  /** Audio files under the folder; null while the folder is still being walked. */
  readonly total: number | null;
  /** The file just hashed; null while walking and at the end. */
  readonly current: string | null;
  readonly filesPerSecond: number;
  /** Seconds left at the current speed if every file had to be hashed; null until one was. */
  readonly etaSeconds: number | null;
}

export interface FolderSearchOptions {
  /** Aborting stops the search between files; the answer is then `cancelled` and holds nothing. */
  readonly signal?: AbortSignal;
  /** Called when walking starts, at most every `progressEveryMs` while hashing, and once at the end. */
  readonly onProgress?: (progress: FolderSearchProgress) => void;
}

/** A finished search answers for each wanted file, in order; a cancelled one answers nothing. */
export type FolderSearch = { readonly cancelled: false; readonly found: FoundFile[] } | { readonly cancelled: true };

/** Hashing reports at most this often: small files hash by the thousand each second. */
const progressEveryMs = 100;

/**
 * Walks `folder` (depth first, in name order, so the answer is the same every time) and answers
 * for each wanted file, in order, the first audio file with its bytes and the first with its name.
 * Files are hashed one at a time, streamed, yielding to the event loop between files, and only
 * while some wanted hash is still unfound, same-named files first, since a file that only moved is
 * the common case.
 */
export async function findMovedFiles(folder: string, wanted: readonly WantedFile[], options: FolderSearchOptions = {}): Promise<FolderSearch> {
  const { signal, onProgress } = options;
  const root = path.resolve(folder);
  onProgress?.({ done: 0, total: null, current: null, filesPerSecond: 0, etaSeconds: null });
  const failures: ScanFailure[] = [];
  const { files } = await scanRoots([root], failures, signal);
  const rootFailure = failures.find((failure) => failure.path === root);
  if (rootFailure) throw new GlowroomError('not-found', `Cannot search ${root}: ${rootFailure.reason}`);
  if (signal?.aborted) return { cancelled: true };

  const byName = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file.path);
    if (!byName.has(name)) byName.set(name, file.path);
  }
  const byHash = await filesWithHashes(
    files.map((file) => file.path),
    new Set(wanted.flatMap((file) => (file.sha256 ? [file.sha256] : []))),
    new Set(wanted.map((file) => file.name)),
    options,
  );
  if (byHash === null) return { cancelled: true };
  return {
    cancelled: false,
    found: wanted.map((file) => ({
      byContent: file.sha256 ? (byHash.get(file.sha256) ?? null) : null,
      byName: byName.get(file.name) ?? null,
    })),
  };
}

/**
 * Hash → the first of `files` with it, for the `hashes` wanted; files named in `names` are hashed
 * first. Stops once every hash is found; null when `signal` aborted first.
 */
async function filesWithHashes(
  files: readonly string[],
  hashes: ReadonlySet<string>,
  names: ReadonlySet<string>,
  { signal, onProgress }: FolderSearchOptions,
): Promise<Map<string, string> | null> {
  const found = new Map<string, string>();
  const named = files.filter((file) => names.has(path.basename(file)));
  const order = hashes.size === 0 ? [] : [...named, ...files.filter((file) => !names.has(path.basename(file)))];
  const started = performance.now();
  let hashed = 0;
  let reportedAt = -Infinity;
  const report = (current: string | null) => {
    const seconds = (performance.now() - started) / 1000;
    const filesPerSecond = seconds > 0 ? hashed / seconds : 0;
    const etaSeconds = hashed > 0 && filesPerSecond > 0 ? (order.length - hashed) / filesPerSecond : null;
    reportedAt = performance.now();
    // Files left unhashed once every wanted hash is found count as done: nothing is left to look at.
    const done = current === null ? files.length : hashed;
    onProgress?.({ done, total: files.length, current, filesPerSecond, etaSeconds });
  };
  for (const file of order) {
    if (found.size === hashes.size) break;
    if (signal?.aborted) return null;
    // A file that cannot be read (vanished, no permission) is simply not the one we look for.
    const hash = await sha256OfFile(file, signal).catch(() => null);
    if (signal?.aborted) return null;
    hashed++;
    if (hash !== null && hashes.has(hash) && !found.has(hash)) found.set(hash, file);
    if (performance.now() - reportedAt >= progressEveryMs) report(file);
    // Cached small files can hash without a real wait; let calls such as `job.cancel` in.
    await nextTurn();
  }
  if (signal?.aborted) return null;
  report(null);
  return found;
}
