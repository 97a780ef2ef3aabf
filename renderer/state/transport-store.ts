import { create } from 'zustand';
import { runtime } from './runtime';
import { reportError } from './session-store';

interface TransportState {
  readonly playing: boolean;
  readonly metronome: boolean;
  /** Level of the audition channel, in dB. */
  readonly previewGainDb: number;
  play(): Promise<void>;
  stop(): void;
  toggle(): Promise<void>;
  returnToStart(): void;
  setMetronome(enabled: boolean): void;
  setPreviewGain(gainDb: number): void;
  stopPreview(): void;
  /** Auditions a file on the preview channel, over whatever is playing. */
  preview(path: string): Promise<void>;
}

export const useTransport = create<TransportState>()((set, get) => ({
  playing: false,
  metronome: false,
  previewGainDb: -6,
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
  setMetronome(enabled) {
    runtime().audio.send({ type: 'set-metronome', enabled });
    set({ metronome: enabled });
  },
  setPreviewGain(gainDb) {
    runtime().audio.send({ type: 'set-preview-gain', gainDb });
    set({ previewGainDb: gainDb });
  },
  stopPreview() {
    runtime().audio.send({ type: 'preview', sampleId: null, gainDb: get().previewGainDb });
  },
  async preview(path) {
    const { audio, samples } = runtime();
    try {
      const info = await samples.ensure(path);
      await audio.resume();
      audio.send({ type: 'preview', sampleId: info.sampleId, gainDb: get().previewGainDb });
    } catch (error) {
      reportError(error);
    }
  },
}));
