import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportSummary, SampleRow, SearchQuery, SearchResult } from '../../src/protocol/ipc';
import { isAudioFileName } from './audio-extensions';
import type { JobRegistry, ProgressSink } from './jobs';

/**
 * The sample library. This first version indexes file names in memory for the running session;
 * the SQLite library (analysis, persistence, watching) replaces the storage behind the same
 * operations without changing the contract.
 */
export class LibraryService {
  private readonly rows = new Map<string, SampleRow>();

  constructor(private readonly jobs: JobRegistry) {}

  async import(paths: readonly string[], progress: ProgressSink): Promise<ImportSummary> {
    const job = this.jobs.start();
    const summary: ImportSummary = { jobId: job.jobId, found: 0, indexed: 0, skipped: 0, failed: [], cancelled: false };
    const report = (current: string | null, state: 'running' | 'finished' | 'cancelled') =>
      progress({ jobId: job.jobId, kind: 'import', done: summary.indexed + summary.skipped, total: summary.found, current, state });
    try {
      for (const root of paths) {
        const absolute = path.resolve(root);
        for await (const entry of walkAudio(absolute, summary.failed)) {
          if (job.signal.aborted) break;
          summary.found++;
          if (this.rows.has(entry.path)) summary.skipped++;
          else {
            this.rows.set(entry.path, entry);
            summary.indexed++;
          }
          report(entry.path, 'running');
        }
      }
      summary.cancelled = job.signal.aborted;
      report(null, summary.cancelled ? 'cancelled' : 'finished');
      return summary;
    } finally {
      job.finish();
    }
  }

  search(args: SearchQuery): SearchResult {
    const terms = args.text.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = [...this.rows.values()]
      .filter((row) => terms.every((term) => row.path.toLowerCase().includes(term)))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { rows: matches.slice(0, args.limit), total: matches.length };
  }
}

/** Yields the audio files under `root` (or `root` itself), recording unreadable paths as failures. */
async function* walkAudio(root: string, failed: ImportSummary['failed']): AsyncGenerator<SampleRow> {
  let stat;
  try {
    stat = await fs.stat(root);
  } catch {
    failed.push({ path: root, reason: 'No such file or folder.' });
    return;
  }
  if (stat.isFile()) {
    if (isAudioFileName(root)) yield row(root, path.basename(path.dirname(root)), stat.size);
    else failed.push({ path: root, reason: 'Not an audio file (WAV, AIFF, FLAC, MP3 or Ogg expected).' });
    return;
  }
  const pack = path.basename(root);
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      failed.push({ path: dir, reason: `Cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'}).` });
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && isAudioFileName(entry.name)) {
        const size = (await fs.stat(full)).size;
        yield row(full, pack, size);
      }
    }
  }
}

function row(file: string, pack: string, sizeBytes: number): SampleRow {
  return { path: file, name: path.basename(file), pack, format: path.extname(file).slice(1).toLowerCase(), sizeBytes };
}
