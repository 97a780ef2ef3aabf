import { create } from 'zustand';
import { addSourceAsTrack, setTempo } from '../../src/model/edits';
import { applyEdit, emptyHistory, record, redo, undo, type EditHistory } from '../../src/model/history';
import { createEmptyProject } from '../../src/model/new-project';
import { ProjectSchema, type Project } from '../../src/model/project-schema';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';

export const minTempo = 20;
export const maxTempo = 999;

interface ProjectState {
  /** The open document; the engine follows it through `audio/engine-sync`. */
  readonly project: Project;
  readonly history: EditHistory;
  /** The document when the current drag began; null when no drag is under way. */
  readonly gestureBase: Project | null;
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
  /** Decodes a file and places it on a new track at `startBeats`. */
  addFileAsTrack(path: string, startBeats: number): Promise<void>;
}

export const useProject = create<ProjectState>()((set, get) => ({
  project: createEmptyProject(),
  history: emptyHistory,
  gestureBase: null,
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
    const checked = ProjectSchema.safeParse(project);
    if (!checked.success) {
      set({ project: base, gestureBase: null });
      reportError(new Error(`“${label}” would break the project; nothing was changed.`));
      return;
    }
    set({ gestureBase: null, history: record(history, { label, before: base, after: project }) });
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
  async addFileAsTrack(path, startBeats) {
    try {
      const info = await runtime().samples.ensure(path);
      const durationSeconds = info.frames / info.sampleRate;
      get().edit(`Add ${info.name}`, (project) => addSourceAsTrack(project, { path: info.path, name: info.name, durationSeconds }, startBeats));
      useSession.getState().notify('info', `Added ${info.name} on a new track.`);
    } catch (error) {
      reportError(error);
    }
  },
}));
