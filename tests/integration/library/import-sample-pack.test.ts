import { cpSync, renameSync, rmSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibraryDatabase, type LibraryDatabase } from '../../../electron/services/library/database';
import { importFolders, type ImportProgress, type ImportResult } from '../../../electron/services/library/import';
import { searchSamples } from '../../../electron/services/library/search';
import { samplePack } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

/** 28 good files, and an MP3 named .wav that is imported as what it holds, with a note. */
const goodFiles = 29;
const brokenFiles = ['empty.wav', 'readme-not-audio.wav', 'truncated.flac', 'truncated.wav'];

describe('importing the sample pack', () => {
  let db: LibraryDatabase;
  let result: ImportResult;
  const progress: ImportProgress[] = [];

  beforeAll(async () => {
    db = openLibraryDatabase(':memory:');
    result = await importFolders(db, [samplePack], { onProgress: (p) => progress.push(p) });
  });
  afterAll(() => db.close());

  const byName = (name: string) => searchSamples(db, { text: name.replace(/\.\w+$/, ''), limit: 5 }).rows.find((row) => row.name === name);

  it('indexes every good file and reports each broken one with a reason', () => {
    expect(result).toMatchObject({ found: goodFiles + brokenFiles.length, indexed: goodFiles, skipped: 0, moved: 0, missing: 0, cancelled: false });
    expect(result.failed.map((f) => path.basename(f.path)).sort()).toEqual(brokenFiles);
    const reasons = Object.fromEntries(result.failed.map((f) => [path.basename(f.path), f.reason]));
    expect(reasons['empty.wav']).toMatch(/empty \(0 bytes\)/);
    expect(reasons['truncated.wav']).toMatch(/truncated WAV/);
    expect(searchSamples(db, {}).total).toBe(goodFiles);
  });

  it('imports a file whose name lies about its format as what it holds, with a note in the summary', () => {
    expect(result.notes).toEqual([{ path: expect.stringMatching(/_broken\/misnamed_mp3\.wav$/), note: expect.stringContaining('holds MP3 audio although it is named .wav; it was opened as MP3') }]);
    expect(byName('misnamed_mp3.wav')).toMatchObject({ format: 'mp3' });
  });

  it('reports progress in two phases up to their totals, with speed and an ETA: every file listed, then every listed file analysed', () => {
    const indexing = progress.filter((p) => p.phase === 'indexing');
    const analysing = progress.filter((p) => p.phase === 'analysing');
    expect(progress.indexOf(indexing.at(-1) as ImportProgress)).toBeLessThan(progress.indexOf(analysing[0] as ImportProgress));
    const found = goodFiles + brokenFiles.length;
    expect(indexing.at(-1)).toMatchObject({ done: found, total: found, etaSeconds: 0 });
    expect(new Set(indexing.map((p) => p.current)).size).toBe(found + 1);
    // The empty, the text and the truncated WAV fail their headers; the truncated FLAC only when decoded.
    const listed = goodFiles + 1;
    expect(analysing.at(-1)).toMatchObject({ done: listed, total: listed, current: null, etaSeconds: 0 });
    expect(analysing.at(-1)?.filesPerSecond).toBeGreaterThan(0);
    expect(new Set(analysing.map((p) => p.current)).size).toBe(listed + 1);
  });

  it('stores format, rate, channels, depth, duration, levels and a thumbnail', () => {
    const garzul = byName('garzul_120bpm_Cmin_96k.wav');
    expect(garzul).toMatchObject({ pack: 'sample-pack', folder: 'Loops', format: 'wav', sampleRate: 96_000, channels: 2, bitDepth: 24, duration: 8, bpm: 120, key: 'C minor', kind: 'loop' });
    expect(garzul?.peakDbfs).toBeCloseTo(20 * Math.log10(0.90285), 1);
    expect(garzul?.loudnessLufs).toBeCloseTo(-12.11, 1);
    // 220 ms: too short to integrate, so its momentary maximum.
    expect(byName('bd_haus.flac')?.loudnessLufs).toBeCloseTo(-9.8, 1);
    expect(garzul?.peaks).toHaveLength(512);
    expect(Math.max(...(garzul?.peaks ?? []))).toBe(Math.round(0.90285 * 127));
    expect(byName('bd_klub_48k.wav')).toMatchObject({ sampleRate: 48_000, channels: 2, bitDepth: 16, peakDbfs: 0 });
    expect(byName('bd_klub_48k.wav')?.duration).toBeCloseTo(17_704 / 48_000, 9);
    expect(byName('bd_fat_24bit.wav')).toMatchObject({ channels: 1, bitDepth: 24 });
    expect(byName('bass_dnb_F.mp3')).toMatchObject({ format: 'mp3', bitDepth: 0, key: 'F major' });
  });

  it('reads tempo, kind and tags from names and folders', () => {
    expect(byName('amen_break_137bpm.wav')).toMatchObject({ kind: 'loop', bpm: 137, tags: ['break', 'loop'] });
    const kicks = searchSamples(db, { text: 'kick' });
    expect(kicks.rows.map((r) => r.name).sort()).toEqual(['bd_boom.flac', 'bd_fat_24bit.wav', 'bd_haus.flac', 'bd_klub_48k.wav', 'bd_tek.mp3']);
    for (const kick of kicks.rows) {
      expect(kick.kind).toBe('one-shot');
      expect(kick.tags).toEqual(['drums', 'kick', 'one-shot']);
    }
    // Loops whose names give no tempo are measured: each lasts a whole number of bars at it.
    expect(Object.fromEntries(searchSamples(db, { kind: 'loop' }).rows.map((r) => [r.name, r.bpm]))).toEqual({
      'amen_break_137bpm.wav': 137,
      'compus_loop.mp3': 148,
      'garzul_120bpm_Cmin_96k.wav': 120,
      'industrial_loop.ogg': null, // 0.88 s: under two beats at the slowest tempo
      'loop_breakbeat.flac': 126,
      'loop_mika.flac': 120,
    });
    expect(searchSamples(db, { kind: 'loop' }).rows.map((r) => r.name)).toEqual([
      'amen_break_137bpm.wav', 'compus_loop.mp3', 'garzul_120bpm_Cmin_96k.wav', 'industrial_loop.ogg', 'loop_breakbeat.flac', 'loop_mika.flac',
    ]);
  });

  it('searches by prefix, tempo with half time, key, duration, pack and format', () => {
    expect(searchSamples(db, { text: 'sna' }).total).toBe(4);
    expect(searchSamples(db, { text: 'drums hat' }).rows.map((r) => r.name)).toEqual(['hat_closed.wav', 'hat_open.ogg', 'perc_bell.flac', 'tabla_na_mono.wav']);
    expect(searchSamples(db, { bpm: { min: 60, max: 70 }, sort: 'bpm' }).rows.map((r) => [r.name, r.bpm])).toEqual([
      ['garzul_120bpm_Cmin_96k.wav', 120],
      ['loop_mika.flac', 120],
      ['loop_breakbeat.flac', 126],
      ['amen_break_137bpm.wav', 137],
    ]);
    expect(searchSamples(db, { bpm: { min: 125, max: 140 } }).rows.map((r) => r.name)).toEqual(['amen_break_137bpm.wav', 'loop_breakbeat.flac']);
    // garzul's key comes from its name; compus_loop's, whose name gives none, is detected.
    expect(searchSamples(db, { key: 'C minor' }).rows.map((r) => r.name)).toEqual(['compus_loop.mp3', 'garzul_120bpm_Cmin_96k.wav']);
    // E♭ major has C minor's notes; "compatible" adds B♭/G minor and A♭/F minor (loop_mika).
    expect(searchSamples(db, { key: 'Eb major' }).rows.map((r) => r.name)).toEqual(['compus_loop.mp3', 'garzul_120bpm_Cmin_96k.wav']);
    expect(searchSamples(db, { key: 'Eb major', compatibleKeys: true }).rows.map((r) => r.name)).toEqual(['compus_loop.mp3', 'garzul_120bpm_Cmin_96k.wav', 'loop_mika.flac']);
    expect(searchSamples(db, { key: 'F minor' }).rows.map((r) => r.name)).toEqual(['loop_mika.flac']);
    expect(searchSamples(db, { key: 'C major' }).rows.map((r) => r.name)).toEqual(['bass_hard_C.flac', 'bass_voxy_C.wav']);
    expect(searchSamples(db, { duration: { min: 7 } }).rows.map((r) => r.name)).toEqual(['ambi_lunar_land.flac', 'cineboom.ogg', 'garzul_120bpm_Cmin_96k.wav', 'loop_mika.flac']);
    expect(searchSamples(db, { format: 'FLAC', text: 'kick' }).total).toBe(2);
    expect(searchSamples(db, { pack: 'other-pack' }).total).toBe(0);
    expect(() => searchSamples(db, { key: 'Cmin' })).toThrow(/not a key; write it like "C minor"/);
  });

  it('sorts and pages with a stable total', () => {
    const byDuration = searchSamples(db, { sort: 'duration', descending: true, limit: 3 });
    expect(byDuration.total).toBe(goodFiles);
    // Both 8 s loops tie: names break the tie, reversed with the sort (one index serves both directions).
    expect(byDuration.rows.map((r) => r.name)).toEqual(['loop_mika.flac', 'garzul_120bpm_Cmin_96k.wav', 'cineboom.ogg']);
    const page2 = searchSamples(db, { sort: 'name', limit: 10, offset: 10 });
    expect(page2.rows[0]?.name).toBe(searchSamples(db, { sort: 'name' }).rows[10]?.name);
    const keyed = searchSamples(db, { sort: 'key' }).rows.map((r) => r.key);
    expect(keyed.slice(0, 5)).toEqual(['C major', 'C major', 'C minor', 'C minor', 'F major']);
    expect(keyed.at(-1)).toBeNull();
  });
});

describe('re-importing', () => {
  it('skips unchanged files, re-analyses touched ones, follows moved ones and flags deleted ones', async () => {
    const dir = tempDir();
    const pack = path.join(dir, 'pack');
    cpSync(path.join(samplePack, 'Drums'), path.join(pack, 'Drums'), { recursive: true });
    const db = openLibraryDatabase(path.join(dir, 'library.sqlite3'));
    try {
      expect(await importFolders(db, [pack])).toMatchObject({ found: 13, indexed: 13, skipped: 0 });
      expect(await importFolders(db, [pack])).toMatchObject({ found: 13, indexed: 0, skipped: 13, moved: 0, missing: 0 });

      const kick = searchSamples(db, { text: 'bd_boom' }).rows[0];
      if (!kick) throw new Error('bd_boom was not indexed');
      const later = new Date(Date.now() + 60_000);
      utimesSync(path.join(pack, 'Drums/Snares/sn_dolf.aiff'), later, later);
      rmSync(path.join(pack, 'Drums/Hats & Perc/hat_open.ogg'));
      renameSync(path.join(pack, 'Drums/Kicks/bd_boom.flac'), path.join(pack, 'Drums/boom_kick_moved.flac'));

      expect(await importFolders(db, [pack])).toMatchObject({ found: 12, indexed: 1, skipped: 10, moved: 1, missing: 1, failed: [] });
      const moved = searchSamples(db, { text: 'boom_kick_moved' }).rows[0];
      expect(moved).toMatchObject({ id: kick.id, path: path.join(pack, 'Drums/boom_kick_moved.flac'), folder: 'Drums', missing: false });
      expect(searchSamples(db, { text: 'hat_open' }).total).toBe(0);
      expect(searchSamples(db, { text: 'hat_open', includeMissing: true }).rows[0]).toMatchObject({ missing: true });
      expect(searchSamples(db, {}).total).toBe(12);
    } finally {
      db.close();
    }
  });

  it('keeps the finished files of a cancelled import', async () => {
    const dir = tempDir();
    const db = openLibraryDatabase(path.join(dir, 'library.sqlite3'));
    const cancel = new AbortController();
    try {
      const result = await importFolders(db, [samplePack], {
        signal: cancel.signal,
        workers: 1,
        onProgress: (p) => {
          if (p.done >= 3) cancel.abort();
        },
      });
      expect(result.cancelled).toBe(true);
      expect(result.indexed).toBeGreaterThanOrEqual(1);
      expect(result.indexed).toBeLessThan(goodFiles);
      expect(searchSamples(db, {}).total).toBe(result.indexed);
      expect(result.missing).toBe(0);
      const resumed = await importFolders(db, [samplePack]);
      expect(resumed).toMatchObject({ indexed: goodFiles - result.indexed, skipped: result.indexed, cancelled: false });
    } finally {
      db.close();
    }
  });
});
