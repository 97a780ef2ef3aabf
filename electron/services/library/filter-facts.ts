import type { Statement } from 'better-sqlite3';
import type { LibraryDatabase } from './database';

/**
 * Every sample's filter columns (missing, kind, favourite, format, tempo, key, length, pack, folder)
 * held in memory per open library, so that a search tests its candidates here instead of in
 * SQLite: the 10,000 matches of 'pad' looked up in the id index took ≈ 7.5 ms at 100,000 samples,
 * and counting loops in six keys at 90–130 BPM there ≈ 8 ms, where a pass over these arrays takes
 * well under 1 ms (fact-filters.ts). Text columns are held as codes into a list of their distinct
 * values, so a test is an array read, never a string comparison. Read again in one walk of the id
 * index whenever the filters version moves: the triggers of migration 12 move it on every insert,
 * delete and change to one of these columns, from any connection. About 40 bytes per sample.
 */
export interface FilterFacts {
  /** One more than the highest id: the length of every array by id below. */
  readonly size: number;
  /** Every sample's id, in id order. */
  readonly ids: Int32Array;
  /** By id: 1 when the file is missing; 1 when a favourite. */
  readonly missing: Uint8Array;
  readonly favourite: Uint8Array;
  /** By id: tempo and length; NaN for no tempo (or no such sample), which no range test passes. */
  readonly bpm: Float64Array;
  readonly duration: Float64Array;
  /** Every sample has a kind: its code is 0 exactly where there is no such sample. */
  readonly kind: TextFacts;
  readonly format: TextFacts;
  readonly key: TextFacts;
  readonly pack: TextFacts;
  readonly folder: TextFacts;
}

/** A text column by id, as codes into its distinct values. */
export interface TextFacts {
  /** By id: the value's place in `values`; 0 for no such sample or no value (no key). */
  readonly codes: Int32Array;
  /** By code: the value as stored; `values[0]` stands for none and matches no filter. */
  readonly values: readonly string[];
}

export type TextColumn = 'kind' | 'format' | 'key' | 'pack' | 'folder';

/**
 * How long the filter columns must stay as they are before a search reads them all again
 * (≈ 250 ms of CPU at 100,000 samples). While an import's analysis writes tempos and keys, the
 * version moves many times a second: reading the facts again for each search made every filtered
 * search take ≈ 260 ms (10 writes a second, load 17), so until the writes settle searches test
 * their filters in SQLite instead. Tests set it to choose the way.
 */
export const factsSettling = { ms: 2_000 };

interface Kept {
  readonly readVersion: Statement;
  /** The facts, and the version they were read at. */
  facts: FilterFacts | null;
  version: number;
  /** The last version seen, and when (performance.now()) it was first seen. */
  seen: number;
  seenAt: number;
}

/** Per open library. */
const kept = new WeakMap<LibraryDatabase, Kept>();

/**
 * The facts as the library holds them now, or null while its filter columns are changing (they
 * changed less than `factsSettling.ms` ago, after a first read): then the caller asks SQLite.
 */
export function filterFacts(db: LibraryDatabase): FilterFacts | null {
  let last = kept.get(db);
  if (!last) {
    last = { readVersion: db.prepare('SELECT n FROM sample_filters_version').pluck(), facts: null, version: 0, seen: 0, seenAt: 0 };
    kept.set(db, last);
  }
  const version = last.readVersion.get() as number;
  if (last.facts && last.version === version) return last.facts;
  const now = performance.now();
  if (version !== last.seen) {
    last.seen = version;
    last.seenAt = now;
  }
  if (last.facts && now - last.seenAt < factsSettling.ms) return null;
  const rows = db
    .prepare('SELECT id, missing, favourite, bpm, duration, kind, format, musical_key, pack, folder FROM samples INDEXED BY samples_filters_by_id')
    .raw(true)
    .all() as [number, number, number, number | null, number, string, string, string | null, string, string][];
  let maxId = 0;
  for (const [id] of rows) if (id > maxId) maxId = id;
  const size = maxId + 1;
  const missing = new Uint8Array(size);
  const favourite = new Uint8Array(size);
  const bpm = new Float64Array(size).fill(Number.NaN);
  const duration = new Float64Array(size).fill(Number.NaN);
  const kind = new TextCoder(size);
  const format = new TextCoder(size);
  const key = new TextCoder(size);
  const pack = new TextCoder(size);
  const folder = new TextCoder(size);
  for (const [id, isMissing, isFavourite, tempo, length, kindValue, formatValue, keyValue, packValue, folderValue] of rows) {
    missing[id] = isMissing;
    favourite[id] = isFavourite;
    bpm[id] = tempo ?? Number.NaN;
    duration[id] = length;
    kind.set(id, kindValue);
    format.set(id, formatValue);
    if (keyValue !== null) key.set(id, keyValue);
    pack.set(id, packValue);
    folder.set(id, folderValue);
  }
  const ids = Int32Array.from(rows, ([id]) => id);
  const facts: FilterFacts = { size, ids, missing, favourite, bpm, duration, kind: kind.facts(), format: format.facts(), key: key.facts(), pack: pack.facts(), folder: folder.facts() };
  last.version = version;
  last.facts = facts;
  return facts;
}

/** Gives each distinct value of a text column a code, from 1, as the rows come. */
class TextCoder {
  private readonly codes: Int32Array;
  private readonly values: string[] = [''];
  private readonly codeOf = new Map<string, number>();

  constructor(size: number) {
    this.codes = new Int32Array(size);
  }

  set(id: number, value: string): void {
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codeOf.set(value, code);
    }
    this.codes[id] = code;
  }

  facts(): TextFacts {
    return { codes: this.codes, values: this.values };
  }
}
