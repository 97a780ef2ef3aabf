import type { Statement } from 'better-sqlite3';
import type { LibraryDatabase } from './database';

/**
 * Every sample's place in name order (NOCASE, then id), its missing flag and its name, held in
 * memory per open library, so a free-text search orders its matches by comparing two integers
 * instead of looking up thousands of names in SQLite (≈ 5 ms for the 10,000 matches of 'kick' at
 * 100,000 rows). Read again, in one walk of the names index (migration 11), whenever the names
 * version moves: the triggers of migration 11 move it on every insert, rename, missing flag and
 * delete, from any connection; writes that change other columns (analysis, favourites) leave the
 * order as it is. About 12 bytes per sample plus the names.
 */
export interface NameOrder {
  /** By id: the place in name order, or −1 for no such sample. */
  readonly rank: Int32Array;
  /** By place in name order: the id. */
  readonly idAt: Int32Array;
  /** By id: 1 when the file is missing. */
  readonly missing: Uint8Array;
  /** By id: the name's words in lower case without diacritics, space-separated with a space at each end (filled in when first asked for). */
  readonly words: (string | undefined)[];
  /** By id: the file name. */
  readonly names: readonly (string | undefined)[];
}

/** Per open library: its version statement, and what was read at which version. */
const kept = new WeakMap<LibraryDatabase, { readVersion: Statement; version: number; order: NameOrder | null }>();

export function nameOrder(db: LibraryDatabase): NameOrder {
  let last = kept.get(db);
  if (!last) {
    last = { readVersion: db.prepare('SELECT n FROM sample_names_version').pluck(), version: 0, order: null };
    kept.set(db, last);
  }
  const version = last.readVersion.get() as number;
  if (last.order && last.version === version) return last.order;
  const rows = db.prepare('SELECT id, missing, name FROM sample_names INDEXED BY sample_names_by_name ORDER BY name COLLATE NOCASE, id').raw(true).all() as [number, number, string][];
  let maxId = 0;
  for (const [id] of rows) if (id > maxId) maxId = id;
  const rank = new Int32Array(maxId + 1).fill(-1);
  const idAt = new Int32Array(rows.length);
  const missing = new Uint8Array(maxId + 1);
  const names: (string | undefined)[] = new Array<string | undefined>(maxId + 1);
  rows.forEach(([id, isMissing, name], i) => {
    rank[id] = i;
    idAt[i] = id;
    missing[id] = isMissing;
    names[id] = name;
  });
  const order: NameOrder = { rank, idAt, missing, names, words: new Array<string | undefined>(maxId + 1) };
  last.version = version;
  last.order = order;
  return order;
}

/** A sample's name words as `NameOrder.words` holds them, worked out once per read of the order. */
export function nameWords(order: NameOrder, id: number): string {
  let words = order.words[id];
  if (words === undefined) {
    words = ` ${foldedWords(order.names[id] ?? '').join(' ')} `;
    order.words[id] = words;
  }
  return words;
}

/**
 * Words as the full-text index splits and folds them (unicode61, remove_diacritics 2): runs of
 * letters and digits, in lower case, accents removed. Used on names and on what the user typed.
 */
export function foldedWords(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- ASCII needs no decomposition; only other text is normalised.
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}+/gu, '');
  return plain.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
