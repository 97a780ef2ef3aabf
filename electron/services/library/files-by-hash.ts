/**
 * Library files by the SHA-256 of their bytes, for relinking a project's moved audio by content:
 * a project source's `sha256` is the hash the library stores as `content_hash`.
 */
import { existsSync } from 'node:fs';
import type { LibraryDatabase } from './database';

/**
 * Hash → the paths of the samples with that content whose files are on disk now, by path. A row
 * not yet marked missing is checked too, since its folder may not have been imported again since
 * the file left. Hashes no file has are left out.
 */
export function filesByHash(db: LibraryDatabase, hashes: readonly string[]): Record<string, string[]> {
  const query = db.prepare<[string], { path: string }>('SELECT path FROM samples WHERE content_hash = ? AND missing = 0 ORDER BY path');
  const found: Record<string, string[]> = {};
  for (const hash of new Set(hashes)) {
    const paths = query.all(hash).map((row) => row.path).filter((file) => existsSync(file));
    if (paths.length > 0) found[hash] = paths;
  }
  return found;
}
