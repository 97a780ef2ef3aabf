import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../../../electron/services/library/database';
import type { ImportResult } from '../../../electron/services/library/import';
import { searchSamples } from '../../../electron/services/library/search';
import { LibraryWatcher, type WatcherOptions } from '../../../electron/services/library/watcher';
import { packFile } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';
import { buildZip } from '../projects/support/raw-zip';

/** Polls `check` until it holds, for at most `timeoutMs`; the last failure is the test's. */
async function eventually(check: () => void, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

const modes: NonNullable<WatcherOptions['mode']>[] = ['per-folder', 'recursive'];

describe.each(modes)('watching a folder (%s)', (mode) => {
  let dir: string;
  let pack: string;
  let db: LibraryDatabase;
  let watcher: LibraryWatcher;
  let imports: ImportResult[];
  let errors: unknown[];

  const make = () => new LibraryWatcher(db, { debounceMs: 100, mode, packsDir: path.join(dir, 'Packs'), onImported: (_folder, result) => imports.push(result), onError: (_folder, error) => errors.push(error) });

  beforeEach(() => {
    dir = tempDir();
    pack = path.join(dir, 'My Pack');
    cpSync(packFile('Drums/Kicks'), path.join(pack, 'Kicks'), { recursive: true });
    db = openLibraryDatabase(path.join(dir, 'library.sqlite3'));
    imports = [];
    errors = [];
    watcher = make();
  });
  afterEach(() => {
    watcher.dispose();
    db.close();
    expect(errors).toEqual([]);
  });

  const row = (name: string) => searchSamples(db, { text: name.replace(/\.\w+$/, ''), includeMissing: true }).rows.find((r) => r.name === name);

  it('indexes the folder at once and records it', async () => {
    expect(await watcher.watch(pack, 1234)).toEqual({ path: pack, addedAt: 1234 });
    expect(await watcher.watch(pack)).toEqual({ path: pack, addedAt: 1234 });
    expect(watcher.watched()).toEqual([{ path: pack, addedAt: 1234 }]);
    await eventually(() => expect(searchSamples(db, {}).total).toBe(5));
    expect(row('bd_boom.flac')).toMatchObject({ pack: 'My Pack', folder: 'Kicks' });
  });

  it('indexes new files, re-analyses changed ones and flags deleted ones', async () => {
    await watcher.watch(pack);
    await eventually(() => expect(searchSamples(db, {}).total).toBe(5));
    await watcher.settled();
    const boom = row('bd_boom.flac');

    // New files, also in a new nested folder; a readme changes nothing.
    copyFileSync(packFile('Drums/Snares/sn_dolf.aiff'), path.join(pack, 'Kicks', 'sn_dolf.aiff'));
    mkdirSync(path.join(pack, 'Snares', 'Deep'), { recursive: true });
    copyFileSync(packFile('Drums/Snares/sn_generic.flac'), path.join(pack, 'Snares', 'Deep', 'sn_generic.flac'));
    writeFileSync(path.join(pack, 'README.txt'), 'hello');
    await eventually(() => {
      expect(row('sn_dolf.aiff')).toMatchObject({ pack: 'My Pack', folder: 'Kicks', missing: false });
      expect(row('sn_generic.flac')).toMatchObject({ pack: 'My Pack', folder: 'Snares/Deep', missing: false });
    });

    // A file in a folder made after watching began is seen too.
    copyFileSync(packFile('Drums/Snares/sn_dub_8bit.wav'), path.join(pack, 'Snares', 'Deep', 'sn_dub_8bit.wav'));
    await eventually(() => expect(row('sn_dub_8bit.wav')).toMatchObject({ folder: 'Snares/Deep' }));

    // Changed content: the same row, analysed again.
    const haus = row('bd_haus.flac');
    expect(haus?.duration).not.toBe(boom?.duration);
    copyFileSync(packFile('Drums/Kicks/bd_haus.flac'), path.join(pack, 'Kicks', 'bd_boom.flac'));
    await eventually(() => expect(row('bd_boom.flac')).toMatchObject({ id: boom?.id, duration: haus?.duration, missing: false }));

    // Deleted: one file, then a whole folder.
    rmSync(path.join(pack, 'Kicks', 'bd_tek.mp3'));
    await eventually(() => expect(row('bd_tek.mp3')).toMatchObject({ missing: true }));
    rmSync(path.join(pack, 'Snares'), { recursive: true });
    await eventually(() => {
      expect(row('sn_generic.flac')).toMatchObject({ missing: true });
      expect(row('sn_dub_8bit.wav')).toMatchObject({ missing: true });
    });
    expect(searchSamples(db, {}).total).toBe(5);
    await watcher.settled();
    expect(imports.every((result) => result.failed.length === 0)).toBe(true);
  });

  it('unpacks a zip pack dropped into the folder as a pack of its own', async () => {
    await watcher.watch(pack);
    await eventually(() => expect(searchSamples(db, {}).total).toBe(5));
    await watcher.settled();
    // Written beside the pack, then moved in whole, as a finished download lands.
    writeFileSync(path.join(dir, 'download.zip'), buildZip([{ name: 'Snares/sn_dolf.aiff', data: readFileSync(packFile('Drums/Snares/sn_dolf.aiff')) }]));
    renameSync(path.join(dir, 'download.zip'), path.join(pack, 'Snare Pack.zip'));
    await eventually(() => expect(row('sn_dolf.aiff')).toMatchObject({ pack: 'Snare Pack', folder: 'Snares', path: path.join(dir, 'Packs', 'Snare Pack', 'Snares', 'sn_dolf.aiff') }));
    expect(readdirSync(path.join(dir, 'Packs'))).toEqual(['Snare Pack']);
  });

  it('stops on unwatch and catches up on start with what changed meanwhile', async () => {
    await watcher.watch(pack);
    await eventually(() => expect(searchSamples(db, {}).total).toBe(5));
    await watcher.settled();
    expect(watcher.unwatch(pack)).toBe(true);
    expect(watcher.unwatch(pack)).toBe(false);
    expect(watcher.watched()).toEqual([]);
    const before = imports.length;
    rmSync(path.join(pack, 'Kicks', 'bd_tek.mp3'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    await watcher.settled();
    expect(imports.length).toBe(before);
    expect(row('bd_tek.mp3')).toMatchObject({ missing: false });

    // Recorded again, then the app "restarts": a new watcher catches up on start.
    await watcher.watch(pack);
    watcher.dispose();
    copyFileSync(packFile('Drums/Snares/sn_dolf.aiff'), path.join(pack, 'sn_dolf.aiff'));
    watcher = make();
    expect((await watcher.start()).map((folder) => folder.path)).toEqual([pack]);
    await eventually(() => {
      expect(row('bd_tek.mp3')).toMatchObject({ missing: true });
      expect(row('sn_dolf.aiff')).toMatchObject({ folder: '', missing: false });
    });
  });
});

describe('watching, bad input', () => {
  it('refuses a missing folder and a file', async () => {
    const dir = tempDir();
    const db = openLibraryDatabase(':memory:');
    const watcher = new LibraryWatcher(db);
    try {
      await expect(watcher.watch(path.join(dir, 'nope'))).rejects.toThrow(`Cannot watch ${path.join(dir, 'nope')}: there is no such folder.`);
      writeFileSync(path.join(dir, 'file.wav'), '');
      await expect(watcher.watch(path.join(dir, 'file.wav'))).rejects.toThrow(/it is a file; watch the folder that holds it/);
      expect(watcher.watched()).toEqual([]);
    } finally {
      watcher.dispose();
      db.close();
    }
  });
});
