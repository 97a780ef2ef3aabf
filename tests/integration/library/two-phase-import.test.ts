/**
 * An import lists files first (searchable at once) and analyses them after; a cancelled analysis
 * leaves listed rows whole and waiting, and the next start of the service picks them up.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../../../electron/services/jobs';
import { openLibraryDatabase } from '../../../electron/services/library/database';
import { importFolders } from '../../../electron/services/library/import';
import { LibraryService } from '../../../electron/services/library/library-service';
import { searchSamples } from '../../../electron/services/library/search';
import type { JobProgress } from '../../../src/protocol/ipc';
import { SearchArgs } from '../../../src/protocol/ipc';
import { samplePack } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

/** The pack's good files: 29, and the truncated FLAC, whose headers are whole. */
const listable = 30;

describe('an import in two phases', () => {
  it('makes every file searchable by name, kind and folder before analysing any', async () => {
    const db = openLibraryDatabase(':memory:');
    try {
      let atFirstAnalysis: ReturnType<typeof searchSamples> | null = null;
      const result = await importFolders(db, [samplePack], {
        workers: 1,
        onProgress: (p) => {
          if (p.phase === 'analysing' && atFirstAnalysis === null) atFirstAnalysis = searchSamples(db, { limit: 100 });
        },
      });
      const listed = atFirstAnalysis as ReturnType<typeof searchSamples> | null;
      expect(listed?.total).toBe(listable);
      expect(listed?.rows.every((row) => !row.analysed && row.peaks.length === 0 && row.loudnessLufs === null)).toBe(true);
      // What the headers and names say is there already, and matches what the analysis finds.
      const garzul = listed?.rows.find((row) => row.name === 'garzul_120bpm_Cmin_96k.wav');
      expect(garzul).toMatchObject({ folder: 'Loops', kind: 'loop', bpm: 120, key: 'C minor', format: 'wav', sampleRate: 96_000, channels: 2, bitDepth: 24, duration: 8 });
      expect(searchSamples(db, { text: 'garzul', kind: 'loop', folder: 'Loops' }).total).toBe(1);

      expect(result).toMatchObject({ indexed: 29, cancelled: false });
      expect(result.searchableMs).toBeLessThanOrEqual(result.elapsedMs);
      const analysed = searchSamples(db, { limit: 100 });
      expect(analysed.total).toBe(29);
      expect(analysed.rows.every((row) => row.analysed && row.peaks.length === 512)).toBe(true);
      for (const row of analysed.rows) {
        const before = listed?.rows.find((r) => r.id === row.id);
        expect({ name: row.name, format: before?.format, sampleRate: before?.sampleRate, channels: before?.channels, kind: before?.kind }).toEqual({
          name: row.name, format: row.format, sampleRate: row.sampleRate, channels: row.channels, kind: row.kind,
        });
        expect(before?.duration).toBeCloseTo(row.duration, 6);
      }
      // The truncated FLAC's headers are whole; its audio is not: listed, then refused and removed.
      expect(result.failed.map((f) => path.basename(f.path))).toContain('truncated.flac');
      expect(listed?.rows.some((row) => row.name === 'truncated.flac')).toBe(true);
      expect(analysed.rows.some((row) => row.name === 'truncated.flac')).toBe(false);
    } finally {
      db.close();
    }
  }, 120_000);

  it('keeps listed files waiting when the analysis is cancelled, and analyses them at the next start', async () => {
    const dir = tempDir();
    const pack = path.join(dir, 'Pack');
    cpSync(samplePack, pack, { recursive: true });
    const library = path.join(dir, 'library.sqlite3');
    const jobs = new JobRegistry();
    const service = new LibraryService(jobs, library);
    const events: JobProgress[] = [];
    let cancelled = false;
    const summary = await service.import([pack], (progress) => {
      events.push(progress);
      if (progress.phase === 'analysing' && progress.done >= 2 && !cancelled) cancelled = jobs.cancel(progress.jobId);
    });
    expect(summary.cancelled).toBe(true);
    const all = () => service.search(SearchArgs.parse({ limit: 100 })).rows;
    const waiting = all().filter((row) => !row.analysed);
    // Every row is whole: listed (waiting, searchable) or analysed; none was half-written.
    expect(all().length).toBeGreaterThanOrEqual(listable - 1);
    expect(waiting.length).toBeGreaterThan(0);
    expect(all().filter((row) => row.analysed).every((row) => row.peaks.length === 512)).toBe(true);
    expect(events.filter((e) => e.phase === 'indexing').at(-1)).toMatchObject({ done: 33, total: 33 });
    service.close();

    const restarted = new LibraryService(new JobRegistry(), library);
    try {
      const resumed: JobProgress[] = [];
      const outcome = await restarted.resumeAnalysis((progress) => resumed.push(progress));
      expect(outcome.analysed + outcome.failed).toBe(waiting.length);
      expect(resumed[0]).toMatchObject({ kind: 'import', phase: 'analysing', done: 0, total: waiting.length, state: 'running' });
      expect(resumed.at(-1)).toMatchObject({ state: 'finished' });
      const rows = restarted.search(SearchArgs.parse({ limit: 100 })).rows;
      expect(rows).toHaveLength(29);
      expect(rows.every((row) => row.analysed && row.peaks.length === 512)).toBe(true);
      // Nothing is left waiting: another start does nothing.
      expect(await restarted.resumeAnalysis(() => undefined)).toEqual({ analysed: 0, failed: 0 });
    } finally {
      restarted.close();
    }
  }, 120_000);
});

describe('a full disk', () => {
  it('stops the import with a clear message and leaves the library as it was', async () => {
    const dir = tempDir();
    const db = openLibraryDatabase(path.join(dir, 'library.sqlite3'));
    try {
      await importFolders(db, [path.join(samplePack, 'Drums')], { workers: 1 });
      const before = searchSamples(db, { limit: 100 }).rows.map((row) => row.path);
      // SQLite answers SQLITE_FULL, as on a full disk, once the file would grow.
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      await expect(importFolders(db, [path.join(samplePack, 'Loops')], { workers: 1 })).rejects.toThrow(
        'The disk that holds the library is full: free some space and import again. What was imported before this point is kept.',
      );
      expect(searchSamples(db, { limit: 100 }).rows.map((row) => row.path)).toEqual(before);
      expect(before.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 60_000);
});
