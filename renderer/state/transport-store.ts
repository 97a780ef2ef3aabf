import { create } from 'zustand';
import type { SampleInfo } from '../audio/sample-pool';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';

export const minTempo = 20;
export const maxTempo = 999;

interface TransportState {
  readonly playing: boolean;
  /** Quarter notes per minute. */
  readonly tempo: number;
  readonly beatsPerBar: number;
  /** The sample placed at bar 1 of the timeline. */
  readonly cued: SampleInfo | null;
  play(): Promise<void>;
  stop(): void;
  toggle(): Promise<void>;
  returnToStart(): void;
  setTempo(tempo: number): void;
  cue(path: string): Promise<void>;
}

export const useTransport = create<TransportState>()((set, get) => ({
  playing: false,
  tempo: 120,
  beatsPerBar: 4,
  cued: null,
  async play() {
    const { audio } = runtime();
    try {
      await audio.resume();
      audio.send({ type: 'play' });
      set({ playing: true });
    } catch (error) {
      reportError(error);
    }
  },
  stop() {
    runtime().audio.send({ type: 'stop' });
    set({ playing: false });
  },
  toggle: () => (get().playing ? Promise.resolve(get().stop()) : get().play()),
  returnToStart() {
    runtime().audio.send({ type: 'seek', frame: 0 });
  },
  setTempo(tempo) {
    if (!Number.isFinite(tempo)) return;
    set({ tempo: Math.min(maxTempo, Math.max(minTempo, tempo)) });
  },
  async cue(path) {
    try {
      const info = await runtime().samples.ensure(path);
      runtime().audio.send({ type: 'cue', sampleId: info.sampleId });
      set({ cued: info });
      useSession.getState().notify('info', `Cued ${info.name} at bar 1. Press Space to play.`);
    } catch (error) {
      reportError(error);
    }
  },
}));
