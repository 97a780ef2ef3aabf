import { filterColumnsSql, keyOrderSql } from './search-order';

/**
 * The library schema as an ordered list: migration N (1-based) moves a database from
 * `PRAGMA user_version` N−1 to N. Append only; never edit a migration that has shipped, since
 * users' libraries already ran it.
 */
export interface Migration {
  readonly description: string;
  readonly sql: string;
}

export const migrations: readonly Migration[] = [
  {
    description: 'samples and collections',
    sql: `
      CREATE TABLE samples (
        id            INTEGER PRIMARY KEY,
        path          TEXT    NOT NULL UNIQUE,   -- absolute; files are indexed in place
        name          TEXT    NOT NULL,          -- file name with extension
        pack          TEXT    NOT NULL,          -- the imported folder's name
        folder        TEXT    NOT NULL,          -- folder inside the pack, '/'-separated, '' at its top
        path_tokens   TEXT    NOT NULL,          -- words of folder and name, for full-text search
        size          INTEGER NOT NULL,          -- bytes
        mtime_ms      INTEGER NOT NULL,
        content_hash  TEXT    NOT NULL,          -- SHA-256 of the bytes: recognises moved files
        format        TEXT    NOT NULL,          -- what the content is (wav, aiff, flac, mp3, ogg, …)
        sample_rate   INTEGER NOT NULL,
        channels      INTEGER NOT NULL,
        bit_depth     INTEGER NOT NULL,          -- 0 for lossy formats
        duration      REAL    NOT NULL,          -- seconds
        peak_dbfs     REAL,                      -- NULL for digital silence
        loudness_lufs REAL,                      -- BS.1770 integrated; NULL for silence
        peaks         BLOB    NOT NULL,          -- waveform thumbnail: Int8 min/max pairs
        kind          TEXT    NOT NULL CHECK (kind IN ('one-shot', 'loop')),
        bpm           REAL,
        musical_key   TEXT,                      -- normalised, e.g. 'C minor'
        tags          TEXT    NOT NULL DEFAULT '', -- space-separated tag vocabulary words
        missing       INTEGER NOT NULL DEFAULT 0 CHECK (missing IN (0, 1)),
        favourite     INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
        added_at      INTEGER NOT NULL           -- ms since the epoch
      );
      CREATE INDEX samples_by_hash ON samples (content_hash);
      CREATE INDEX samples_by_pack ON samples (pack, folder);
      CREATE INDEX samples_by_bpm ON samples (bpm) WHERE bpm IS NOT NULL;

      CREATE TABLE collections (
        id         INTEGER PRIMARY KEY,
        name       TEXT    NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE collection_samples (
        collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
        sample_id     INTEGER NOT NULL REFERENCES samples (id) ON DELETE CASCADE,
        added_at      INTEGER NOT NULL,
        PRIMARY KEY (collection_id, sample_id)
      ) WITHOUT ROWID;
      CREATE INDEX collection_samples_by_sample ON collection_samples (sample_id);
    `,
  },
  {
    description: 'full-text index over name, path words, tags and pack',
    // External-content FTS5 table kept in step with samples by triggers; 'rebuild' indexes the
    // rows a version-1 library already holds. Prefix indexes make `kic*` as fast as `kick`.
    sql: `
      CREATE VIRTUAL TABLE samples_fts USING fts5 (
        name, path_tokens, tags, pack,
        content = 'samples', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      CREATE TRIGGER samples_fts_insert AFTER INSERT ON samples BEGIN
        INSERT INTO samples_fts (rowid, name, path_tokens, tags, pack) VALUES (new.id, new.name, new.path_tokens, new.tags, new.pack);
      END;
      CREATE TRIGGER samples_fts_delete AFTER DELETE ON samples BEGIN
        INSERT INTO samples_fts (samples_fts, rowid, name, path_tokens, tags, pack) VALUES ('delete', old.id, old.name, old.path_tokens, old.tags, old.pack);
      END;
      CREATE TRIGGER samples_fts_update AFTER UPDATE OF name, path_tokens, tags, pack ON samples BEGIN
        INSERT INTO samples_fts (samples_fts, rowid, name, path_tokens, tags, pack) VALUES ('delete', old.id, old.name, old.path_tokens, old.tags, old.pack);
        INSERT INTO samples_fts (rowid, name, path_tokens, tags, pack) VALUES (new.id, new.name, new.path_tokens, new.tags, new.pack);
      END;
      INSERT INTO samples_fts (samples_fts) VALUES ('rebuild');
    `,
  },
  {
    description: 'watched folders and unpacked zip packs',
    sql: `
      CREATE TABLE watched_folders (
        path     TEXT    PRIMARY KEY,            -- absolute; a pack folder kept up to date while the app runs
        added_at INTEGER NOT NULL
      );
      CREATE TABLE zip_packs (
        source_path  TEXT    PRIMARY KEY,        -- the imported .zip, absolute
        size         INTEGER NOT NULL,
        mtime_ms     INTEGER NOT NULL,
        content_hash TEXT    NOT NULL,           -- SHA-256 of the zip: the same pack under another name
        folder       TEXT    NOT NULL,           -- where it was unpacked, under <data folder>/Packs
        pack         TEXT    NOT NULL,           -- the zip's name without .zip
        unpacked_at  INTEGER NOT NULL
      );
      CREATE INDEX zip_packs_by_hash ON zip_packs (content_hash);
    `,
  },
  {
    description: 'indexes for the default sort by name, favourites and keys',
    sql: `
      -- The panel's default listing (present files by name) reads its first page in index order
      -- instead of sorting every row; favourites and key filters stop scanning the whole table.
      CREATE INDEX samples_present_by_name ON samples (name COLLATE NOCASE, id) WHERE missing = 0;
      CREATE INDEX samples_favourites ON samples (id) WHERE favourite = 1;
      CREATE INDEX samples_by_key ON samples (musical_key) WHERE musical_key IS NOT NULL;
    `,
  },
  {
    description: 'covering indexes for every sort and filter the search offers',
    // Each sort (name, tempo, key, length, date added) gets an index in its exact ORDER BY (ties by
    // name, then id) that also carries every filter column: a search walks it in result order,
    // stops after one page, and counts matches without reading the wide rows (peaks, paths). The
    // name index replaces the partial one of version 4, which the planner passed over for these.
    // The key index's expression is search-order.ts's as of this version; if that ever changes,
    // a later migration must rebuild the index, or key sorts lose it.
    sql: `
      DROP INDEX samples_present_by_name;
      DROP INDEX samples_by_bpm;
      CREATE INDEX samples_sort_name ON samples (missing, name COLLATE NOCASE, id, ${filterColumnsSql});
      CREATE INDEX samples_sort_bpm ON samples (missing, bpm, name COLLATE NOCASE, id, ${filterColumnsSql});
      CREATE INDEX samples_sort_key ON samples (missing, ${keyOrderSql}, name COLLATE NOCASE, id, ${filterColumnsSql});
      CREATE INDEX samples_sort_duration ON samples (missing, duration, name COLLATE NOCASE, id, ${filterColumnsSql});
      CREATE INDEX samples_sort_added ON samples (missing, added_at, name COLLATE NOCASE, id, ${filterColumnsSql});
      CREATE INDEX samples_by_kind ON samples (missing, kind, format, favourite);
    `,
  },
  {
    description: 'files listed before their analysis',
    // An import writes each file's header facts first (searchable at once) with analysed = 0, and
    // the full analysis later; rows still at 0 are picked up again after a restart.
    sql: `
      ALTER TABLE samples ADD COLUMN analysed INTEGER NOT NULL DEFAULT 1 CHECK (analysed IN (0, 1));
      CREATE INDEX samples_pending ON samples (id) WHERE analysed = 0;
    `,
  },
  {
    description: 'narrow indexes that count a search without reading the samples table',
    // Counting matches walked a whole sort index (100,000 entries) for a key, pack or favourites
    // filter, and looked up every free-text match in the wide table (peaks, paths): 8–10 ms at
    // 100,000 rows. The first three count a key, a pack or folder, and the favourites from the
    // matching entries alone; the last, keyed by id and carrying every filter column, tests the
    // full-text matches without touching the table, and with the name orders a page of them by
    // relevance or name before any wide row is read (search.ts).
    sql: `
      CREATE INDEX samples_count_key ON samples (missing, musical_key);
      CREATE INDEX samples_count_pack ON samples (missing, pack, folder);
      CREATE INDEX samples_count_favourite ON samples (missing, favourite);
      CREATE INDEX samples_filters_by_id ON samples (id, missing, ${filterColumnsSql}, name);
    `,
  },
  {
    description: 'prefix indexes for words up to eight letters, kept counts, favourites by name',
    // A word typed in full (`kick*`, `dusty*`) had no prefix index past three letters: FTS5 merged
    // the doclists of every word it begins in memory on each search, which cost more than the BM25
    // ranking itself (`dusty kick` 7.1 → 1.5 ms at 100,000 rows). Eight lengths cover the words
    // packs use; the index grows by about a third. The table is rebuilt with the new prefixes from
    // the samples it indexes (the triggers of version 2 keep feeding it).
    // Counting present samples, or one kind or format of them, walked 60,000–100,000 index entries
    // (≈ 2 ms) on every search: sample_counts keeps those counts per (missing, kind, format,
    // favourite), maintained by triggers, so search.ts sums a few rows instead.
    // Favourites by name walked the name index until 500 of 1 in 40 turned up.
    sql: `
      DROP TABLE samples_fts;
      CREATE VIRTUAL TABLE samples_fts USING fts5 (
        name, path_tokens, tags, pack,
        content = 'samples', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8'
      );
      INSERT INTO samples_fts (samples_fts) VALUES ('rebuild');

      CREATE TABLE sample_counts (
        missing   INTEGER NOT NULL,
        kind      TEXT    NOT NULL,
        format    TEXT    NOT NULL,
        favourite INTEGER NOT NULL,
        n         INTEGER NOT NULL,              -- samples with these four values
        PRIMARY KEY (missing, kind, format, favourite)
      ) WITHOUT ROWID;
      INSERT INTO sample_counts SELECT missing, kind, format, favourite, count(*) FROM samples GROUP BY missing, kind, format, favourite;
      CREATE TRIGGER sample_counts_insert AFTER INSERT ON samples BEGIN
        INSERT INTO sample_counts VALUES (new.missing, new.kind, new.format, new.favourite, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER sample_counts_delete AFTER DELETE ON samples BEGIN
        UPDATE sample_counts SET n = n - 1
          WHERE missing = old.missing AND kind = old.kind AND format = old.format AND favourite = old.favourite;
      END;
      CREATE TRIGGER sample_counts_update AFTER UPDATE OF missing, kind, format, favourite ON samples BEGIN
        UPDATE sample_counts SET n = n - 1
          WHERE missing = old.missing AND kind = old.kind AND format = old.format AND favourite = old.favourite;
        INSERT INTO sample_counts VALUES (new.missing, new.kind, new.format, new.favourite, 1)
          ON CONFLICT DO UPDATE SET n = n + 1;
      END;

      CREATE INDEX samples_favourites_by_name ON samples (missing, name COLLATE NOCASE, id, ${filterColumnsSql}) WHERE favourite = 1;
    `,
  },
  {
    description: 'the key index carries every filter column and the name order',
    // A key with other filters (loops in C minor's neighbours at 90–130 BPM: 5,000 of 100,000)
    // either walked the name index testing every entry (≈ 4 ms) or looked each key match up in the
    // table; carrying the filter columns and the name lets search.ts sort just the matches (1.4 ms).
    sql: `
      DROP INDEX samples_count_key;
      CREATE INDEX samples_count_key ON samples (missing, musical_key, ${filterColumnsSql}, name COLLATE NOCASE, id);
    `,
  },
  {
    description: 'a narrow table of names for ranking free text',
    // Free text ranked by BM25 breaks ties by name, so it looked up every match's name: in the wide
    // table (peaks, paths) or the id index that carries every filter column, thousands of page reads
    // for a common word ('kick': 10,000 of 100,000). Three columns per row fit many more rows a page:
    // looking up the names for 'kick' took 6.3 → 2.4 ms. Triggers keep it equal to the samples table.
    sql: `
      CREATE TABLE sample_names (
        id      INTEGER PRIMARY KEY,             -- samples.id
        missing INTEGER NOT NULL,
        name    TEXT    NOT NULL
      );
      INSERT INTO sample_names SELECT id, missing, name FROM samples;
      CREATE TRIGGER sample_names_insert AFTER INSERT ON samples BEGIN
        INSERT INTO sample_names VALUES (new.id, new.missing, new.name);
      END;
      CREATE TRIGGER sample_names_delete AFTER DELETE ON samples BEGIN
        DELETE FROM sample_names WHERE id = old.id;
      END;
      CREATE TRIGGER sample_names_update AFTER UPDATE OF id, missing, name ON samples BEGIN
        UPDATE sample_names SET id = new.id, missing = new.missing, name = new.name WHERE id = old.id;
      END;
    `,
  },
  {
    description: 'the names in name order, and a version that moves when they change',
    // Free text was ranked by BM25 with ties by name: about 14 ms of CPU for the 10,000 matches of
    // 'kick' at 100,000 samples. name-order.ts now holds every sample's place in name order in
    // memory, read in one walk of this index, and reads it again only when the version moves:
    // on an insert, rename, missing flag or delete in the names table, from any connection.
    sql: `
      CREATE INDEX sample_names_by_name ON sample_names (name COLLATE NOCASE, id, missing);
      CREATE TABLE sample_names_version (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        n    INTEGER NOT NULL                    -- moved by every change to sample_names
      );
      INSERT INTO sample_names_version VALUES (1, 0);
      CREATE TRIGGER sample_names_version_insert AFTER INSERT ON sample_names BEGIN
        UPDATE sample_names_version SET n = n + 1;
      END;
      CREATE TRIGGER sample_names_version_delete AFTER DELETE ON sample_names BEGIN
        UPDATE sample_names_version SET n = n + 1;
      END;
      CREATE TRIGGER sample_names_version_update AFTER UPDATE ON sample_names BEGIN
        UPDATE sample_names_version SET n = n + 1;
      END;
    `,
  },
  {
    description: 'a version that moves when a filter column changes',
    // Free text with filters tested each match in the id index: ≈ 7.5 ms for the 10,000 matches of
    // 'pad' at 100,000 samples. filter-facts.ts holds the filter columns in memory and reads them
    // again only when this version moves: on an insert, a delete, or a change to one of them.
    sql: `
      CREATE TABLE sample_filters_version (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        n    INTEGER NOT NULL                    -- moved by every change to a filter column
      );
      INSERT INTO sample_filters_version VALUES (1, 0);
      CREATE TRIGGER sample_filters_version_insert AFTER INSERT ON samples BEGIN
        UPDATE sample_filters_version SET n = n + 1;
      END;
      CREATE TRIGGER sample_filters_version_delete AFTER DELETE ON samples BEGIN
        UPDATE sample_filters_version SET n = n + 1;
      END;
      CREATE TRIGGER sample_filters_version_update
        AFTER UPDATE OF id, missing, favourite, bpm, duration, kind, format, musical_key, pack, folder ON samples BEGIN
        UPDATE sample_filters_version SET n = n + 1;
      END;
    `,
  },
];
