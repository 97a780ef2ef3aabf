/**
 * The packs in the library and the folders inside them, for the pack tree of the library panel.
 * Missing files are not counted: the tree shows what a search without filters would find.
 */
import type { LibraryDatabase } from './database';

/** A folder inside a pack. */
export interface PackFolder {
  /** '/'-separated inside the pack (`Drums/Kicks`), as search's `folder` filter takes it. */
  readonly path: string;
  /** Samples in this folder and below it. */
  readonly count: number;
}

export interface PackInfo {
  readonly name: string;
  readonly count: number;
  /** Every folder that holds samples at some depth, parents before children, by name. */
  readonly folders: PackFolder[];
}

/** The packs by name (case-insensitive), each with its folder tree flattened. */
export function listPacks(db: LibraryDatabase): PackInfo[] {
  const rows = db
    .prepare<[], { pack: string; folder: string; count: number }>('SELECT pack, folder, count(*) AS count FROM samples WHERE missing = 0 GROUP BY pack, folder')
    .all();
  const packs = new Map<string, { count: number; folders: Map<string, number> }>();
  for (const row of rows) {
    const pack = packs.get(row.pack) ?? { count: 0, folders: new Map<string, number>() };
    packs.set(row.pack, pack);
    pack.count += row.count;
    // A sample in Drums/Kicks counts for Drums/Kicks and for Drums.
    const segments = row.folder === '' ? [] : row.folder.split('/');
    for (let depth = 1; depth <= segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      pack.folders.set(folder, (pack.folders.get(folder) ?? 0) + row.count);
    }
  }
  return [...packs]
    .sort(([a], [b]) => byName(a, b))
    .map(([name, pack]) => ({
      name,
      count: pack.count,
      folders: [...pack.folders].map(([path, count]) => ({ path, count })).sort((a, b) => byPath(a.path, b.path)),
    }));
}

/** Case-insensitive, then exact, so the order is total (as SQLite's NOCASE sorts pack names). */
function byName(a: string, b: string): number {
  return compare(a.toLowerCase(), b.toLowerCase()) || compare(a, b);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Segment by segment, so a folder comes before its children and siblings sort by name. */
function byPath(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = byName(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return left.length - right.length;
}
