import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToCollection,
  collectionsOfSample,
  createCollection,
  deleteCollection,
  getCollection,
  listCollections,
  removeFromCollection,
  renameCollection,
} from '../../../electron/services/library/collections';
import { openLibraryDatabase, type LibraryDatabase } from '../../../electron/services/library/database';
import { importFolders } from '../../../electron/services/library/import';
import { searchSamples } from '../../../electron/services/library/search';
import { packFile } from '../../support/paths';

describe('collections', () => {
  let db: LibraryDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = openLibraryDatabase(':memory:');
    await importFolders(db, [packFile('Drums/Kicks'), packFile('Drums/Snares')]);
    for (const row of searchSamples(db, {}).rows) ids[row.name] = row.id;
  });
  afterAll(() => db.close());

  const id = (name: string) => {
    const found = ids[name];
    if (found === undefined) throw new Error(`${name} was not imported`);
    return found;
  };
  const names = (collectionId: number, text?: string) =>
    searchSamples(db, { collectionId, ...(text ? { text } : {}) }).rows.map((row) => row.name);

  it('creates, lists, renames and deletes collections with unique, trimmed names', () => {
    const trap = createCollection(db, '  Trap   kit ', 1000);
    expect(trap).toEqual({ id: trap.id, name: 'Trap kit', count: 0, createdAt: 1000 });
    const chops = createCollection(db, 'chops');
    expect(listCollections(db).map((c) => c.name)).toEqual(['chops', 'Trap kit']);
    expect(() => createCollection(db, 'TRAP KIT')).toThrow('There is already a collection called "Trap kit"; choose another name.');
    expect(() => createCollection(db, '   ')).toThrow('A collection needs a name.');
    expect(() => createCollection(db, 'x'.repeat(201))).toThrow(/at most 200 characters/);

    expect(renameCollection(db, chops.id, 'Vocal chops')).toMatchObject({ id: chops.id, name: 'Vocal chops' });
    expect(renameCollection(db, trap.id, 'trap KIT')).toMatchObject({ name: 'trap KIT' });
    expect(() => renameCollection(db, chops.id, 'Trap kit')).toThrow(/already a collection called "trap KIT"/);
    expect(() => renameCollection(db, 9999, 'Nope')).toThrow('There is no collection 9999; it may have been deleted.');

    expect(deleteCollection(db, chops.id)).toBe(true);
    expect(deleteCollection(db, chops.id)).toBe(false);
    expect(listCollections(db).map((c) => c.name)).toEqual(['trap KIT']);
    deleteCollection(db, trap.id);
  });

  it('adds and removes samples, all or nothing, and counts them', () => {
    const kit = createCollection(db, 'Kit');
    expect(addToCollection(db, kit.id, [id('bd_boom.flac'), id('sn_dolf.aiff'), id('bd_boom.flac')])).toBe(2);
    expect(addToCollection(db, kit.id, [id('bd_boom.flac'), id('bd_haus.flac')])).toBe(1);
    expect(getCollection(db, kit.id).count).toBe(3);
    expect(() => addToCollection(db, kit.id, [id('bd_tek.mp3'), 424242])).toThrow('No sample 424242 in the library; search again.');
    expect(getCollection(db, kit.id).count).toBe(3);
    expect(() => addToCollection(db, 9999, [id('bd_tek.mp3')])).toThrow(/no collection 9999/);

    expect(removeFromCollection(db, kit.id, [id('bd_haus.flac'), id('bd_tek.mp3')])).toBe(1);
    expect(names(kit.id).sort()).toEqual(['bd_boom.flac', 'sn_dolf.aiff']);
    expect(collectionsOfSample(db, id('bd_boom.flac')).map((c) => c.name)).toEqual(['Kit']);

    expect(deleteCollection(db, kit.id)).toBe(true);
    expect(searchSamples(db, { text: 'bd_boom' }).total).toBe(1);
    expect(collectionsOfSample(db, id('bd_boom.flac'))).toEqual([]);
  });

  it('filters a search by collection, together with text and other filters', () => {
    const kicks = createCollection(db, 'Favourite kicks');
    const snares = createCollection(db, 'Snares');
    addToCollection(db, kicks.id, [id('bd_boom.flac'), id('bd_tek.mp3'), id('bd_klub_48k.wav')]);
    addToCollection(db, snares.id, [id('sn_dolf.aiff')]);
    expect(names(kicks.id)).toEqual(['bd_boom.flac', 'bd_klub_48k.wav', 'bd_tek.mp3']);
    expect(names(kicks.id, 'klub')).toEqual(['bd_klub_48k.wav']);
    expect(searchSamples(db, { collectionId: kicks.id, format: 'mp3' }).rows.map((r) => r.name)).toEqual(['bd_tek.mp3']);
    expect(names(snares.id)).toEqual(['sn_dolf.aiff']);
    expect(searchSamples(db, { collectionId: 9999 }).total).toBe(0);
    expect(listCollections(db).map((c) => [c.name, c.count])).toEqual([
      ['Favourite kicks', 3],
      ['Snares', 1],
    ]);
  });
});
