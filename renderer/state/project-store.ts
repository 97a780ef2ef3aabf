import { create } from 'zustand';
import { addSourceAsTrack, setTempo } from '../../src/model/edits';
import { applyEdit, emptyHistory, redo, undo, type EditHistory } from '../../src/model/history';
import { createEmptyProject } from '../../src/model/new-project';
import type { Project } from '../../src/model/project-schema';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';

export const minTempo = 20;
export const maxTempo = 999;

interface ProjectState {
  /** The open document; the engine follows it through `audio/engine-sync`. */
  readonly project: Project;
  readonly history: EditHistory;
  /** Every change to the document goes through here: one labelled, undoable step. */
  edit(label: string, recipe: (project: Project) => Project): void;
  undo(): void;
  redo(): void;
  setTempo(tempo: number): void;
  /** Decodes a file and places it on a new track at `startBeats`. */
  addFileAsTrack(path: string, startBeats: number): Promise<void>;
}

export const useProject = create<ProjectState>()((set, get) => ({
  project: createEmptyProject(),
  history: emptyHistory,
  edit(label, recipe) {
    try {
      const { project, history } = get();
      const next = applyEdit(project, history, label, recipe);
      set({ project: next.document, history: next.history });
    } catch (error) {
      reportError(error);
    }
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
