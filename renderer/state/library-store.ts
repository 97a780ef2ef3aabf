import { create } from 'zustand';
import type { JobProgress, PacksResult, SampleRow, SearchArgs } from '../../src/protocol/ipc';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';
import { fileName } from '../../src/std/file-name';

/** The filters a producer sets in the library panel; text and all filters combine. */
export type LibraryQuery = Omit<SearchArgs, 'limit' | 'offset'>;

/** Rows fetched per page as the list scrolls. */
const pageSize = 500;

interface LibraryState {
  readonly query: LibraryQuery;
  readonly rows: readonly SampleRow[];
  readonly total: number;
  /** Each pack with its folders (parents first), for the pack tree. */
  readonly packs: PacksResult['packs'];
  readonly collections: readonly { id: number; name: string; count: number }[];
  readonly selectedPath: string | null;
  /** The import under way, if any. */
  readonly job: JobProgress | null;
  /** The upgrade of a library from an older Glowroom at startup, while it runs (searches wait for it). */
  readonly upgrade: JobProgress | null;
  importPaths(paths: readonly string[]): Promise<void>;
  /** Imports a folder now and keeps it up to date while Glowroom runs. */
  watchFolder(path: string): Promise<void>;
  cancelImport(): Promise<void>;
  /** Changes part of the query and searches again from the top. */
  search(change: Partial<LibraryQuery>): Promise<void>;
  /** Re-reads the pack list: after imports and library changes, not on every keystroke. */
  refreshPacks(): Promise<void>;
  refreshCollections(): Promise<void>;
  createCollection(name: string): Promise<void>;
  /** Renames a collection; a taken or empty name is reported and nothing changes. */
  renameCollection(collectionId: number, name: string): Promise<void>;
  /** Deletes a collection (never its samples); its filter is dropped if it was on. */
  deleteCollection(collectionId: number): Promise<void>;
  /** Adds the sample at `path` (a row of the list) to a collection. */
  addToCollection(collectionId: number, path: string): Promise<void>;
  /** Keeps a tempo the user gave the sample at `path` in the library and on its rows here. */
  setTempo(path: string, bpm: number): Promise<void>;
  /** Fetches the next page when the list nears its end. */
  loadMore(): Promise<void>;
  toggleFavourite(row: SampleRow): Promise<void>;
  select(path: string): void;
  /** Receives progress events from the Node side. */
  onProgress(progress: JobProgress): void;
}

let generation = 0;

export const useLibrary = create<LibraryState>()((set, get) => ({
  query: { text: '' },
  rows: [],
  total: 0,
  packs: [],
  collections: [],
  selectedPath: null,
  job: null,
  upgrade: null,
  async importPaths(paths) {
    try {
      const summary = await runtime().bridge.call('library.import', { paths: [...paths] });
      const failures = summary.failed.map((f) => `${fileName(f.path)}: ${f.reason}`);
      const notes = summary.notes.map((n) => n.note);
      // What the import says about single files: one fits the status bar, more open as a list.
      const items = [...failures, ...notes];
      const inline = items.length === 1 ? `: ${items[0]}` : '';
      const noted = notes.length > 0 ? `; ${notes.length} with a note${failures.length === 0 ? inline : ''}` : '';
      const failed = failures.length === 0 ? '' : failures.length === 1 ? ` Could not use 1 file${notes.length === 0 ? inline : '.'}` : ` Could not use ${failures.length} files.`;
      const verb = summary.cancelled ? 'Import cancelled' : 'Imported';
      const later = summary.cancelled ? ' Files listed but not analysed yet are analysed at the next start or import.' : '';
      const extra = [summary.moved ? `${summary.moved} moved` : '', summary.missing ? `${summary.missing} missing` : ''].filter(Boolean).join(', ');
      useSession
        .getState()
        .notify(
          summary.failed.length > 0 ? 'error' : 'info',
          `${verb}: ${summary.indexed} new, ${summary.skipped} already in the library${extra ? `, ${extra}` : ''}${noted}.${failed}${later}`,
          items.length > 1 ? items : [],
        );
      await Promise.all([get().search({}), get().refreshPacks()]);
    } catch (error) {
      reportError(error);
    } finally {
      set({ job: null });
    }
  },
  async watchFolder(path) {
    try {
      const watched = await runtime().bridge.call('library.watch', { path });
      useSession.getState().notify('info', `Watching ${watched.path}: new and changed samples appear by themselves.`);
      await Promise.all([get().search({}), get().refreshPacks()]);
    } catch (error) {
      reportError(error);
    }
  },
  async cancelImport() {
    const job = get().job;
    if (job) await runtime().bridge.call('job.cancel', { jobId: job.jobId });
  },
  async search(change) {
    const query = { ...get().query, ...change };
    const mine = ++generation;
    set({ query });
    try {
      const { bridge } = runtime();
      const result = await bridge.call('library.search', { ...query, limit: pageSize });
      // A slower answer to an older query must not overwrite a newer one.
      if (mine === generation) set({ rows: result.rows, total: result.total });
    } catch (error) {
      if (mine === generation) reportError(error);
    }
  },
  async refreshPacks() {
    try {
      set({ packs: (await runtime().bridge.call('library.packs', {})).packs });
    } catch (error) {
      reportError(error);
    }
  },
  async refreshCollections() {
    try {
      set({ collections: (await runtime().bridge.call('library.collections', {})).collections });
    } catch (error) {
      reportError(error);
    }
  },
  async createCollection(name) {
    try {
      const made = await runtime().bridge.call('library.createCollection', { name });
      useSession.getState().notify('info', `Made the collection “${made.name}”. Drag samples onto it.`);
      await get().refreshCollections();
    } catch (error) {
      reportError(error);
    }
  },
  async renameCollection(collectionId, name) {
    try {
      await runtime().bridge.call('library.renameCollection', { id: collectionId, name });
      await get().refreshCollections();
    } catch (error) {
      reportError(error);
    }
  },
  async deleteCollection(collectionId) {
    const collection = get().collections.find((c) => c.id === collectionId);
    try {
      await runtime().bridge.call('library.deleteCollection', { id: collectionId });
      useSession.getState().notify('info', `Deleted the collection “${collection?.name ?? collectionId}”; its samples are still in the library.`);
      await get().refreshCollections();
      if (get().query.collectionId === collectionId) await get().search({ collectionId: undefined });
    } catch (error) {
      reportError(error);
    }
  },
  async addToCollection(collectionId, path) {
    const row = get().rows.find((r) => r.path === path);
    if (!row) return;
    try {
      await runtime().bridge.call('library.addToCollection', { id: collectionId, sampleIds: [row.id] });
      await get().refreshCollections();
      if (get().query.collectionId === collectionId) await get().search({});
    } catch (error) {
      reportError(error);
    }
  },
  async loadMore() {
    const { rows, total, query } = get();
    if (rows.length >= total) return;
    const mine = generation;
    try {
      const page = await runtime().bridge.call('library.search', { ...query, limit: pageSize, offset: rows.length });
      if (mine === generation && get().rows.length === rows.length) set({ rows: [...rows, ...page.rows], total: page.total });
    } catch (error) {
      reportError(error);
    }
  },
  async setTempo(path, bpm) {
    try {
      await runtime().bridge.call('library.setTempo', { path, bpm });
      set({ rows: get().rows.map((r) => (r.path === path ? { ...r, bpm } : r)) });
    } catch (error) {
      reportError(error);
    }
  },
  async toggleFavourite(row) {
    try {
      const { favourite } = await runtime().bridge.call('library.setFavourite', { id: row.id, favourite: !row.favourite });
      set({ rows: get().rows.map((r) => (r.id === row.id ? { ...r, favourite } : r)) });
    } catch (error) {
      reportError(error);
    }
  },
  select: (path) => set({ selectedPath: path }),
  onProgress(progress) {
    if (progress.kind === 'library-upgrade') {
      set({ upgrade: progress.state === 'running' ? progress : null });
      if (progress.state === 'failed') useSession.getState().notify('error', 'The library could not be upgraded for this version of Glowroom; the next search says why.');
      return;
    }
    if (progress.kind !== 'import') return;
    const before = get().job;
    set({ job: progress.state === 'running' ? progress : null });
    // Listed files are searchable before their analysis: show them as soon as the analysis starts.
    if (progress.phase === 'analysing' && (before?.jobId !== progress.jobId || before.phase !== 'analysing')) {
      void get().search({});
      void get().refreshPacks();
    }
  },
}));
