import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SampleAnalysis } from '../../../electron/services/library/analyze-file';
import { openLibraryDatabase, type LibraryDatabase } from '../../../electron/services/library/database';
import { listPacks } from '../../../electron/services/library/packs';
import { SampleStore } from '../../../electron/services/library/sample-store';
import { searchSamples } from '../../../electron/services/library/search';

/** What analysis would say about a one-shot; only the path matters to these tests. */
function analysis(hash: string): SampleAnalysis {
  return {
    contentHash: hash,
    format: 'wav',
    sampleRate: 44_100,
    channels: 1,
    bitDepth: 16,
    duration: 0.5,
    peakDbfs: -1,
    loudnessLufs: -12,
    peaks: new Int8Array(8),
    kind: 'one-shot',
    bpm: null,
    key: null,
    tags: ['one-shot'],
    notes: [],
  };
}

/** Files of two packs, with folder names that are LIKE patterns, differ only in case, or share a prefix. */
const files: readonly [pack: string, relativePath: string][] = [
  ['Trap', 'kick_top.wav'],
  ['Trap', 'Drums/kick_a.wav'],
  ['Trap', 'Drums/Kicks/kick_b.wav'],
  ['Trap', 'Drums/Kicks/Sub/kick_c.wav'],
  ['Trap', 'Drums Extra/kick_d.wav'],
  ['Trap', 'drums/kick_e.wav'],
  ['Trap', '100%_kit/kick_f.wav'],
  ['Trap', '100x_kit/kick_g.wav'],
  ['Trap', '1000_kit/kick_h.wav'],
  ['Trap', 'Drums/Kicks/Sub/gone.wav'],
  ['Lofi', 'Drums/Kicks/kick_i.wav'],
];

describe('folders inside packs', () => {
  let db: LibraryDatabase;
  beforeEach(() => {
    db = openLibraryDatabase(':memory:');
    const store = new SampleStore(db);
    files.forEach(([pack, relativePath], i) => {
      const file = { path: `/samples/${pack}/${relativePath}`, pack, relativePath, size: 100, mtimeMs: 0 };
      store.write(file, analysis(String(i)), 0);
    });
    db.prepare("UPDATE samples SET missing = 1 WHERE name = 'gone.wav'").run();
  });
  afterEach(() => db.close());

  const names = (search: Parameters<typeof searchSamples>[1]) => searchSamples(db, { sort: 'name', ...search }).rows.map((row) => row.name);

  it('filter the search to a folder and everything below it', () => {
    expect(names({ pack: 'Trap', folder: 'Drums' })).toEqual(['kick_a.wav', 'kick_b.wav', 'kick_c.wav']);
    expect(names({ pack: 'Trap', folder: 'Drums/Kicks' })).toEqual(['kick_b.wav', 'kick_c.wav']);
    expect(names({ pack: 'Trap', folder: 'Drums/Kicks/Sub' })).toEqual(['kick_c.wav']);
    expect(names({ pack: 'Trap', folder: '/Drums/Kicks/' })).toEqual(['kick_b.wav', 'kick_c.wav']);
  });

  it('match folder names exactly: no wildcards, no case folding, no shared prefixes', () => {
    expect(names({ pack: 'Trap', folder: '100%_kit' })).toEqual(['kick_f.wav']);
    expect(names({ pack: 'Trap', folder: '100%' })).toEqual([]);
    expect(names({ pack: 'Trap', folder: '100__kit' })).toEqual([]);
    expect(names({ pack: 'Trap', folder: 'drums' })).toEqual(['kick_e.wav']);
    expect(names({ pack: 'Trap', folder: 'Drum' })).toEqual([]);
    expect(names({ pack: 'Trap', folder: 'Drums Extra' })).toEqual(['kick_d.wav']);
  });

  it('combine with the pack and the other filters; an empty folder is the whole pack', () => {
    expect(names({ folder: 'Drums/Kicks' })).toEqual(['kick_b.wav', 'kick_c.wav', 'kick_i.wav']);
    expect(names({ pack: 'Lofi', folder: 'Drums' })).toEqual(['kick_i.wav']);
    expect(names({ pack: 'Trap', folder: 'Drums', text: 'kick_b' })).toEqual(['kick_b.wav']);
    expect(searchSamples(db, { pack: 'Trap', folder: '' }).total).toBe(9);
    expect(names({ pack: 'Trap', folder: 'Drums/Kicks/Sub', includeMissing: true })).toEqual(['gone.wav', 'kick_c.wav']);
  });

  it('are listed per pack, parents first, counting present samples at and below each', () => {
    expect(listPacks(db)).toEqual([
      { name: 'Lofi', count: 1, folders: [{ path: 'Drums', count: 1 }, { path: 'Drums/Kicks', count: 1 }] },
      {
        name: 'Trap',
        count: 9,
        folders: [
          { path: '100%_kit', count: 1 },
          { path: '1000_kit', count: 1 },
          { path: '100x_kit', count: 1 },
          { path: 'Drums', count: 3 },
          { path: 'Drums/Kicks', count: 2 },
          { path: 'Drums/Kicks/Sub', count: 1 },
          { path: 'drums', count: 1 },
          { path: 'Drums Extra', count: 1 },
        ],
      },
    ]);
  });
});
