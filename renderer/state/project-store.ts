import { create } from 'zustand';
import { addSourceAsTrack, setTempo } from '../../src/model/edits';
import { createEmptyProject } from '../../src/model/new-project';
import type { Project } from '../../src/model/project-schema';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';

export const minTempo = 20;
export const maxTempo = 999;

interface ProjectState {
  /** The open document; the engine follows it through `audio/engine-sync`. */
  readonly project: Project;
  setTempo(tempo: number): void;
  /** Decodes a file and places it on a new track at `startBeats`. */
  addFileAsTrack(path: string, startBeats: number): Promise<void>;
}

export const useProject = create<ProjectState>()((set, get) => ({
  project: createEmptyProject(),
  setTempo(tempo) {
    if (!Number.isFinite(tempo)) return;
    const clamped = Math.round(Math.min(maxTempo, Math.max(minTempo, tempo)) * 100) / 100;
    set({ project: setTempo(get().project, clamped) });
  },
  async addFileAsTrack(path, startBeats) {
    try {
      const info = await runtime().samples.ensure(path);
      const durationSeconds = info.frames / info.sampleRate;
      set({ project: addSourceAsTrack(get().project, { path: info.path, name: info.name, durationSeconds }, startBeats) });
      useSession.getState().notify('info', `Added ${info.name} on a new track.`);
    } catch (error) {
      reportError(error);
    }
  },
}));
