import { parseKey } from '../../../src/analysis/musical-key';
import type { ImportSummary, SampleRow, SearchQuery, SearchResult } from '../../../src/protocol/ipc';
import { GlowroomError } from '../../../src/std/errors';
import type { JobRegistry, ProgressSink } from '../jobs';
import { openLibraryDatabase, type LibraryDatabase } from './database';
import { importFolders } from './import';
import { SampleStore } from './sample-store';
import { searchSamples } from './search';

/**
 * The sample library behind the IPC contract: SQLite in the user data folder (or `databasePath`),
 * opened on first use, shared by the app, the web host and the CLI.
 */
export class LibraryService {
  private db: LibraryDatabase | null = null;

  constructor(
    private readonly jobs: JobRegistry,
    private readonly databasePath?: string,
  ) {}

  async import(paths: readonly string[], progress: ProgressSink): Promise<ImportSummary> {
    const job = this.jobs.start();
    try {
      const result = await importFolders(this.database(), paths, {
        signal: job.signal,
        onProgress: (p) =>
          progress({ jobId: job.jobId, kind: 'import', done: p.done, total: p.total, current: p.current, rate: p.filesPerSecond, etaSeconds: p.etaSeconds, state: 'running' }),
      });
      const done = result.indexed + result.skipped + result.moved + result.failed.length;
      progress({
        jobId: job.jobId, kind: 'import', done, total: result.found, current: null, rate: 0, etaSeconds: null,
        state: result.cancelled ? 'cancelled' : 'finished',
      });
      const { found, indexed, skipped, moved, missing, failed, cancelled } = result;
      return { jobId: job.jobId, found, indexed, skipped, moved, missing, failed: [...failed], cancelled };
    } finally {
      job.finish();
    }
  }

  search(query: SearchQuery): SearchResult {
    let key: string | undefined;
    if (query.key !== undefined) {
      key = parseKey(query.key) ?? undefined;
      if (!key) throw new GlowroomError('invalid-args', `"${query.key}" is not a key; write it like Cmin, F#, Am or Bb major.`);
    }
    const bpm = query.bpmMin !== undefined || query.bpmMax !== undefined ? { ...(query.bpmMin !== undefined ? { min: query.bpmMin } : {}), ...(query.bpmMax !== undefined ? { max: query.bpmMax } : {}) } : undefined;
    const result = searchSamples(this.database(), {
      text: query.text,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(bpm ? { bpm } : {}),
      ...(key ? { key, compatibleKeys: query.compatibleKeys } : {}),
      ...(query.pack ? { pack: query.pack } : {}),
      ...(query.format ? { format: query.format } : {}),
      favouritesOnly: query.favouritesOnly,
      sort: query.sort === 'relevance' && !query.text.trim() ? 'name' : query.sort,
      descending: query.descending,
      limit: query.limit,
      offset: query.offset,
    });
    return { total: result.total, rows: result.rows.map(({ addedAt: _addedAt, ...row }): SampleRow => ({ ...row, tags: [...row.tags] })) };
  }

  packs(): { packs: { name: string; count: number }[] } {
    const rows = this.database().prepare('SELECT pack AS name, COUNT(*) AS count FROM samples WHERE missing = 0 GROUP BY pack ORDER BY pack COLLATE NOCASE').all() as { name: string; count: number }[];
    return { packs: rows };
  }

  setFavourite(id: number, favourite: boolean): { favourite: boolean } {
    if (!new SampleStore(this.database()).setFavourite(id, favourite)) throw new GlowroomError('not-found', `No sample ${id} in the library; search again.`);
    return { favourite };
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  private database(): LibraryDatabase {
    this.db ??= openLibraryDatabase(this.databasePath);
    return this.db;
  }
}
