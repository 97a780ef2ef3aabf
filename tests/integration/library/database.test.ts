import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultLibraryPath, openLibraryDatabase } from '../../../electron/services/library/database';
import { migrations } from '../../../electron/services/library/migrations';
import { tempDir } from '../../support/temp-dir';

const sampleValues = `('/p/Kicks/bd_boom.flac', 'bd_boom.flac', 'pack', 'Kicks', 'kicks bd boom', 1, 1, 'h', 'flac', 44100, 2, 16, 1.5, 0, -9, x'00', 'one-shot', 'drums kick', 0)`;
const sampleColumns = '(path, name, pack, folder, path_tokens, size, mtime_ms, content_hash, format, sample_rate, channels, bit_depth, duration, peak_dbfs, loudness_lufs, peaks, kind, tags, added_at)';

describe('the library database', () => {
  it('lives in the data folder, which GLOWROOM_HOME overrides', () => {
    expect(defaultLibraryPath({ GLOWROOM_HOME: '/tmp/gr-home' })).toBe(path.join('/tmp/gr-home', 'library.sqlite3'));
  });

  it('creates the latest schema with WAL, foreign keys and an FTS5 index kept in sync', () => {
    const file = path.join(tempDir(), 'nested', 'library.sqlite3');
    const db = openLibraryDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      db.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
      const match = (q: string) => db.prepare('SELECT count(*) AS n FROM samples_fts WHERE samples_fts MATCH ?').pluck().get(q);
      expect(match('kick')).toBe(1);
      db.exec(`UPDATE samples SET tags = 'drums snare'`);
      expect(match('kick')).toBe(0);
      expect(match('snare')).toBe(1);
      db.exec('INSERT INTO collections (name, created_at) VALUES (\'Faves\', 0)');
      db.exec('INSERT INTO collection_samples VALUES (1, 1, 0)');
      db.exec('DELETE FROM samples');
      expect(match('snare')).toBe(0);
      expect(db.prepare('SELECT count(*) FROM collection_samples').pluck().get()).toBe(0);
      expect(() => db.exec('INSERT INTO collection_samples VALUES (1, 99, 0)')).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });

  it('upgrades an older library step by step and indexes the rows it held', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    openLibraryDatabase(file, migrations.slice(0, 1)).close();
    const v1 = new Database(file);
    v1.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();
    const db = openLibraryDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.prepare("SELECT count(*) FROM samples_fts WHERE samples_fts MATCH 'boo*'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('upgrades a version-6 library to 7: the rows stay and the counting indexes serve a key count', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    openLibraryDatabase(file, migrations.slice(0, 6)).close();
    const v6 = new Database(file);
    v6.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
    v6.close();
    const db = openLibraryDatabase(file, migrations.slice(0, 7));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(7);
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'samples_%' ORDER BY name").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['samples_count_favourite', 'samples_count_key', 'samples_count_pack', 'samples_filters_by_id']));
      expect(db.prepare('SELECT count(*) FROM samples WHERE missing = 0 AND pack = ?').pluck().get('pack')).toBe(1);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM samples WHERE missing = 0 AND musical_key = 'A minor'").all() as { detail: string }[];
      expect(plan.map((row) => row.detail).join(' | ')).toMatch(/COVERING INDEX samples_count_key/);
    } finally {
      db.close();
    }
  });

  it('upgrades a version-7 library to 8: its rows are found by whole words, and the kept counts follow every change', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    openLibraryDatabase(file, migrations.slice(0, 7)).close();
    const v7 = new Database(file);
    v7.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
    v7.close();
    const db = openLibraryDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'samples_fts'").pluck().get()).toContain("prefix = '1 2 3 4 5 6 7 8'");
      const match = (q: string) => db.prepare('SELECT count(*) FROM samples_fts WHERE samples_fts MATCH ?').pluck().get(q);
      expect([match('"kicks"*'), match('"boom"*'), match('"drum"*'), match('"snare"*')]).toEqual([1, 1, 1, 0]);
      const truth = () => db.prepare('SELECT missing, kind, format, favourite, count(*) AS n FROM samples GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4').all();
      const kept = () => db.prepare('SELECT missing, kind, format, favourite, n FROM sample_counts WHERE n > 0 ORDER BY 1, 2, 3, 4').all();
      expect(kept()).toEqual([{ missing: 0, kind: 'one-shot', format: 'flac', favourite: 0, n: 1 }]);
      const insert = db.prepare(`INSERT INTO samples ${sampleColumns.replace('added_at)', 'added_at, missing, favourite)')} VALUES (?, 'x.wav', 'pack', '', 'x', 1, 1, 'h', ?, 44100, 2, 16, 1, 0, -9, x'00', ?, '', 0, ?, ?)`);
      for (let i = 0; i < 40; i++) insert.run(`/p/${i}.wav`, ['wav', 'mp3', 'ogg'][i % 3], i % 4 === 0 ? 'loop' : 'one-shot', i % 5 === 0 ? 1 : 0, i % 7 === 0 ? 1 : 0);
      expect(kept()).toEqual(truth());
      const steps = [
        'UPDATE samples SET missing = 1 - missing WHERE id % 3 = 0',
        "UPDATE samples SET favourite = 1, format = 'aiff' WHERE id % 4 = 1",
        "UPDATE samples SET kind = 'loop' WHERE id % 6 = 2",
        "UPDATE samples SET name = 'renamed.wav', bpm = 120 WHERE id % 2 = 0",
        'DELETE FROM samples WHERE id % 5 = 3',
        'DELETE FROM samples WHERE id > 30',
      ];
      for (const step of steps) {
        db.exec(step);
        expect(kept(), step).toEqual(truth());
      }
    } finally {
      db.close();
    }
  });

  it('upgrades a version-8 library to 9: the key index carries the filters and the name order, and finds the same rows', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    openLibraryDatabase(file, migrations.slice(0, 8)).close();
    const v8 = new Database(file);
    v8.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
    v8.exec(`UPDATE samples SET musical_key = 'A minor', bpm = 120`);
    v8.close();
    const db = openLibraryDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const columns = (db.pragma('index_xinfo(samples_count_key)') as { name: string | null; key: number }[]).filter((c) => c.key === 1).map((c) => c.name);
      expect(columns).toEqual(['missing', 'musical_key', 'kind', 'favourite', 'format', 'bpm', 'musical_key', 'duration', 'pack', 'folder', 'name', 'id']);
      const ids = db.prepare("SELECT id FROM samples INDEXED BY samples_count_key WHERE missing = 0 AND musical_key = 'A minor' AND kind = 'one-shot' AND bpm BETWEEN 100 AND 130 ORDER BY name COLLATE NOCASE, id").pluck().all();
      expect(ids).toEqual([1]);
    } finally {
      db.close();
    }
  });

  it('upgrades a version-9 library to 10: the names table holds every row, and follows inserts, renames, missing flags and deletes', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    openLibraryDatabase(file, migrations.slice(0, 9)).close();
    const v9 = new Database(file);
    v9.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
    v9.close();
    const db = openLibraryDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const truth = () => db.prepare('SELECT id, missing, name FROM samples ORDER BY id').all();
      const kept = () => db.prepare('SELECT id, missing, name FROM sample_names ORDER BY id').all();
      expect(kept()).toEqual([{ id: 1, missing: 0, name: 'bd_boom.flac' }]);
      const insert = db.prepare(`INSERT INTO samples ${sampleColumns.replace('added_at)', 'added_at, missing)')} VALUES (?, ?, 'pack', '', 'x', 1, 1, 'h', 'wav', 44100, 2, 16, 1, 0, -9, x'00', 'one-shot', '', 0, ?)`);
      for (let i = 0; i < 30; i++) insert.run(`/p/${i}.wav`, `s${i}.wav`, i % 4 === 0 ? 1 : 0);
      expect(kept()).toEqual(truth());
      const steps = [
        'UPDATE samples SET missing = 1 - missing WHERE id % 3 = 0',
        "UPDATE samples SET name = 'Renamed ' || id || '.wav' WHERE id % 2 = 0",
        'UPDATE samples SET bpm = 120, favourite = 1 WHERE id % 5 = 1',
        'UPDATE samples SET id = id + 100 WHERE id = 7',
        'DELETE FROM samples WHERE id % 5 = 3',
        'DELETE FROM samples WHERE id > 25',
      ];
      for (const step of steps) {
        db.exec(step);
        expect(kept(), step).toEqual(truth());
      }
    } finally {
      db.close();
    }
  });

  it('upgrades a version-10 library to 11: names are read in name order from an index, and the names version moves only when names change', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    openLibraryDatabase(file, migrations.slice(0, 10)).close();
    const v10 = new Database(file);
    v10.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
    v10.close();
    const db = openLibraryDatabase(file, migrations.slice(0, 11));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(11);
      const byName = 'SELECT id, missing, name FROM sample_names INDEXED BY sample_names_by_name ORDER BY name COLLATE NOCASE, id';
      expect((db.prepare(`EXPLAIN QUERY PLAN ${byName}`).all() as { detail: string }[]).map((row) => row.detail)).toEqual(['SCAN sample_names USING COVERING INDEX sample_names_by_name']);
      expect(db.prepare(byName).all()).toEqual([{ id: 1, missing: 0, name: 'bd_boom.flac' }]);
      const version = () => db.prepare('SELECT n FROM sample_names_version').pluck().get() as number;
      const insert = db.prepare(`INSERT INTO samples ${sampleColumns} VALUES (?, ?, 'pack', '', 'x', 1, 1, 'h', 'wav', 44100, 2, 16, 1, 0, -9, x'00', 'one-shot', '', 0)`);
      for (let i = 0; i < 5; i++) insert.run(`/p/${i}.wav`, `B${i}.wav`);
      expect(version()).toBe(5);
      const steps: [string, boolean][] = [
        ['UPDATE samples SET bpm = 120, favourite = 1, loudness_lufs = -12 WHERE id % 2 = 0', false],
        ["UPDATE samples SET name = 'a.wav' WHERE id = 3", true],
        ['UPDATE samples SET missing = 1 WHERE id = 4', true],
        ['DELETE FROM samples WHERE id = 2', true],
      ];
      for (const [step, moves] of steps) {
        const before = version();
        db.exec(step);
        expect(version() > before, step).toBe(moves);
      }
      expect(db.prepare(byName).all()).toEqual(db.prepare("SELECT id, missing, name FROM samples ORDER BY name COLLATE NOCASE, id").all());
    } finally {
      db.close();
    }
  });

  it('upgrades a version-11 library to 12: the filters version moves when a filter column changes, and not for the rest', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    openLibraryDatabase(file, migrations.slice(0, 11)).close();
    const v11 = new Database(file);
    v11.exec(`INSERT INTO samples ${sampleColumns} VALUES ${sampleValues}`);
    v11.close();
    const db = openLibraryDatabase(file, migrations.slice(0, 12));
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(12);
      const version = () => db.prepare('SELECT n FROM sample_filters_version').pluck().get() as number;
      expect(version()).toBe(0);
      const insert = db.prepare(`INSERT INTO samples ${sampleColumns} VALUES (?, ?, 'pack', '', 'x', 1, 1, 'h', 'wav', 44100, 2, 16, 1, 0, -9, x'00', 'one-shot', '', 0)`);
      for (let i = 0; i < 3; i++) insert.run(`/p/${i}.wav`, `B${i}.wav`);
      expect(version()).toBe(3);
      const steps: [string, boolean][] = [
        ["UPDATE samples SET loudness_lufs = -12, peaks = x'01', tags = 'kick', analysed = 1 WHERE id = 2", false],
        ['UPDATE samples SET bpm = 120 WHERE id = 2', true],
        ["UPDATE samples SET musical_key = 'A minor' WHERE id = 2", true],
        ['UPDATE samples SET favourite = 1 WHERE id = 3', true],
        ['UPDATE samples SET missing = 1 WHERE id = 3', true],
        ["UPDATE samples SET kind = 'loop', duration = 4, format = 'flac' WHERE id = 4", true],
        ["UPDATE samples SET pack = 'other', folder = 'Drums' WHERE id = 4", true],
        ['DELETE FROM samples WHERE id = 4', true],
      ];
      for (const [step, moves] of steps) {
        const before = version();
        db.exec(step);
        expect(version() > before, step).toBe(moves);
      }
    } finally {
      db.close();
    }
  });

  it('refuses a library from a newer Glowroom and a file that is not a library, leaving both alone', () => {
    const dir = tempDir();
    const newer = path.join(dir, 'newer.sqlite3');
    const raw = new Database(newer);
    raw.pragma(`user_version = ${migrations.length + 1}`);
    raw.close();
    expect(() => openLibraryDatabase(newer)).toThrow(
      `The library ${newer} was written by a newer Glowroom (schema version ${migrations.length + 1}; this version reads up to ${migrations.length}). Update Glowroom, or choose another library file.`,
    );
    const check = new Database(newer);
    expect(check.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    expect(check.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'samples'").pluck().get()).toBe(0);
    check.close();

    const notALibrary = path.join(dir, 'notes.txt');
    writeFileSync(notALibrary, 'these are my notes, not a database, and they go on for a while '.repeat(20));
    expect(() => openLibraryDatabase(notALibrary)).toThrow(/is not a Glowroom library \(not an SQLite database\)/);
  });
});
