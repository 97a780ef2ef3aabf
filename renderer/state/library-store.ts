import { create } from 'zustand';
import type { JobProgress, SampleRow } from '../../src/protocol/ipc';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';

interface LibraryState {
  readonly query: string;
  readonly rows: readonly SampleRow[];
  readonly total: number;
  readonly selectedPath: string | null;
  /** The import under way, if any. */
  readonly job: JobProgress | null;
  importPaths(paths: readonly string[]): Promise<void>;
  cancelImport(): Promise<void>;
  search(query: string): Promise<void>;
  select(path: string): void;
  /** Receives progress events from the Node side. */
  onProgress(progress: JobProgress): void;
}

export const useLibrary = create<LibraryState>()((set, get) => ({
  query: '',
  rows: [],
  total: 0,
  selectedPath: null,
  job: null,
  async importPaths(paths) {
    try {
      const summary = await runtime().bridge.call('library.import', { paths: [...paths] });
      const failures = summary.failed.map((f) => `${f.path}: ${f.reason}`).join(' · ');
      const verb = summary.cancelled ? 'Import cancelled' : 'Imported';
      useSession
        .getState()
        .notify(failures ? 'error' : 'info', `${verb}: ${summary.indexed} new, ${summary.skipped} already in the library${failures ? `. Failed: ${failures}` : '.'}`);
      await get().search(get().query);
    } catch (error) {
      reportError(error);
    } finally {
      set({ job: null });
    }
  },
  async cancelImport() {
    const job = get().job;
    if (job) await runtime().bridge.call('job.cancel', { jobId: job.jobId });
  },
  async search(query) {
    set({ query });
    try {
      const result = await runtime().bridge.call('library.search', { text: query });
      // A slower answer to an older query must not overwrite a newer one.
      if (get().query === query) set({ rows: result.rows, total: result.total });
    } catch (error) {
      reportError(error);
    }
  },
  select: (path) => set({ selectedPath: path }),
  onProgress(progress) {
    if (progress.kind === 'import') set({ job: progress.state === 'running' ? progress : null });
  },
}));
