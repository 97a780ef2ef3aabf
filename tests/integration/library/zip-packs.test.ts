import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../../../electron/services/library/database';
import { importFolders } from '../../../electron/services/library/import';
import { searchSamples } from '../../../electron/services/library/search';
import { packsDirFor } from '../../../electron/services/library/zip-packs';
import { packFile } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';
import { buildZip, type RawEntry } from '../projects/support/raw-zip';

const kick = readFileSync(packFile('Drums/Kicks/bd_haus.flac'));
const snare = readFileSync(packFile('Drums/Snares/sn_dolf.aiff'));
const loop = readFileSync(packFile('Loops/amen_break_137bpm.wav'));

/** A pack as producers get them: folders, audio, a readme, and Mac litter. */
const goodPack: RawEntry[] = [
  { name: 'Drums/', mode: 0o040755 },
  { name: 'Drums/bd_haus.flac', data: kick },
  { name: 'Drums/sn_dolf.aiff', data: snare, method: 0 },
  { name: 'Loops/amen_break_137bpm.wav', data: loop },
  { name: 'README.txt', data: Buffer.from('Thanks for downloading!') },
  { name: '__MACOSX/Drums/._bd_haus.flac', data: Buffer.from('AppleDouble junk') },
];

describe('importing zip packs', () => {
  let dir: string;
  let packsDir: string;
  let db: LibraryDatabase;

  beforeEach(() => {
    dir = tempDir();
    packsDir = path.join(dir, 'Packs');
    db = openLibraryDatabase(path.join(dir, 'library.sqlite3'));
  });
  afterEach(() => db.close());

  const writeZip = (name: string, entries: readonly RawEntry[]) => {
    const file = path.join(dir, 'downloads', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, buildZip(entries));
    return file;
  };

  it('keeps unpacked packs beside the library, in the data folder by default', () => {
    expect(packsDirFor(path.join(dir, 'library.sqlite3'))).toBe(packsDir);
    expect(packsDirFor(undefined, { GLOWROOM_HOME: dir })).toBe(packsDir);
  });

  it('unpacks a zip into the library’s Packs folder and indexes it as a pack named after the zip', async () => {
    const zip = writeZip('Night Drums.zip', goodPack);
    const result = await importFolders(db, [zip], { packsDir });
    expect(result).toMatchObject({ found: 3, indexed: 3, failed: [], cancelled: false });
    expect(readdirSync(packsDir)).toEqual(['Night Drums']);
    const folder = path.join(packsDir, 'Night Drums');
    expect(readdirSync(folder).sort()).toEqual(['Drums', 'Loops', 'README.txt']);
    expect(readFileSync(path.join(folder, 'Drums/bd_haus.flac')).equals(kick)).toBe(true);
    const rows = searchSamples(db, { pack: 'Night Drums', sort: 'name' }).rows;
    expect(rows.map((r) => [r.name, r.folder, r.path])).toEqual([
      ['amen_break_137bpm.wav', 'Loops', path.join(folder, 'Loops/amen_break_137bpm.wav')],
      ['bd_haus.flac', 'Drums', path.join(folder, 'Drums/bd_haus.flac')],
      ['sn_dolf.aiff', 'Drums', path.join(folder, 'Drums/sn_dolf.aiff')],
    ]);
    expect(rows[0]).toMatchObject({ bpm: 137, kind: 'loop' });
  });

  it('does not unpack the same zip again: same size and time, or same content under another name', async () => {
    const zip = writeZip('Night Drums.zip', goodPack);
    await importFolders(db, [zip], { packsDir });
    expect(await importFolders(db, [zip], { packsDir })).toMatchObject({ found: 3, indexed: 0, skipped: 3, failed: [] });

    const copy = path.join(dir, 'elsewhere', 'night-drums-copy.zip');
    mkdirSync(path.dirname(copy));
    copyFileSync(zip, copy);
    const later = new Date(Date.now() + 60_000);
    utimesSync(zip, later, later);
    // Both name one folder, scanned once.
    expect(await importFolders(db, [copy, zip], { packsDir })).toMatchObject({ found: 3, indexed: 0, skipped: 3, failed: [] });
    expect(readdirSync(packsDir)).toEqual(['Night Drums']);
    expect(searchSamples(db, {}).total).toBe(3);
  });

  it('unpacks a different zip of the same name beside the first, under the same pack name', async () => {
    await importFolders(db, [writeZip('Night Drums.zip', goodPack)], { packsDir });
    const other = path.join(dir, 'other', 'Night Drums.zip');
    mkdirSync(path.dirname(other));
    writeFileSync(other, buildZip([{ name: 'kick_two.flac', data: kick }]));
    expect(await importFolders(db, [other], { packsDir })).toMatchObject({ indexed: 1, failed: [] });
    expect(readdirSync(packsDir).sort()).toEqual(['Night Drums', 'Night Drums 2']);
    expect(searchSamples(db, { text: 'kick_two' }).rows[0]).toMatchObject({ pack: 'Night Drums', path: path.join(packsDir, 'Night Drums 2', 'kick_two.flac') });
  });

  it('unpacks zips found inside an imported folder as packs of their own, once', async () => {
    const folder = path.join(dir, 'Downloads');
    mkdirSync(path.join(folder, 'Packs from friends'), { recursive: true });
    writeFileSync(path.join(folder, 'loose_kick.flac'), kick);
    writeFileSync(path.join(folder, 'Packs from friends', 'Night Drums.zip'), buildZip(goodPack));
    // A project bundle is a project, not a pack.
    writeFileSync(path.join(folder, 'song.glowroom.zip'), buildZip([{ name: 'Audio/bounce.flac', data: kick }]));
    const first = await importFolders(db, [folder], { packsDir });
    expect(first).toMatchObject({ found: 4, indexed: 4, failed: [], cancelled: false });
    expect(readdirSync(packsDir)).toEqual(['Night Drums']);
    const unpacked = path.join(packsDir, 'Night Drums');
    expect(searchSamples(db, { sort: 'name' }).rows.map((r) => [r.name, r.pack, r.path])).toEqual([
      ['amen_break_137bpm.wav', 'Night Drums', path.join(unpacked, 'Loops/amen_break_137bpm.wav')],
      ['bd_haus.flac', 'Night Drums', path.join(unpacked, 'Drums/bd_haus.flac')],
      ['loose_kick.flac', 'Downloads', path.join(folder, 'loose_kick.flac')],
      ['sn_dolf.aiff', 'Night Drums', path.join(unpacked, 'Drums/sn_dolf.aiff')],
    ]);

    const unpackedAt = () => db.prepare('SELECT unpacked_at FROM zip_packs').pluck().all();
    const before = unpackedAt();
    expect(before).toHaveLength(1);
    expect(await importFolders(db, [folder], { packsDir })).toMatchObject({ found: 4, indexed: 0, skipped: 4, missing: 0, failed: [] });
    expect(readdirSync(packsDir)).toEqual(['Night Drums']);
    expect(unpackedAt()).toEqual(before);
  });

  it('reports a bad zip inside a folder and imports the rest; a zip inside a zip pack stays packed', async () => {
    const folder = path.join(dir, 'Downloads');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'Evil.zip'), buildZip([{ name: '../escape.wav', data: kick }]));
    writeFileSync(path.join(folder, 'Nested.zip'), buildZip([...goodPack, { name: 'Extras.zip', data: buildZip([{ name: 'kick_two.flac', data: kick }]) }]));
    const result = await importFolders(db, [folder], { packsDir });
    expect(result).toMatchObject({ found: 3, indexed: 3 });
    expect(result.failed).toEqual([{ path: path.join(folder, 'Evil.zip'), reason: expect.stringMatching(/^Evil\.zip was not opened: "\.\.\/escape\.wav" contains "\.\."/) }]);
    expect(readdirSync(packsDir)).toEqual(['Nested']);
    expect(readdirSync(path.join(packsDir, 'Nested')).sort()).toEqual(['Drums', 'Extras.zip', 'Loops', 'README.txt']);
  });

  const zeros = Buffer.alloc(8 * 1024 * 1024);
  const hostile: [string, RawEntry[], RegExp][] = [
    ['climbs out with ..', [{ name: 'ok.flac', data: kick }, { name: 'Drums/../../evil.wav', data: kick }], /"Drums\/\.\.\/\.\.\/evil\.wav" contains "\.\."/],
    ['uses an absolute path', [{ name: '/tmp/evil.wav', data: kick }], /"\/tmp\/evil\.wav" is an absolute path/],
    ['holds a symbolic link', [{ name: 'link.wav', data: Buffer.from('/etc/passwd'), mode: 0o120777 }], /"link\.wav" is a symbolic link/],
    ['holds two names for one file', [{ name: 'Kick.flac', data: kick }, { name: 'kick.flac', data: kick }], /"kick\.flac" and "Kick\.flac" would be the same file/],
    ['is a zip bomb', [{ name: 'bomb.wav', data: zeros }], /"bomb\.wav" would unpack \d+ times larger .* a zip bomb/],
    ['lies about a size after a good file was unpacked', [{ name: 'ok.flac', data: kick }, { name: 'liar.wav', data: loop, size: 100 }], /"liar\.wav" unpacks to more than the 100 bytes/],
    ['fails a checksum', [{ name: 'ok.flac', data: kick }, { name: 'bad.wav', data: loop, crc: 1234 }], /"bad\.wav" fails its checksum/],
  ];
  for (const [what, entries, reason] of hostile) {
    it(`refuses a zip that ${what}, naming the entry, and leaves nothing behind`, async () => {
      const zip = writeZip('Evil Pack.zip', entries);
      const result = await importFolders(db, [zip], { packsDir });
      expect(result).toMatchObject({ found: 0, indexed: 0 });
      expect(result.failed).toHaveLength(1);
      expect(result.failed[0]?.path).toBe(zip);
      expect(result.failed[0]?.reason).toMatch(/^Evil Pack\.zip/);
      expect(result.failed[0]?.reason).toMatch(reason);
      expect(existsSync(packsDir) ? readdirSync(packsDir) : []).toEqual([]);
      expect(existsSync(path.join(dir, 'evil.wav')) || existsSync('/tmp/evil.wav')).toBe(false);
      expect(db.prepare('SELECT count(*) FROM zip_packs').pluck().get()).toBe(0);
      expect(searchSamples(db, {}).total).toBe(0);
    });
  }

  it('reports a file that is not a zip, and imports the other roots', async () => {
    const fake = path.join(dir, 'fake.zip');
    writeFileSync(fake, 'not a zip at all, just text');
    const result = await importFolders(db, [fake, path.join(dir, 'missing.zip'), writeZip('Good.zip', goodPack)], { packsDir });
    expect(result).toMatchObject({ indexed: 3 });
    expect(result.failed.map((f) => [path.basename(f.path), f.reason])).toEqual([
      ['fake.zip', 'fake.zip is not a zip file (or it is cut short).'],
      ['missing.zip', expect.stringMatching(/was not found/)],
    ]);
    expect(readdirSync(packsDir)).toEqual(['Good']);
  });
});
