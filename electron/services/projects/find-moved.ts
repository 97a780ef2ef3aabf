/**
 * Finds a project's moved audio under a folder the user names: by content (the SHA-256 the
 * project stored for the source) and by file name, so a file that was moved and renamed is still
 * recognised, and one that only moved is found even before the project knew its hash.
 */
import path from 'node:path';
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

/**
 * Walks `folder` (depth first, in name order, so the answer is the same every time) and answers
 * for each wanted file, in order, the first audio file with its bytes and the first with its name.
 * Files are hashed only while some wanted hash is still unfound, same-named files first, since a
 * file that only moved is the common case.
 */
export async function findMovedFiles(folder: string, wanted: readonly WantedFile[]): Promise<FoundFile[]> {
  const root = path.resolve(folder);
  const failures: ScanFailure[] = [];
  const { files } = await scanRoots([root], failures);
  const rootFailure = failures.find((failure) => failure.path === root);
  if (rootFailure) throw new GlowroomError('not-found', `Cannot search ${root}: ${rootFailure.reason}`);

  const byName = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file.path);
    if (!byName.has(name)) byName.set(name, file.path);
  }
  const byHash = await filesWithHashes(
    files.map((file) => file.path),
    new Set(wanted.flatMap((file) => (file.sha256 ? [file.sha256] : []))),
    new Set(wanted.map((file) => file.name)),
  );
  return wanted.map((file) => ({
    byContent: file.sha256 ? (byHash.get(file.sha256) ?? null) : null,
    byName: byName.get(file.name) ?? null,
  }));
}

/** Hash → the first of `files` with it, for the `hashes` wanted; files named in `names` are hashed first. */
async function filesWithHashes(files: readonly string[], hashes: ReadonlySet<string>, names: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (hashes.size === 0) return found;
  const named = files.filter((file) => names.has(path.basename(file)));
  const order = [...named, ...files.filter((file) => !names.has(path.basename(file)))];
  for (const file of order) {
    if (found.size === hashes.size) break;
    // A file that cannot be read (vanished, no permission) is simply not the one we look for.
    const hash = await sha256OfFile(file).catch(() => null);
    if (hash !== null && hashes.has(hash) && !found.has(hash)) found.set(hash, file);
  }
  return found;
}
