import type { LibraryDatabase } from './database';

/**
 * Every sample's filter columns (missing, kind, favourite, format, tempo, key, length, pack, folder)
 * held in memory per open library, so free text with filters tests its matches here instead of
 * looking each one up in SQLite (the 10,000 matches of 'pad' in the id index: ≈ 7.5 ms at 100,000
 * samples). Read again in one walk of the id index whenever the filters version moves: the
 * triggers of migration 12 move it on every insert, delete and change to one of these columns,
 * from any connection. About 40 bytes per sample plus the strings.
 */
export interface FilterFacts {
  /** By id: 1 when the file is missing; 1 when a favourite. */
  readonly missing: Uint8Array;
  readonly favourite: Uint8Array;
  /** By id: tempo and length; NaN for no tempo, which no range test passes. */
  readonly bpm: Float64Array;
  readonly duration: Float64Array;
  /** By id: the text columns as stored (undefined for no such sample, or no key). */
  readonly kind: readonly (string | undefined)[];
  readonly format: readonly (string | undefined)[];
  readonly key: readonly (string | undefined)[];
  readonly pack: readonly (string | undefined)[];
  readonly folder: readonly (string | undefined)[];
}

/** One filter of a search as a test of a sample's facts, beside its SQL in search.ts. */
export type FactTest = (facts: FilterFacts, id: number) => boolean;

const kept = new WeakMap<LibraryDatabase, { version: number; facts: FilterFacts }>();

export function filterFacts(db: LibraryDatabase): FilterFacts {
  const version = db.prepare('SELECT n FROM sample_filters_version').pluck().get() as number;
  const last = kept.get(db);
  if (last && last.version === version) return last.facts;
  const rows = db
    .prepare('SELECT id, missing, favourite, bpm, duration, kind, format, musical_key, pack, folder FROM samples INDEXED BY samples_filters_by_id')
    .raw(true)
    .all() as [number, number, number, number | null, number, string, string, string | null, string, string][];
  let maxId = 0;
  for (const [id] of rows) if (id > maxId) maxId = id;
  const size = maxId + 1;
  const facts = {
    missing: new Uint8Array(size),
    favourite: new Uint8Array(size),
    bpm: new Float64Array(size).fill(Number.NaN),
    duration: new Float64Array(size).fill(Number.NaN),
    kind: new Array<string | undefined>(size),
    format: new Array<string | undefined>(size),
    key: new Array<string | undefined>(size),
    pack: new Array<string | undefined>(size),
    folder: new Array<string | undefined>(size),
  };
  for (const [id, missing, favourite, bpm, duration, kind, format, key, pack, folder] of rows) {
    facts.missing[id] = missing;
    facts.favourite[id] = favourite;
    facts.bpm[id] = bpm ?? Number.NaN;
    facts.duration[id] = duration;
    facts.kind[id] = kind;
    facts.format[id] = format;
    facts.key[id] = key ?? undefined;
    facts.pack[id] = pack;
    facts.folder[id] = folder;
  }
  kept.set(db, { version, facts });
  return facts;
}
