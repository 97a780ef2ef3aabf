import type { SampleKind } from '../../../src/analysis/classify-kind';
import { allKeys, compatibleKeys, sameNoteKeys } from '../../../src/analysis/musical-key';
import { GlowroomError } from '../../../src/std/errors';
import type { Statement } from 'better-sqlite3';
import type { LibraryDatabase } from './database';
import { sampleColumns, toSampleRecord, type SampleRecord, type SampleRowData } from './sample-record';
import { flagIs, keepPassing, numberWithin, passingPage, textWhere, type FactFilter } from './fact-filters';
import { filterFacts, type FilterFacts } from './filter-facts';
import { foldedWords, nameOrder } from './name-order';
import { orderMatches } from './relevance';
import { keyOrderSql } from './search-order';

export type SearchSort = 'relevance' | 'name' | 'bpm' | 'key' | 'duration' | 'added';

/** A closed range; either end may be left open. */
export interface Range {
  readonly min?: number;
  readonly max?: number;
}

export interface LibrarySearch {
  /** Free text: every word must match a name, folder, tag or pack word, as a prefix (`kic` finds kick). */
  readonly text?: string;
  readonly kind?: SampleKind;
  /** BPM; a sample also matches at half or double its tempo (a 140 loop for a 70 search). */
  readonly bpm?: Range;
  /**
   * A normalised key (`C minor`, see src/analysis/musical-key `parseKey`): finds that key and its
   * relative major or minor, which has the same notes (E♭ major ↔ C minor).
   */
  readonly key?: string;
  /** With `key`: also the keys a fifth up and down with their relatives (musical-key `neighbourKeys`). */
  readonly compatibleKeys?: boolean;
  /** Seconds. */
  readonly duration?: Range;
  readonly pack?: string;
  /**
   * A folder inside the pack, '/'-separated (`Drums/Kicks`): only samples in it or below it.
   * Matched exactly, case and all; `%`, `_` and other characters are never wildcards.
   */
  readonly folder?: string;
  readonly format?: string;
  readonly favouritesOnly?: boolean;
  /** Only the samples in this collection (see collections.ts). */
  readonly collectionId?: number;
  /** Missing files are left out unless asked for. */
  readonly includeMissing?: boolean;
  /**
   * Default: relevance with text, else name. Relevance: per typed word 2 points when it is a whole
   * word of the file name, 1 when it begins one, 0 when only folder, tag or pack words hold it;
   * most points first (descending: fewest first), ties by name and id (relevance.ts).
   */
  readonly sort?: SearchSort;
  readonly descending?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

export interface LibrarySearchResult {
  readonly rows: SampleRecord[];
  /** Matches before limit and offset. */
  readonly total: number;
}

/** The sort expressions other than by name; each has a covering index in the same order (migration 5). */
const sortColumns: Readonly<Record<Exclude<SearchSort, 'relevance' | 'name'>, string>> = {
  bpm: 'samples.bpm',
  key: keyOrderSql,
  duration: 'samples.duration',
  added: 'samples.added_at',
};

/**
 * Finds samples by free text (FTS5; relevance as relevance.ts scores it: whole name words, then
 * words a name word begins, then folder, tag and pack words) and filters.
 * Rows with no value for the sort column (no tempo, no key) come last in either direction; ties
 * break by name and id (reversed with the sort, so one index serves both directions), so paging
 * is stable. Each query is shaped so that SQLite walks a covering sort index and stops after the
 * page (tests/integration/library/search-plans.test.ts checks the plans): free text is a set of
 * ids to test, not a join; by relevance or by name, the matches are ordered in memory.
 */
export function searchSamples(db: LibraryDatabase, search: LibrarySearch): LibrarySearchResult {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  // The same filters over sample_counts (migration 8), while every filter is one it keeps counts by.
  const tally: string[] = [];
  let tallied = true;
  // The same filters as passes over the facts held in memory (fact-filters.ts).
  const filters: FactFilter[] = [];
  let testable = true;
  const match = ftsQuery(search.text ?? '');
  if (match) params['match'] = match;
  if (!search.includeMissing) {
    where.push('samples.missing = 0');
    tally.push('missing = 0');
    filters.push(flagIs('missing', 0));
  }
  if (search.kind) {
    where.push('samples.kind = @kind');
    tally.push('kind = @kind');
    params['kind'] = search.kind;
    const kind = search.kind;
    filters.push(textWhere('kind', (value) => value === kind));
  }
  if (search.bpm && (search.bpm.min !== undefined || search.bpm.max !== undefined)) {
    const min = search.bpm.min ?? 0;
    const max = search.bpm.max ?? Number.MAX_VALUE;
    Object.assign(params, { bpmMin: min, bpmMax: max, halfMin: min / 2, halfMax: max / 2, doubleMin: min * 2, doubleMax: max * 2 });
    // bpm·2 in [min, max] ⇔ bpm in [min/2, max/2] exactly (halving and doubling are exact in
    // binary floating point): three ranges of the tempo index instead of arithmetic on every row.
    where.push('(samples.bpm BETWEEN @bpmMin AND @bpmMax OR samples.bpm BETWEEN @halfMin AND @halfMax OR samples.bpm BETWEEN @doubleMin AND @doubleMax)');
    filters.push(numberWithin('bpm', [[min, max], [min / 2, max / 2], [min * 2, max * 2]]));
    tallied = false;
  }
  if (search.key !== undefined) {
    if (!allKeys.includes(search.key)) throw new GlowroomError('invalid-args', `"${search.key}" is not a key; write it like "C minor" or "F# major".`);
    const keys = search.compatibleKeys ? compatibleKeys(search.key) : sameNoteKeys(search.key);
    keys.forEach((key, i) => (params[`key${i}`] = key));
    where.push(`samples.musical_key IN (${keys.map((_, i) => `@key${i}`).join(', ')})`);
    filters.push(textWhere('key', (value) => keys.includes(value)));
    tallied = false;
  }
  if (search.duration?.min !== undefined) {
    where.push('samples.duration >= @durationMin');
    params['durationMin'] = search.duration.min;
    filters.push(numberWithin('duration', [[search.duration.min, Number.POSITIVE_INFINITY]]));
    tallied = false;
  }
  if (search.duration?.max !== undefined) {
    where.push('samples.duration <= @durationMax');
    params['durationMax'] = search.duration.max;
    filters.push(numberWithin('duration', [[Number.NEGATIVE_INFINITY, search.duration.max]]));
    tallied = false;
  }
  if (search.pack !== undefined) {
    where.push('samples.pack = @pack');
    params['pack'] = search.pack;
    const pack = search.pack;
    filters.push(textWhere('pack', (value) => value === pack));
    tallied = false;
  }
  const folder = search.folder === undefined ? '' : trimSlashes(search.folder);
  if (folder !== '') {
    // A subfolder f starts with `folder/`, which holds exactly when `folder/` <= f < `folder0`
    // ('0' is the character after '/'): a byte-exact prefix match, case and all, with no LIKE
    // pattern in which a folder's own `%` or `_` could act as a wildcard; the pack index serves it.
    where.push(`(samples.folder = @folder OR (samples.folder >= (@folder || '/') AND samples.folder < (@folder || '0')))`);
    params['folder'] = folder;
    filters.push(textWhere('folder', (value) => value === folder || value.startsWith(`${folder}/`)));
    tallied = false;
  }
  if (search.format !== undefined) {
    where.push('samples.format = @format');
    tally.push('format = @format');
    params['format'] = search.format.toLowerCase();
    const format = search.format.toLowerCase();
    filters.push(textWhere('format', (value) => value === format));
  }
  if (search.favouritesOnly) {
    where.push('samples.favourite = 1');
    tally.push('favourite = 1');
    filters.push(flagIs('favourite', 1));
  }
  if (search.collectionId !== undefined) {
    where.push('samples.id IN (SELECT sample_id FROM collection_samples WHERE collection_id = @collectionId)');
    params['collectionId'] = search.collectionId;
    tallied = false;
    testable = false;
  }

  const sort = search.sort ?? (match ? 'relevance' : 'name');
  const direction = search.descending ? 'DESC' : 'ASC';
  const textAsIds = match ? ['samples.id IN (SELECT rowid FROM samples_fts WHERE samples_fts MATCH @match)'] : [];
  // Words alone: the full-text index counts its matches by itself, when no missing file hides one.
  const textOnly = match !== null && where.length === (search.includeMissing ? 0 : 1);
  const countSql = (): string => textOnly && (search.includeMissing || !hasMissing(db))
    ? 'SELECT count(*) AS n FROM samples_fts WHERE samples_fts MATCH @match'
    : match !== null
      ? // Each word match tested once in the narrow id index: the planner otherwise probes a filter
        // index once per match and key (six keys × 10,000 matches for compatible keys).
        `SELECT count(*) AS n FROM samples INDEXED BY samples_filters_by_id ${whereSql([...textAsIds, ...where])}`
      : tallied
        ? `SELECT coalesce(sum(n), 0) AS n FROM sample_counts ${whereSql(tally)}`
        : `SELECT count(*) AS n FROM samples ${whereSql(where)}`;
  params['limit'] = search.limit ?? 200;
  params['offset'] = search.offset ?? 0;
  const count = (): number => (prepared(db, countSql()).get(params) as { n: number }).n;
  let ids: number[];
  let total: number;
  // Words by relevance or by name: the matches' ids from the full-text index (with filters, each
  // tested once in the narrow id index), ordered in memory (relevance.ts). The whole ordered list
  // is kept, so later pages and the count are slices of it.
  const inWordOrder = match !== null && (sort === 'relevance' || sort === 'name');
  const byName = sort === 'relevance' || sort === 'name';
  // Filters alone (no words, no collection) are passed over the facts held in memory to page them
  // by name or to count what the kept counts do not hold; while the facts are changing, SQLite does.
  const factsForFilters = match === null && testable && (byName || !tallied) ? filterFacts(db) : null;
  if (inWordOrder) {
    // With filters (but a collection), every match is tested against the facts in memory.
    const facts = !textOnly && testable ? filterFacts(db) : null;
    const inMemory = facts !== null;
    const sql = textOnly || inMemory
      ? 'SELECT rowid FROM samples_fts WHERE samples_fts MATCH @match'
      : `SELECT samples.id FROM samples_fts JOIN samples INDEXED BY samples_filters_by_id ON samples.id = samples_fts.rowid
         ${whereSql(['samples_fts MATCH @match', ...where])}`;
    const how = { words: sort === 'relevance' ? foldedWords(search.text ?? '') : [], descending: direction === 'DESC', skipMissing: textOnly && !search.includeMissing };
    // Kept by what it was read for: the filters' SQL stands for their tests too.
    const ordered = keptOrder(db, `${sql}\n${whereSql(where)}\n${JSON.stringify({ ...params, limit: 0, offset: 0, how })}`, () => {
      const found = prepared(db, sql).pluck().all(params) as number[];
      return orderMatches(nameOrder(db), facts ? passing(facts, Int32Array.from(found), filters) : found, how);
    });
    const offset = params['offset'] as number;
    ids = ordered.slice(offset, offset + (params['limit'] as number));
    total = ordered.length;
  } else if (factsForFilters && byName) {
    // Filters alone by name: the name order held in memory, passed through the filters held in
    // memory, counted and paged there (at 100,000 samples ≈ 0.5 ms; SQLite walked the name index
    // 2–6 ms for a key, a pack or a folder whose samples sort late, and 2 ms to skip 20,000 rows).
    // When the kept counts hold the filters, the walk stops once the page is full.
    const { page, passed } = passingPage(factsForFilters, nameOrder(db).idAt, filters, {
      offset: params['offset'] as number,
      limit: params['limit'] as number,
      backwards: direction === 'DESC',
      counting: !tallied,
    });
    total = tallied ? count() : passed;
    ids = page;
  } else {
    // Filters that sample_counts does not keep counts by are counted in memory: counting loops in
    // six keys at 90–130 BPM in the key index took ≈ 8 ms at 100,000 samples.
    total = factsForFilters && !tallied
      ? passingPage(factsForFilters, factsForFilters.ids, filters, { offset: 0, limit: 0, backwards: false, counting: true }).passed
      : count();
    // With words or a key, the count decides between an index that hands over just the matches
    // to sort (the narrow id index, the key index) and walking the sort's own index to the page
    // (each carries every filter but the date added, left to the planner). Without the count the
    // planner chose the slower one: 'vox' by tempo sorted its 10,000 matches (21.7 ms) where the
    // walk takes 2.4 ms (load 14); a key with tempo and kind walked where sorting takes a third.
    const narrow = match ? 'samples_filters_by_id' : search.key !== undefined ? 'samples_count_key' : null;
    const sortIndex = `samples_sort_${sort === 'relevance' ? 'name' : sort}`;
    const pageEnd = (params['offset'] as number) + (params['limit'] as number);
    const indexed = narrow === null || sort === 'added' ? '' : `INDEXED BY ${sortsFewerThanWalks(db, total, pageEnd, search.includeMissing ?? false) ? narrow : sortIndex} `;
    const pageIds = `SELECT samples.id FROM samples ${indexed}${whereSql([...textAsIds, ...where])} ORDER BY ${orderSql(sort, direction)}`;
    ids = prepared(db, `${pageIds} LIMIT @limit OFFSET @offset`).pluck().all(params) as number[];
  }
  if (ids.length === 0) return { rows: [], total };
  const rows = prepared(db, `SELECT ${sampleColumns} FROM samples WHERE samples.id IN (SELECT value FROM json_each(@ids))`)
    .raw(true)
    .all({ ids: JSON.stringify(ids) }) as SampleRowData[];
  const byId = new Map<number, SampleRowData>();
  for (const row of rows) byId.set(row[0] as number, row);
  const records: SampleRecord[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) records.push(toSampleRecord(row));
  }
  return { rows: records, total };
}

/** The last ordered list of matches per open library, with what it was read for and the library's state then. */
const lastOrdered = new WeakMap<LibraryDatabase, { key: string; state: string; ids: number[] }>();

/**
 * The ids `read` returns for `key`, read again only when the key differs from the last one or the
 * library changed since (a write on this connection moves `total_changes()`, one on another
 * connection moves `data_version`). Scrolling a search asks for page after page of the same
 * query; each is then a slice instead of a new pass over the matches.
 */
function keptOrder(db: LibraryDatabase, key: string, read: () => number[]): number[] {
  const state = prepared(db, "SELECT total_changes() || ':' || data_version FROM pragma_data_version").pluck().get() as string;
  const last = lastOrdered.get(db);
  if (last && last.key === key && last.state === state) return last.ids;
  const ids = read();
  lastOrdered.set(db, { key, state, ids });
  return ids;
}

/**
 * Whether sorting a filter's `total` matches (handed over by the narrow id index or the key index,
 * which carry every filter column, the name and the other sort columns but the date added) costs less
 * than walking a sort index until the page is full: about (offset + limit) × present / total
 * entries (`pageEnd` = offset + limit) if the matches are spread evenly, each tested against the
 * filters; a match sorted costs about 1.5 entries walked. Where the matches really fall in the
 * order decides the walk (at 100,000 rows, 5,000 loops in C minor's neighbours at 90–130 BPM: walked
 * 4–9 ms, as they all sort late, sorted 1.4 ms; 5,000 samples in F# minor, most sorting early:
 * walked 0.3 ms, sorted 2.1 ms). A sort costs what the count says wherever the matches fall.
 */
function sortsFewerThanWalks(db: LibraryDatabase, total: number, pageEnd: number, includeMissing: boolean): boolean {
  if (total === 0) return false;
  const present = prepared(db, `SELECT coalesce(sum(n), 0) FROM sample_counts${includeMissing ? '' : ' WHERE missing = 0'}`).pluck().get() as number;
  return total * 1.5 < pageEnd * (present / total);
}

/** Whether any file of the library is flagged missing (the sort indexes lead with the flag, so this is one lookup). */
function hasMissing(db: LibraryDatabase): boolean {
  return prepared(db, 'SELECT EXISTS (SELECT 1 FROM samples WHERE missing = 1) AS found').pluck().get() === 1;
}

/** Prepared statements by SQL, per open library: the same few shapes repeat as the user types and scrolls. */
const statements = new WeakMap<LibraryDatabase, Map<string, Statement>>();
/** More shapes than this (filters × sorts × key lists) are not worth holding; the cache starts over. */
const maxStatements = 256;

function prepared(db: LibraryDatabase, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= maxStatements) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/** The `ids` whose facts pass every filter, in their order. */
function passing(facts: FilterFacts, ids: Int32Array, filters: readonly FactFilter[]): Int32Array {
  return ids.subarray(0, keepPassing(facts, ids, ids.length, filters));
}

function whereSql(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** ORDER BY for a sort in SQL, exactly as its index orders (relevance without text is by name). */
function orderSql(sort: SearchSort, direction: 'ASC' | 'DESC'): string {
  const byName = `samples.name COLLATE NOCASE ${direction}, samples.id ${direction}`;
  return sort === 'relevance' || sort === 'name' ? byName : `${sortColumns[sort]} ${direction} NULLS LAST, ${byName}`;
}

/**
 * Free text as an FTS5 query: each word becomes a quoted prefix term, all required. Quoting
 * means no user input is read as FTS syntax (`AND`, `-`, `"`, `*`); null when there are no words.
 */
export function ftsQuery(text: string): string | null {
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length > 0 ? words.map((word) => `"${word}"*`).join(' ') : null;
}

/** `/Drums/Kicks/` → `Drums/Kicks`: the form the `folder` column stores. */
function trimSlashes(folder: string): string {
  return folder.replace(/^\/+|\/+$/g, '');
}
