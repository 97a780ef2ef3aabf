import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../../../electron/services/library/database';
import { searchSamples, type LibrarySearch, type SearchSort } from '../../../electron/services/library/search';
import { tempDir } from '../../support/temp-dir';

/**
 * The query plans of every filter and sort the library panel and the CLI offer, on a library
 * with planner statistics as an import leaves them: none reads the samples table row by row
 * (`SCAN samples` without an index), and none sorts every match (`USE TEMP B-TREE FOR ORDER BY`)
 * except where a selective filter index (pack, key, tempo, favourites) hands over few rows; free
 * text by relevance or name is ordered in memory, not by SQLite.
 */
const rowCount = 3_000;
let db: LibraryDatabase;

beforeAll(() => {
  db = openLibraryDatabase(path.join(tempDir(), 'library.sqlite3'));
  const insert = db.prepare(
    `INSERT INTO samples (path, name, pack, folder, path_tokens, size, mtime_ms, content_hash, format, sample_rate, channels, bit_depth,
      duration, peak_dbfs, loudness_lufs, peaks, kind, bpm, musical_key, tags, added_at, favourite)
     VALUES (@path, @name, @pack, 'Drums/Kicks', 'drums kicks kick', 1, 1, 'h', @format, 44100, 2, 24, @duration, -1, -9, zeroblob(512), @kind, @bpm, @key, 'kick', @i, @favourite)`,
  );
  db.transaction(() => {
    for (let i = 0; i < rowCount; i++) {
      const loop = i % 3 === 0;
      insert.run({
        i,
        path: `/p/${i}.wav`,
        name: `kick_${i}.wav`,
        pack: `Pack ${i % 40}`,
        format: ['wav', 'flac', 'mp3'][i % 3],
        duration: (i % 50) / 10,
        kind: loop ? 'loop' : 'one-shot',
        bpm: loop ? 90 + (i % 60) : null,
        key: i % 4 === 0 ? 'A minor' : null,
        favourite: i % 40 === 0 ? 1 : 0,
      });
    }
  })();
  db.pragma('optimize');
});

afterAll(() => db.close());

/** The plan lines of every statement `searchSamples` runs for `search`. */
function plansOf(search: LibrarySearch): string[][] {
  const plans: string[][] = [];
  const spy = {
    prepare(sql: string) {
      const statement = db.prepare(sql);
      const explain = (params: unknown[]) => plans.push((db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail));
      const spied = {
        get: (...params: unknown[]) => (explain(params), statement.get(...params)),
        all: (...params: unknown[]) => (explain(params), statement.all(...params)),
        raw: (on: boolean) => (statement.raw(on), spied),
        pluck: () => (statement.pluck(), spied),
      };
      return spied;
    },
  } as unknown as LibraryDatabase;
  searchSamples(spy, { limit: 500, ...search });
  return plans;
}

const filters: Record<string, LibrarySearch> = {
  everything: {},
  'one kind': { kind: 'one-shot' },
  'a tempo range (half and double time too)': { bpm: { min: 118, max: 122 } },
  'a key with its relative': { key: 'A minor' },
  'compatible keys': { key: 'A minor', compatibleKeys: true },
  favourites: { favouritesOnly: true },
  'a pack': { pack: 'Pack 7' },
  'a folder in a pack': { pack: 'Pack 7', folder: 'Drums' },
  'a format and a kind': { format: 'flac', kind: 'loop' },
  'kind, tempo and key together': { kind: 'loop', bpm: { min: 90, max: 130 }, key: 'C minor', compatibleKeys: true },
  words: { text: 'kick' },
  'words and a folder': { text: 'kick', folder: 'Drums/Kicks' },
};
const sorts: SearchSort[] = ['name', 'bpm', 'key', 'duration', 'added'];

describe('library search query plans', () => {
  for (const [label, filter] of Object.entries(filters)) {
    it(`never scans the samples table for ${label}`, () => {
      for (const sort of [...sorts, 'relevance' as const]) {
        for (const descending of [false, true]) {
          for (const lines of plansOf({ ...filter, sort, descending })) {
            expect(lines.filter((line) => /^SCAN samples\b(?! USING)/.test(line)), `${label}, sort ${sort}: ${lines.join(' | ')}`).toEqual([]);
          }
        }
      }
    });
  }

  it('walks a sort index in order, with no sort of every match, for broad filters and every sort but the name', () => {
    for (const filter of [{}, { kind: 'one-shot' as const }, { format: 'flac', kind: 'loop' as const }]) {
      for (const sort of sorts.filter((sort) => sort !== 'name')) {
        for (const descending of [false, true]) {
          const [count, page] = plansOf({ ...filter, sort, descending });
          // Kind, format and favourites are counted from the kept counts, not from the samples.
          expect(count?.join(' | ')).toMatch(/^SEARCH sample_counts USING PRIMARY KEY/);
          expect(page?.join(' | '), `sort ${sort}${descending ? ' descending' : ''} of ${JSON.stringify(filter)}`).toMatch(new RegExp(`samples_sort_${sort}`));
          expect(page?.join(' | ')).not.toContain('TEMP B-TREE');
        }
      }
    }
  });

  it('orders filters alone by name in memory: the name order and the filter facts read in one walk each, then only the page', () => {
    for (const filter of Object.values(filters).filter((filter) => filter.text === undefined)) {
      for (const descending of [false, true]) {
        const plans = plansOf({ ...filter, sort: 'name', descending }).map((lines) => lines.join(' | '));
        const label = JSON.stringify(filter);
        expect(plans, label).toContain('SCAN sample_names USING COVERING INDEX sample_names_by_name');
        expect(plans, label).toContain('SCAN samples USING COVERING INDEX samples_filters_by_id');
        // Counted in memory too, unless the kept counts hold every filter (then the walk stops at the page).
        expect(plans.filter((plan) => /TEMP B-TREE|samples_sort_|samples_count_/.test(plan)), label).toEqual([]);
        // No flac loops in this library: nothing to read for them.
        if (searchSamples(db, filter).total > 0) expect(plans.at(-1), label).toMatch(/SEARCH samples USING INTEGER PRIMARY KEY/);
      }
    }
  });

  it('counts the filters the kept counts do not hold in memory, the favourites from the kept counts, and reads wide rows only for the page', () => {
    const countPlan = (search: LibrarySearch) => plansOf({ sort: 'bpm', ...search }).find((lines) => lines.some((line) => !line.includes('EXISTS') && !line.includes('_version')))?.join(' | ') ?? '';
    for (const search of [{ key: 'A minor' }, { pack: 'Pack 7' }, { pack: 'Pack 7', folder: 'Drums' }, { favouritesOnly: true, key: 'A minor' }]) {
      expect(countPlan(search), JSON.stringify(search)).toBe('SCAN samples USING COVERING INDEX samples_filters_by_id');
    }
    expect(countPlan({ favouritesOnly: true })).toMatch(/^SEARCH sample_counts USING PRIMARY KEY/);
    const words = plansOf({ text: 'kick' }).map((lines) => lines.join(' | '));
    expect(words.find((plan) => plan.includes('samples_fts') && !plan.includes('samples USING'))).toBeDefined();
    // Words with a filter: the matches are tested against the facts, read in one walk of the id index.
    expect(plansOf({ text: 'kick', kind: 'loop' }).map((lines) => lines.join(' | '))).toContain('SCAN samples USING COVERING INDEX samples_filters_by_id');
    for (const search of [{ text: 'kick' }, { text: 'kick', sort: 'name' as const }, { favouritesOnly: true, sort: 'bpm' as const }, { key: 'A minor', sort: 'bpm' as const }]) {
      const [ids, rows] = plansOf(search).slice(-2).map((lines) => lines.join(' | '));
      expect(ids, JSON.stringify(search)).toMatch(/COVERING INDEX|SCAN samples_fts/);
      expect(ids).not.toMatch(/SEARCH samples USING (INDEX|INTEGER PRIMARY KEY)/);
      expect(rows).toMatch(/SEARCH samples USING INTEGER PRIMARY KEY/);
    }
    // Words by relevance or name are ordered in memory: the name order is read in one walk of the
    // names index (migration 11), and no statement sorts the matches.
    for (const search of [{ text: 'kick' }, { text: 'kick', sort: 'name' as const }, { text: 'kick', kind: 'loop' as const }]) {
      const plans = plansOf(search).map((lines) => lines.join(' | '));
      expect(plans).toContain('SCAN sample_names USING COVERING INDEX sample_names_by_name');
      expect(plans.filter((plan) => plan.includes('TEMP B-TREE')), JSON.stringify(search)).toEqual([]);
    }
  });

  it('sorts the few matches of words or a key from their index, and walks the sort index for many', () => {
    const page = (search: LibrarySearch) => plansOf(search).at(-2)?.join(' | ') ?? '';
    // 50 of 3,000 match: sorting them beats walking 60 names for each one found.
    for (const sort of ['bpm', 'key', 'duration'] as const) {
      expect(page({ key: 'A minor', kind: 'loop', bpm: { min: 90, max: 100 }, sort }), sort).toMatch(/COVERING INDEX samples_count_key .*TEMP B-TREE/);
    }
    // The date added is not in the key index: the planner chooses for it.
    expect(page({ key: 'A minor', kind: 'loop', bpm: { min: 90, max: 100 }, sort: 'added' })).not.toMatch(/samples_count_key/);
    // The first 100 of 750 matches (1 in 4): walking the tempo index finds them sooner than sorting all 750.
    expect(page({ key: 'A minor', sort: 'bpm', limit: 100 })).toMatch(/COVERING INDEX samples_sort_bpm/);
    // Words that every sample has, by tempo: walk the tempo index, testing each entry for the words.
    expect(page({ text: 'kick', sort: 'bpm' })).toMatch(/COVERING INDEX samples_sort_bpm/);
    // Words one sample in 3,000 has: hand it over and sort.
    expect(page({ text: 'kick_2999', sort: 'bpm', limit: 500 })).toMatch(/COVERING INDEX samples_filters_by_id .*TEMP B-TREE/);
  });

  it('counts words right when a missing file matches them, and pages in the order of the ids', () => {
    const all = searchSamples(db, { text: 'kick', sort: 'name', limit: 5 });
    expect(all.total).toBe(rowCount);
    expect(all.rows.map((row) => row.name)).toEqual(['kick_0.wav', 'kick_1.wav', 'kick_10.wav', 'kick_100.wav', 'kick_1000.wav']);
    db.prepare('UPDATE samples SET missing = 1 WHERE id <= 3').run();
    try {
      expect(searchSamples(db, { text: 'kick' }).total).toBe(rowCount - 3);
      expect(searchSamples(db, { text: 'kick', includeMissing: true }).total).toBe(rowCount);
    } finally {
      db.prepare('UPDATE samples SET missing = 0').run();
    }
  });

  it('pages a ranked search from its kept ordering until the library changes, and reads the name order again only when names change', () => {
    let matchReads = 0;
    let orderReads = 0;
    const recording = {
      prepare(sql: string) {
        const statement = db.prepare(sql);
        const counted = {
          pluck: () => (statement.pluck(), counted),
          raw: (on: boolean) => (statement.raw(on), counted),
          get: (...params: unknown[]) => statement.get(...params),
          all: (...params: unknown[]) => {
            if (sql.includes('sample_names_by_name')) orderReads++;
            else if (sql.includes('MATCH') && !sql.includes('count(')) matchReads++;
            return statement.all(...params);
          },
        };
        return counted;
      },
    } as unknown as LibraryDatabase;
    const page = (offset: number) => searchSamples(recording, { text: 'kick', limit: 10, offset }).rows.map((row) => row.name);
    // The first page reads and keeps the whole ordering, which serves the pages after it.
    const first = page(0);
    expect([matchReads, orderReads]).toEqual([1, 1]);
    expect(page(10)).toEqual(searchSamples(db, { text: 'kick', limit: 20 }).rows.slice(10).map((row) => row.name));
    expect(page(0)).toEqual(first);
    expect(page(20)).toEqual(searchSamples(db, { text: 'kick', limit: 30 }).rows.slice(20).map((row) => row.name));
    expect([matchReads, orderReads]).toEqual([1, 1]);
    try {
      // A favourite changes no name: the matches are read again, the name order is kept.
      db.prepare('UPDATE samples SET favourite = 1 - favourite WHERE id = 5').run();
      expect(page(0)).toEqual(first);
      expect([matchReads, orderReads]).toEqual([2, 1]);
      // A name that sorts first once renamed here, then another renamed on another connection.
      db.prepare("UPDATE samples SET name = 'kick kick_2999.wav' WHERE name = 'kick_2999.wav'").run();
      expect(page(0)[0]).toBe('kick kick_2999.wav');
      expect([matchReads, orderReads]).toEqual([3, 2]);
      const other = new Database(db.name);
      other.prepare("UPDATE samples SET name = 'kick kick kick_1500.wav' WHERE name = 'kick_1500.wav'").run();
      other.close();
      expect(page(0)[0]).toBe('kick kick kick_1500.wav');
      expect([matchReads, orderReads]).toEqual([4, 3]);
    } finally {
      db.prepare('UPDATE samples SET favourite = 1 - favourite WHERE id = 5').run();
      db.prepare("UPDATE samples SET name = 'kick_2999.wav' WHERE name = 'kick kick_2999.wav'").run();
      db.prepare("UPDATE samples SET name = 'kick_1500.wav' WHERE name = 'kick kick kick_1500.wav'").run();
    }
  });

  it('returns what the plans promise: empty tempos and keys last both ways, ties by name', () => {
    const ascending = searchSamples(db, { sort: 'bpm', limit: rowCount });
    const descending = searchSamples(db, { sort: 'bpm', descending: true, limit: rowCount });
    expect(ascending.total).toBe(rowCount);
    const tempos = (rows: typeof ascending.rows) => rows.map((row) => row.bpm);
    expect(tempos(ascending.rows).slice(0, 1)).toEqual([90]);
    expect(tempos(descending.rows).slice(0, 1)).toEqual([147]);
    expect(tempos(ascending.rows).at(-1)).toBeNull();
    expect(tempos(descending.rows).at(-1)).toBeNull();
    expect(searchSamples(db, { sort: 'key', descending: true, limit: 1 }).rows[0]?.key).toBe('A minor');
    expect(searchSamples(db, { bpm: { min: 240, max: 240 }, limit: rowCount }).rows.map((row) => row.bpm)).toEqual(Array(50).fill(120));
  });
});
