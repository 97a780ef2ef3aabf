import { create } from 'zustand';
import { addSourceClip, relinkSource } from '../../src/model/edits/source-edits';
import { setTempo } from '../../src/model/edits/timeline-edits';
import { regroupTakes } from '../../src/model/edits/take-edits';
import { applyEdit, emptyHistory, record, redo, undo, type EditHistory } from '../../src/model/history';
import { createEmptyProject } from '../../src/model/new-project';
import { ProjectSchema, type Project, type WarpMode } from '../../src/model/project-schema';
import type { MissingSource } from '../../src/protocol/ipc';
import { runtime } from './runtime';
import { settlePlaced } from './settle-placed';
import { useTimeline } from './timeline-store';
import { reportError, useSession } from './session-store';
import { fileName } from '../../src/std/file-name';

export const minTempo = 20;
export const maxTempo = 999;

interface ProjectState {
  /** The open document; the engine follows it through `audio/engine-sync`. */
  readonly project: Project;
  readonly history: EditHistory;
  /** The document when the current drag began; null when no drag is under way. */
  readonly gestureBase: Project | null;
  /** Where the document is saved; null while untitled. */
  readonly filePath: string | null;
  /** The document as last saved or opened: unsaved changes exist while `project` differs. */
  readonly savedProject: Project;
  /** Counts the documents loaded (new, open, recover): what belongs to one document resets when it changes. */
  readonly opened: number;
  /** Where autosave keeps this document's unsaved work, once it has written some. */
  readonly recoveryKey: string | null;
  /**
   * Sources whose files were not found when the project opened, with the path that was missing.
   * Entries stay: a source is missing while it still points there (`missingNow`), so undoing a
   * relink makes it missing again.
   */
  readonly missing: readonly MissingSource[];
  /** Replaces the open document (new, open, recover); history starts afresh. */
  load(project: Project, filePath: string | null, options?: { unsaved?: boolean; recoveryKey?: string | null; missing?: readonly MissingSource[] }): void;
  /**
   * Points missing sources at found files, all in one undoable step.
   * Each file is loaded first: one that does not decode is reported and stays missing. Sources
   * take the new file's `sha256`. Resolves to how many were relinked.
   */
  relink(links: readonly { readonly sourceId: string; readonly path: string }[]): Promise<number>;
  /** Saves to `path`, or to the current file; 'needs-path' while untitled (ask for one). */
  save(path?: string): Promise<'saved' | 'needs-path' | 'failed'>;
  /**
   * Autosave: writes the document as it is now to its recovery file (during a drag, the document
   * before the drag), once the recovery writes before it are done; nothing when it has no unsaved
   * changes, or when it was saved or replaced before its turn came. Resolves false when it failed
   * (and said why).
   */
  writeRecovery(): Promise<boolean>;
  /** Drops the recovery file: the document is back to its saved state, so it has nothing to offer. */
  dropRecovery(): Promise<void>;
  /** Every change to the document goes through here: one labelled, undoable step. */
  edit(label: string, recipe: (project: Project) => Project): void;
  /**
   * Live drags: each move re-applies `recipe` to the document as it was when the drag began and
   * shows (and plays) the result without recording it; `endGesture` records one step, or puts
   * the document back when cancelled.
   */
  previewGesture(recipe: (project: Project) => Project): void;
  endGesture(label: string | null): void;
  undo(): void;
  redo(): void;
  setTempo(tempo: number): void;
  /**
   * Decodes a file and places it at `startBeats` on track `trackId` (a new track when null);
   * selects the new clip. Its source records the file's `sha256` in the same step.
   */
  /** Places a whole audio file as a clip (see `addSourceClip`); with `warp`, following the song's tempo from the file's own. */
  addFile(path: string, startBeats: number, trackId: string | null, warp?: { readonly mode: WarpMode; readonly sourceTempo: number } | null): Promise<void>;
}

const initial = createEmptyProject();

/**
 * Everything that touches the recovery file — autosave writes, drops, saves (which drop it) — runs
 * one at a time in the order asked: two at once could land out of order and leave a stale copy.
 */
let recoveryQueue: Promise<unknown> = Promise.resolve();

function inRecoveryOrder<T>(task: () => Promise<T>): Promise<T> {
  const run = recoveryQueue.then(task);
  recoveryQueue = run.catch(() => undefined);
  return run;
}

/** Resolves once every recovery write, drop and save asked for so far has finished. */
export async function recoverySettled(): Promise<void> {
  let seen: Promise<unknown>;
  do {
    seen = recoveryQueue;
    await seen;
  } while (seen !== recoveryQueue);
}

function discardRecoveryFile(key: string): Promise<void> {
  return runtime().bridge.call('project.discardRecovery', { key }).then(() => undefined);
}

/** What to call the open project: its file's name once saved, else the name in the document. */
export function displayName(state: Pick<ProjectState, 'project' | 'filePath'>): string {
  return state.filePath ? fileName(state.filePath).replace(/\.glowroom$/, '') : state.project.name;
}

/** The sources missing now: found missing on open and still pointing at the path that was missing. */
export function missingNow(state: Pick<ProjectState, 'project' | 'missing'>): readonly MissingSource[] {
  return state.missing.filter((m) => state.project.sources[m.sourceId]?.path === m.path);
}

export function isSourceMissing(state: Pick<ProjectState, 'project' | 'missing'>, sourceId: string): boolean {
  return missingNow(state).some((m) => m.sourceId === sourceId);
}

/** Whether the open document has changes that are not on disk. */
export function hasUnsavedChanges(state: Pick<ProjectState, 'project' | 'savedProject'>): boolean {
  return state.project !== state.savedProject;
}

export const useProject = create<ProjectState>()((set, get) => ({
  project: initial,
  history: emptyHistory,
  gestureBase: null,
  filePath: null,
  savedProject: initial,
  recoveryKey: null,
  opened: 0,
  missing: [],
  load(project, filePath, options = {}) {
    // The document being replaced was saved or let go: its recovery file has nothing to offer.
    const replaced = get().recoveryKey;
    if (replaced !== null && replaced !== options.recoveryKey) void inRecoveryOrder(() => discardRecoveryFile(replaced)).catch(reportError);
    set({
      missing: options.missing ?? [],
      project,
      filePath,
      history: emptyHistory,
      gestureBase: null,
      savedProject: options.unsaved ? createEmptyProject() : project,
      recoveryKey: options.recoveryKey ?? null,
      opened: get().opened + 1,
    });
    useTimeline.getState().select([]);
  },
  async relink(links) {
    const loaded = await Promise.all(
      links.map((link) =>
        runtime()
          .samples.ensure(link.path)
          .then((info) => ({ sourceId: link.sourceId, path: info.path, sha256: info.sha256 }))
          .catch((error: unknown) => {
            reportError(error);
            return null;
          }),
      ),
    );
    const files = loaded.filter((file) => file !== null);
    if (files.length === 0) return 0;
    get().edit('Relink Audio', (project) => files.reduce((next, file) => relinkSource(next, file.sourceId, file), project));
    return files.length;
  },
  async save(path) {
    const target = path ?? get().filePath;
    if (!target) return 'needs-path';
    try {
      const { saved, project } = await inRecoveryOrder(async () => {
        const { project, recoveryKey } = get();
        return { saved: await runtime().bridge.call('project.save', { path: target, project, recoveryKey }), project };
      });
      // Edits made while the save ran stay unsaved: only the saved document counts as saved.
      set({ filePath: saved.path, savedProject: project, recoveryKey: null });
      useSession.getState().notify('info', `Saved ${saved.path}.`);
      return 'saved';
    } catch (error) {
      reportError(error);
      return 'failed';
    }
  },
  writeRecovery() {
    const { gestureBase, project: shown, filePath, savedProject } = get();
    const project = gestureBase ?? shown;
    const write = inRecoveryOrder(async () => {
      // Saved, or another document loaded, since: this copy would belong to none that is open.
      const stale = () => get().savedProject !== savedProject;
      if (project === savedProject || stale()) return;
      const { key } = await runtime().bridge.call('project.writeRecovery', { key: get().recoveryKey, project, originalPath: filePath });
      if (stale()) await discardRecoveryFile(key);
      else set({ recoveryKey: key });
    });
    return write.then(
      () => true,
      (error: unknown) => {
        reportError(error);
        return false;
      },
    );
  },
  dropRecovery() {
    return inRecoveryOrder(async () => {
      const key = get().recoveryKey;
      if (key === null) return;
      set({ recoveryKey: null });
      await discardRecoveryFile(key);
    }).catch(reportError);
  },
  edit(label, recipe) {
    try {
      const { project, history } = get();
      const next = applyEdit(project, history, label, recipe);
      set({ project: next.document, history: next.history });
    } catch (error) {
      reportError(error);
    }
  },
  previewGesture(recipe) {
    const base = get().gestureBase ?? get().project;
    try {
      set({ gestureBase: base, project: recipe(base) });
    } catch (error) {
      reportError(error);
    }
  },
  endGesture(label) {
    const { gestureBase: base, project, history } = get();
    if (!base) return;
    if (label === null || project === base) {
      set({ project: base, gestureBase: null });
      return;
    }
    const after = regroupTakes(project);
    const checked = ProjectSchema.safeParse(after);
    if (!checked.success) {
      set({ project: base, gestureBase: null });
      reportError(new Error(`“${label}” would break the project; nothing was changed.`));
      return;
    }
    set({ project: after, gestureBase: null, history: record(history, { label, before: base, after }) });
  },
  undo() {
    const step = undo(get().history);
    if (step) set({ project: step.document, history: step.history });
  },
  redo() {
    const step = redo(get().history);
    if (step) set({ project: step.document, history: step.history });
  },
  setTempo(tempo) {
    if (!Number.isFinite(tempo)) return;
    const clamped = Math.round(Math.min(maxTempo, Math.max(minTempo, tempo)) * 100) / 100;
    if (clamped !== get().project.tempo) get().edit('Set Tempo', (project) => setTempo(project, clamped));
  },
  async addFile(path, startBeats, trackId, warp) {
    try {
      const info = await runtime().samples.ensure(path);
      const file = { path: info.path, name: info.name, durationSeconds: info.frames / info.sampleRate, sha256: info.sha256 };
      let created: string[] = [];
      get().edit(`Add ${info.name}`, (project) => {
        const result = addSourceClip(project, file, startBeats, trackId, warp ?? undefined);
        created = result.created.map((ref) => ref.clipId);
        return settlePlaced(result.project, created);
      });
      useTimeline.getState().select(created);
      const where = trackId ? '' : ' on a new track';
      const timing = warp ? `, following the song’s tempo from its ${Math.round(warp.sourceTempo * 100) / 100} BPM (${warp.mode} mode)` : '';
      useSession.getState().notify('info', `Added ${info.name}${where}${timing}.`);
    } catch (error) {
      reportError(error);
    }
  },
}));
