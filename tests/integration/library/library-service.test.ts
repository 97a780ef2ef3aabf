import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../../electron/services/jobs';
import { LibraryService } from '../../../electron/services/library/library-service';
import { SearchArgs } from '../../../src/protocol/ipc';
import { packFile } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';
import { buildZip } from '../projects/support/raw-zip';

/** Polls `check` until it holds, for at most `timeoutMs`. */
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

describe('the library service', () => {
  it('imports zips into Packs beside its library, and serves collections and a collection filter', async () => {
    const dir = tempDir();
    const zip = path.join(dir, 'Kicks.zip');
    writeFileSync(zip, buildZip(['bd_boom.flac', 'bd_haus.flac', 'bd_tek.mp3'].map((name) => ({ name, data: readFileSync(packFile(`Drums/Kicks/${name}`)) }))));
    const service = new LibraryService(new JobRegistry(), path.join(dir, 'lib', 'library.sqlite3'));
    try {
      const summary = await service.import([zip], () => undefined);
      expect(summary).toMatchObject({ found: 3, indexed: 3, failed: [] });
      expect(readdirSync(path.join(dir, 'lib', 'Packs'))).toEqual(['Kicks']);
      expect(service.packs()).toEqual({ packs: [{ name: 'Kicks', count: 3, folders: [] }] });

      const all = service.search(SearchArgs.parse({ text: '' }));
      const id = (name: string) => all.rows.find((row) => row.name === name)?.id ?? -1;
      const faves = service.createCollection('Faves');
      expect(faves).toMatchObject({ name: 'Faves', count: 0 });
      expect(service.addToCollection(faves.id, [id('bd_boom.flac'), id('bd_tek.mp3')])).toEqual({ added: 2 });
      expect(service.removeFromCollection(faves.id, [id('bd_tek.mp3')])).toEqual({ removed: 1 });
      expect(service.renameCollection(faves.id, 'Best kicks')).toMatchObject({ id: faves.id, name: 'Best kicks', count: 1 });
      expect(service.collections().collections.map((c) => [c.name, c.count])).toEqual([['Best kicks', 1]]);
      expect(service.search({ ...SearchArgs.parse({ text: '' }), collectionId: faves.id }).rows.map((row) => row.name)).toEqual(['bd_boom.flac']);
      expect(JSON.parse(JSON.stringify(service.collections()))).toEqual(service.collections());
      // A tempo the user tapped for a file is kept on its row; a file the library does not hold changes nothing.
      const boom = all.rows.find((row) => row.name === 'bd_boom.flac');
      expect(service.setTempo(boom?.path ?? '', 92.5)).toEqual({ updated: 1 });
      expect(service.search(SearchArgs.parse({ text: 'boom' })).rows.map((row) => row.bpm)).toEqual([92.5]);
      expect(service.setTempo(path.join(dir, 'elsewhere.wav'), 92.5)).toEqual({ updated: 0 });
      expect(service.deleteCollection(faves.id)).toEqual({ deleted: true });
      expect(service.collections()).toEqual({ collections: [] });
    } finally {
      service.close();
    }
  });

  it('finds a key with its relative (same notes), and "compatible" adds the Camelot neighbours', async () => {
    const dir = tempDir();
    const pack = path.join(dir, 'Keys');
    mkdirSync(pack);
    // C minor, F minor (a fifth below C minor), C major, F major, as their names or audio say.
    for (const file of ['Loops/garzul_120bpm_Cmin_96k.wav', 'Loops/loop_mika.flac', 'Bass/bass_hard_C.flac', 'Bass/bass_dnb_F.mp3']) {
      copyFileSync(packFile(file), path.join(pack, path.basename(file)));
    }
    const service = new LibraryService(new JobRegistry(), path.join(dir, 'library.sqlite3'));
    const names = (key: string, compatibleKeys = false) => service.search(SearchArgs.parse({ key, compatibleKeys })).rows.map((row) => row.name);
    try {
      expect(await service.import([pack], () => undefined)).toMatchObject({ indexed: 4, failed: [] });
      expect(names('Cm')).toEqual(['garzul_120bpm_Cmin_96k.wav']);
      // E♭ major and C minor are the same seven notes; so are A minor and C major.
      expect(names('E♭')).toEqual(['garzul_120bpm_Cmin_96k.wav']);
      expect(names('Eb major')).toEqual(['garzul_120bpm_Cmin_96k.wav']);
      expect(names('Am')).toEqual(['bass_hard_C.flac']);
      expect(names('D minor')).toEqual(['bass_dnb_F.mp3']);
      // Compatible: a fifth up and down with their relatives. C minor gains F minor, not F major.
      expect(names('Cm', true)).toEqual(['garzul_120bpm_Cmin_96k.wav', 'loop_mika.flac']);
      expect(names('Am', true)).toEqual(['bass_dnb_F.mp3', 'bass_hard_C.flac']);
    } finally {
      service.close();
    }
  });

  it('watches folders, across a restart of the service', async () => {
    const dir = tempDir();
    const pack = path.join(dir, 'Pack');
    cpSync(packFile('Drums/Kicks'), pack, { recursive: true });
    const library = path.join(dir, 'library.sqlite3');
    const updates: { folder: string; indexed: number }[] = [];
    let service = new LibraryService(new JobRegistry(), library, { onWatchedImport: (summary) => updates.push(summary) });
    const total = () => service.search(SearchArgs.parse({ text: '' })).total;
    try {
      expect(await service.watch(pack)).toMatchObject({ path: pack });
      expect(service.watched().folders.map((f) => f.path)).toEqual([pack]);
      await eventually(() => expect(total()).toBe(5));
      await eventually(() => expect(updates).toContainEqual(expect.objectContaining({ folder: pack, indexed: 5 })));
      service.close();

      copyFileSync(packFile('Drums/Snares/sn_dolf.aiff'), path.join(pack, 'sn_dolf.aiff'));
      service = new LibraryService(new JobRegistry(), library);
      expect((await service.startWatching()).folders.map((f) => f.path)).toEqual([pack]);
      await eventually(() => expect(total()).toBe(6));
      expect(service.unwatch(pack)).toEqual({ watching: true });
      expect(service.watched()).toEqual({ folders: [] });
    } finally {
      service.close();
    }
  });
});
