import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allKeys, compatibleKeys, parseKey, sameNoteKeys } from '../../../src/analysis/musical-key';
import { defaultLibraryPath, openLibraryDatabase, type LibraryDatabase } from '../../../electron/services/library/database';
import { factsSettling } from '../../../electron/services/library/filter-facts';
import { ftsQuery, searchSamples, type LibrarySearch, type SearchSort } from '../../../electron/services/library/search';
import { searchShapes } from '../../bench/search-shapes';
import { generateLibrary } from '../../bench/generated-library';
import { tempDir } from '../../support/temp-dir';

/**
 * What a search returns, checked against a plain reading of its contract: every row of the library
 * read into memory, filtered and sorted here (relevance points from full-text queries on the name column), then
 * counted and paged. searchSamples shapes its SQL for speed (counts kept by triggers, one pass that
 * ranks and counts, prefix indexes); none of that may change which rows come back or their order.
 */
const rows = 5_000;
let db: LibraryDatabase;

interface Row {
  id: number;
  name: string;
  pack: string;
  folder: string;
  format: string;
  kind: string;
  bpm: number | null;
  musical_key: string | null;
  duration: number;
  added_at: number;
  missing: number;
  favourite: number;
  /** The name with ASCII letters in lower case, as NOCASE compares it. */
  folded: string;
}

beforeAll(() => {
  const home = tempDir();
  generateLibrary(home, rows);
  db = openLibraryDatabase(defaultLibraryPath({ GLOWROOM_HOME: home }));
  // Generated names hold their search words the same way within each shape: words in tags and path
  // words only, and names with a word in front, spread the points so ranking order is what is compared.
  db.exec(`UPDATE samples SET tags = tags || ' kick pad warm loop' WHERE id % 7 = 0;
           UPDATE samples SET path_tokens = path_tokens || ' deep dusty layer' WHERE id % 11 = 0;
           UPDATE samples SET name = 'Kick ' || name WHERE id % 13 = 0;
           UPDATE samples SET name = replace(name, 'kick_', 'kicks_') WHERE id % 19 = 0`);
});

afterAll(() => db.close());

/**
 * Relevance points per matching row, from the full-text index itself rather than the search's own
 * word splitting: per typed word 2 when the name column holds it as a whole word (`name : "kick"`),
 * 1 when only as the start of one (`name : "kick"*`), 0 when only another column does.
 */
function scores(text: string): Map<number, number> {
  const match = ftsQuery(text);
  if (!match) return new Map();
  const ids = (query: string) => new Set(db.prepare('SELECT rowid FROM samples_fts WHERE samples_fts MATCH ?').pluck().all(query) as number[]);
  const points = new Map([...ids(match)].map((id) => [id, 0]));
  for (const word of text.split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
    for (const query of [`name : "${word}"`, `name : "${word}"*`]) {
      for (const id of ids(query)) if (points.has(id)) points.set(id, (points.get(id) ?? 0) + 1);
    }
  }
  return points;
}

/** SQLite's NOCASE: ASCII letters folded, then byte order (the generated names are ASCII). */
function nocase(a: Row, b: Row): number {
  return a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0;
}

/** The library as read for the checks; read again after it changes. */
let library: { all: Row[]; scores: Map<string, Map<number, number>> } | null = null;

function expected(search: LibrarySearch): { ids: number[]; total: number } {
  library ??= {
    all: (db.prepare('SELECT id, name, pack, folder, format, kind, bpm, musical_key, duration, added_at, missing, favourite FROM samples').all() as Row[]).map((row) => ({
      ...row,
      folded: row.name.replace(/[A-Z]/g, (c) => c.toLowerCase()),
    })),
    scores: new Map(),
  };
  const { all } = library;
  const text = search.text ?? '';
  if (text && !library.scores.has(text)) library.scores.set(text, scores(text));
  const ranked = text ? (library.scores.get(text) ?? null) : null;
  const keys = search.key === undefined ? null : search.compatibleKeys ? compatibleKeys(search.key) : sameNoteKeys(search.key);
  const within = (value: number, min: number, max: number) => value >= min && value <= max;
  const folder = search.folder?.replace(/^\/+|\/+$/g, '') ?? '';
  const kept = all.filter((row) => {
    if (ranked && !ranked.has(row.id)) return false;
    if (!search.includeMissing && row.missing === 1) return false;
    if (search.kind && row.kind !== search.kind) return false;
    if (search.bpm) {
      const min = search.bpm.min ?? 0;
      const max = search.bpm.max ?? Number.MAX_VALUE;
      if (row.bpm === null || !(within(row.bpm, min, max) || within(row.bpm * 2, min, max) || within(row.bpm / 2, min, max))) return false;
    }
    if (keys && (row.musical_key === null || !keys.includes(row.musical_key))) return false;
    if (search.duration?.min !== undefined && row.duration < search.duration.min) return false;
    if (search.duration?.max !== undefined && row.duration > search.duration.max) return false;
    if (search.pack !== undefined && row.pack !== search.pack) return false;
    if (folder !== '' && row.folder !== folder && !row.folder.startsWith(`${folder}/`)) return false;
    if (search.format !== undefined && row.format !== search.format.toLowerCase()) return false;
    if (search.favouritesOnly && row.favourite !== 1) return false;
    return true;
  });
  const sort = search.sort ?? (ranked ? 'relevance' : 'name');
  const sign = search.descending ? -1 : 1;
  const column = (row: Row): number | null =>
    sort === 'bpm' ? row.bpm : sort === 'key' ? (row.musical_key === null ? null : allKeys.indexOf(row.musical_key)) : sort === 'duration' ? row.duration : sort === 'added' ? row.added_at : null;
  kept.sort((a, b) => {
    if (sort === 'relevance' && ranked) {
      // Most points first; the direction reverses the order of points but not of names and ids.
      const byScore = sign * ((ranked.get(b.id) ?? 0) - (ranked.get(a.id) ?? 0));
      return byScore !== 0 ? byScore : nocase(a, b) || a.id - b.id;
    }
    if (sort !== 'relevance' && sort !== 'name') {
      const x = column(a);
      const y = column(b);
      if (x === null || y === null) {
        if (x !== y) return x === null ? 1 : -1;
      } else if (x !== y) return sign * (x - y);
    }
    return sign * (nocase(a, b) || a.id - b.id);
  });
  const offset = search.offset ?? 0;
  return { ids: kept.slice(offset, offset + (search.limit ?? 200)).map((row) => row.id), total: kept.length };
}

function check(search: LibrarySearch): void {
  const found = searchSamples(db, search);
  expect({ ids: found.rows.map((row) => row.id), total: found.total }, JSON.stringify(search)).toEqual(expected(search));
}

const filters: LibrarySearch[] = [
  {},
  { text: 'kick' },
  { text: 'kic' },
  { text: 'dusty kick' },
  { text: 'loop 120' },
  { text: 'gritty' },
  { text: 'zzz nothing' },
  { kind: 'loop', bpm: { min: 118, max: 122 } },
  { kind: 'one-shot' },
  { key: 'F# minor' },
  { text: 'pad', key: 'A minor', compatibleKeys: true },
  { pack: 'Pack 02' },
  { pack: 'Pack 02', folder: 'Drums' },
  { folder: '/Loops/Drums/', text: 'warm' },
  { format: 'flac', kind: 'loop' },
  { favouritesOnly: true },
  { favouritesOnly: true, text: 'kick' },
  { duration: { min: 1, max: 2.5 } },
  { kind: 'loop', key: 'C minor', compatibleKeys: true, bpm: { min: 90, max: 130 } },
  // Words with each other filter: tested against the filter columns held in memory.
  { text: 'loop', kind: 'loop', bpm: { min: 118, max: 122 } },
  { text: 'kick', duration: { min: 1, max: 2.5 }, format: 'FLAC' },
  { text: 'drum', pack: 'Pack 02', folder: 'Loops' },
  { text: 'pad', key: 'C minor', kind: 'loop' },
];
const sorts: SearchSort[] = ['relevance', 'name', 'bpm', 'key', 'duration', 'added'];

/** A bench shape (the panel's arguments) as the service hands it to searchSamples. */
function fromShape(shape: (typeof searchShapes)[number]): LibrarySearch {
  const key = shape.key === undefined ? undefined : (parseKey(shape.key) ?? undefined);
  return {
    ...(shape.text ? { text: shape.text } : {}),
    ...(shape.kind ? { kind: shape.kind } : {}),
    ...(shape.bpmMin !== undefined || shape.bpmMax !== undefined
      ? { bpm: { ...(shape.bpmMin !== undefined ? { min: shape.bpmMin } : {}), ...(shape.bpmMax !== undefined ? { max: shape.bpmMax } : {}) } }
      : {}),
    ...(key ? { key, compatibleKeys: shape.compatibleKeys ?? false } : {}),
    ...(shape.pack ? { pack: shape.pack } : {}),
    ...(shape.folder ? { folder: shape.folder } : {}),
    ...(shape.format ? { format: shape.format } : {}),
    favouritesOnly: shape.favouritesOnly ?? false,
    sort: shape.sort === undefined || (shape.sort === 'relevance' && !shape.text) ? (shape.text ? 'relevance' : 'name') : shape.sort,
    descending: shape.descending ?? false,
    limit: 500,
    offset: shape.offset ?? 0,
  };
}

describe('library search results', () => {
  it('rank whole name words before words a name word begins, before folder, tag and pack words', () => {
    const found = searchSamples(db, { text: 'kick', limit: rows }).rows.map((row) => row.name);
    const kind = (name: string) => (/(^|[^a-z])kick([^a-z]|$)/i.test(name) ? 'whole' : /(^|[^a-z])kick/i.test(name) ? 'begins' : 'elsewhere');
    const kinds = found.map(kind);
    // Each kind is present, and they come in this order, each kind in name order.
    expect(new Set(kinds)).toEqual(new Set(['whole', 'begins', 'elsewhere']));
    expect(kinds).toEqual([...kinds].sort((a, b) => ['whole', 'begins', 'elsewhere'].indexOf(a) - ['whole', 'begins', 'elsewhere'].indexOf(b)));
    const whole = found.filter((name) => kind(name) === 'whole');
    expect(whole).toEqual([...whole].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
    expect(found.at(-1)).not.toMatch(/kick/i);
  });

  it('match the plain reading for every shape the bench times', () => {
    for (const shape of searchShapes) check({ ...fromShape(shape), offset: Math.min(shape.offset ?? 0, rows - 100) });
  });

  it('match it for every filter, sort, direction and page, with and without missing files', { timeout: 120_000 }, () => {
    for (const missing of [false, true]) {
      if (missing) db.prepare('UPDATE samples SET missing = 1 WHERE id % 17 = 0').run();
      library = null;
      try {
        for (const filter of filters) {
          for (const sort of sorts) {
            for (const descending of [false, true]) {
              // A page past the end only one way round: it exercises the count asked for separately.
              for (const page of [{ limit: 50 }, { limit: 30, offset: 95 }, ...(descending ? [] : [{ limit: 10, offset: rows }])]) {
                check({ ...filter, sort, descending, ...page });
                if (missing) check({ ...filter, sort, descending, ...page, includeMissing: true });
              }
            }
          }
        }
      } finally {
        db.prepare('UPDATE samples SET missing = 0').run();
        library = null;
      }
    }
  });

  it('match it while the filter columns are changing, when SQLite tests the filters instead of the facts in memory', { timeout: 120_000 }, () => {
    const settling = factsSettling.ms;
    // Facts read once, then a write: they stay out of date for as long as the test runs.
    check({ kind: 'loop' });
    factsSettling.ms = Number.POSITIVE_INFINITY;
    db.prepare('UPDATE samples SET missing = 1 WHERE id % 17 = 0').run();
    library = null;
    try {
      for (const filter of filters) {
        for (const sort of sorts) {
          for (const descending of [false, true]) {
            check({ ...filter, sort, descending, limit: 30, offset: 95 });
            check({ ...filter, sort, descending, limit: 50, includeMissing: true });
          }
        }
      }
    } finally {
      factsSettling.ms = settling;
      db.prepare('UPDATE samples SET missing = 0').run();
      library = null;
    }
  });
});
