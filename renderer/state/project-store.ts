import { create } from 'zustand';
import { addSourceClip, setTempo } from '../../src/model/edits/source-edits';
import { applyEdit, emptyHistory, record, redo, undo, type EditHistory } from '../../src/model/history';
import { createEmptyProject } from '../../src/model/new-project';
import { ProjectSchema, type Project } from '../../src/model/project-schema';
import { runtime } from './runtime';
import { useTimeline } from './timeline-store';
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
  /**
   * Decodes a file and places it at `startBeats` on track `trackId` (a new track when null);
   * selects the new clip.
   */
  addFile(path: string, startBeats: number, trackId: string | null): Promise<void>;
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
  async addFile(path, startBeats, trackId) {
    try {
      const info = await runtime().samples.ensure(path);
      const file = { path: info.path, name: info.name, durationSeconds: info.frames / info.sampleRate };
      let created: string[] = [];
      get().edit(`Add ${info.name}`, (project) => {
        const result = addSourceClip(project, file, startBeats, trackId);
        created = result.created.map((ref) => ref.clipId);
        return result.project;
      });
      useTimeline.getState().select(created);
      useSession.getState().notify('info', trackId ? `Added ${info.name}.` : `Added ${info.name} on a new track.`);
    } catch (error) {
      reportError(error);
    }
  },
}));
