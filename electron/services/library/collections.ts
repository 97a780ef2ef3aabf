/**
 * User collections: named sets of samples ("Trap kit", "Vocal chops for Nuit"), on the
 * `collections` and `collection_samples` tables. A sample may sit in many collections; deleting
 * a collection never deletes samples, and a sample that goes missing stays in its collections.
 */
import { GlowroomError } from '../../../src/std/errors';
import type { LibraryDatabase } from './database';

/** A collection as lists show it. */
export interface CollectionInfo {
  readonly id: number;
  readonly name: string;
  /** Samples in it, missing ones included. */
  readonly count: number;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

const maxNameLength = 200;

const selectInfo = `SELECT c.id, c.name, c.created_at AS createdAt, (SELECT count(*) FROM collection_samples s WHERE s.collection_id = c.id) AS count
  FROM collections c`;

/** Every collection, by name (case-insensitive). */
export function listCollections(db: LibraryDatabase): CollectionInfo[] {
  return db.prepare<[], CollectionInfo>(`${selectInfo} ORDER BY c.name COLLATE NOCASE, c.id`).all();
}

/** One collection; `not-found` when there is none with that id. */
export function getCollection(db: LibraryDatabase, id: number): CollectionInfo {
  const info = db.prepare<[number], CollectionInfo>(`${selectInfo} WHERE c.id = ?`).get(id);
  if (!info) throw new GlowroomError('not-found', `There is no collection ${id}; it may have been deleted.`);
  return info;
}

/** Creates an empty collection. Names are trimmed and unique regardless of case (`invalid-args`). */
export function createCollection(db: LibraryDatabase, name: string, now: number = Date.now()): CollectionInfo {
  const clean = checkName(db, name, null);
  const id = Number(db.prepare('INSERT INTO collections (name, created_at) VALUES (?, ?)').run(clean, now).lastInsertRowid);
  return getCollection(db, id);
}

/** Renames a collection (same rules as creating one); renaming to its own name is a no-op. */
export function renameCollection(db: LibraryDatabase, id: number, name: string): CollectionInfo {
  getCollection(db, id);
  const clean = checkName(db, name, id);
  db.prepare('UPDATE collections SET name = ? WHERE id = ?').run(clean, id);
  return getCollection(db, id);
}

/** Deletes a collection and its memberships, never the samples; false when there was none. */
export function deleteCollection(db: LibraryDatabase, id: number): boolean {
  return db.prepare('DELETE FROM collections WHERE id = ?').run(id).changes === 1;
}

/**
 * Adds samples to a collection; returns how many were not in it already. All or nothing: an
 * unknown collection or sample id is `not-found` and nothing is added.
 */
export function addToCollection(db: LibraryDatabase, id: number, sampleIds: readonly number[], now: number = Date.now()): number {
  return db.transaction(() => {
    getCollection(db, id);
    const exists = db.prepare<[number], number>('SELECT 1 FROM samples WHERE id = ?').pluck();
    const unknown = [...new Set(sampleIds)].filter((sampleId) => exists.get(sampleId) === undefined);
    if (unknown.length > 0) throw new GlowroomError('not-found', `No sample${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in the library; search again.`);
    const insert = db.prepare('INSERT OR IGNORE INTO collection_samples (collection_id, sample_id, added_at) VALUES (?, ?, ?)');
    let added = 0;
    for (const sampleId of new Set(sampleIds)) added += insert.run(id, sampleId, now).changes;
    return added;
  })();
}

/** Takes samples out of a collection; returns how many were in it. `not-found` for an unknown collection. */
export function removeFromCollection(db: LibraryDatabase, id: number, sampleIds: readonly number[]): number {
  return db.transaction(() => {
    getCollection(db, id);
    const remove = db.prepare('DELETE FROM collection_samples WHERE collection_id = ? AND sample_id = ?');
    let removed = 0;
    for (const sampleId of new Set(sampleIds)) removed += remove.run(id, sampleId).changes;
    return removed;
  })();
}

/** The collections a sample is in, by name: for a row's context menu. */
export function collectionsOfSample(db: LibraryDatabase, sampleId: number): CollectionInfo[] {
  return db
    .prepare<[number], CollectionInfo>(`${selectInfo} WHERE c.id IN (SELECT collection_id FROM collection_samples WHERE sample_id = ?) ORDER BY c.name COLLATE NOCASE, c.id`)
    .all(sampleId);
}

function checkName(db: LibraryDatabase, name: string, self: number | null): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (clean === '') throw new GlowroomError('invalid-args', 'A collection needs a name.');
  if (clean.length > maxNameLength) throw new GlowroomError('invalid-args', `A collection name may be at most ${maxNameLength} characters long.`);
  const clash = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM collections WHERE name = ? COLLATE NOCASE').get(clean);
  if (clash && clash.id !== self) throw new GlowroomError('invalid-args', `There is already a collection called "${clash.name}"; choose another name.`);
  return clean;
}
