import { create } from 'zustand';
import type { LoopRange, PreviewWarp } from '../../src/protocol/engine';
import { loopingLabel, punchingLabel, setLoopLabel, setPunchLabel } from '../../src/model/edits/labels';
import { activeLoopRange, setLoopRange, setPunchRange, toggleLooping, togglePunching } from '../../src/model/edits/recording-edits';
import type { Project } from '../../src/model/project-schema';
import { Clock } from '../../src/std/clock';
import { beats, hertz } from '../../src/std/units';
import { seekToFrame } from './playhead';
import { useProject } from './project-store';
import { runtime } from './runtime';
import { reportError } from './session-store';

interface TransportState {
  readonly playing: boolean;
  readonly metronome: boolean;
  /** Level of the audition channel, in dB. */
  readonly previewGainDb: number;
  /** Loops auditioned in the library are transposed to the song's key (when both keys are known). */
  readonly keySync: boolean;
  /**
   * A range the waveform editor's "Play selection" loops in for a while instead of the song's loop
   * range (`project.loop`), without changing the song; null when nothing borrows the loop.
   */
  readonly borrowedLoop: LoopRange | null;
  play(): Promise<void>;
  stop(): void;
  toggle(): Promise<void>;
  returnToStart(): void;
  /** Moves the playhead to a position in beats. */
  seekToBeat(position: number): void;
  /** Sets the loop range and switches looping on: the song's (`project.loop`), saved with it, one undo step. */
  setLoopRange(range: LoopRange): void;
  /** Switches looping on or off (one undo step), keeping the range. */
  toggleLooping(): void;
  /** Loops in `range` (or the song's loop again, with null) without changing the song. */
  borrowLoop(range: LoopRange | null): void;
  /**
   * Sets the punch range (recording writes only inside it while punching) and switches punching
   * on. The punch range is the song's (`project.punch`): saved with it, each change one undo step.
   */
  setPunchRange(range: LoopRange): void;
  /** Switches punching on or off (one undo step); the first time on, the punch range is the loop range. */
  togglePunching(): void;
  setMetronome(enabled: boolean): void;
  setPreviewGain(gainDb: number): void;
  stopPreview(): void;
  setKeySync(on: boolean): void;
  /** Auditions a file on the preview channel, over whatever is playing; with `warp`, a loop in time (see the engine's `preview`). */
  preview(path: string, warp?: PreviewWarp | null): Promise<void>;
}

export const useTransport = create<TransportState>()((set, get) => ({
  playing: false,
  metronome: false,
  previewGainDb: -6,
  keySync: false,
  borrowedLoop: null,
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
    seekToFrame(0);
  },
  seekToBeat(position) {
    seekToFrame(Clock.of(useProject.getState().project).frameAt(beats(Math.max(0, position)), hertz(runtime().audio.context.sampleRate)));
  },
  setLoopRange(range) {
    useProject.getState().edit(setLoopLabel(), (project) => setLoopRange(project, range));
  },
  toggleLooping() {
    useProject.getState().edit(loopingLabel(), toggleLooping);
  },
  borrowLoop: (borrowedLoop) => set({ borrowedLoop }),
  setPunchRange(range) {
    useProject.getState().edit(setPunchLabel(), (project) => setPunchRange(project, range));
  },
  togglePunching() {
    const on = useProject.getState().project.punch?.on !== true;
    useProject.getState().edit(punchingLabel(on), (project) => togglePunching(project, songLoopRange(project)));
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
  setKeySync: (keySync) => set({ keySync }),
  async preview(path, warp) {
    const { audio, samples } = runtime();
    try {
      const info = await samples.ensure(path);
      await audio.resume();
      audio.send({ type: 'preview', sampleId: info.sampleId, gainDb: get().previewGainDb, ...(warp ? { warp } : {}) });
    } catch (error) {
      reportError(error);
    }
  },
}));

/** The song's loop range (kept while looping is off), or null when none was set. */
export function songLoopRange(project: Project): LoopRange | null {
  return project.loop ? { start: project.loop.start, end: project.loop.end } : null;
}

/** Where the playhead loops now: a borrowed range, else the song's loop range while looping, else null. */
export function activeLoop(): LoopRange | null {
  return useTransport.getState().borrowedLoop ?? activeLoopRange(useProject.getState().project);
}
