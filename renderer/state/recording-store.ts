import { create } from 'zustand';
import type { InputChannels } from '../../src/protocol/capture';
import type { CountInBars } from '../../src/protocol/ipc';
import { monitorLabel } from '../../src/model/edits/labels';
import { setMonitorMode } from '../../src/model/edits/recording-edits';
import type { MonitorMode } from '../../src/model/project-schema';
import { Clock } from '../../src/std/clock';
import { addRecordedTakes } from '../../src/model/edits/take-edits';
import { beats, hertz, samples } from '../../src/std/units';
import { countIn } from '../audio/count-in';
import { InputCapture, listInputs, type InputDevice } from '../audio/input-capture';
import { measureRoundTrip } from '../audio/latency-calibration';
import { TakePasses, type FrameRange, type KeptPass } from '../audio/take-passes';
import { TakeRecorder, type TakeEnd } from '../audio/take-recorder';
import { usePlay, type NotesTakeEdit } from './play-store';
import { playheadBeats, playheadFrame } from './playhead';
import { settlePlaced } from './settle-placed';
import { useTimeline } from './timeline-store';
import { useProject } from './project-store';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';
import { activeLoop, useTransport } from './transport-store';

/** How takes are recorded: bars of count-in, and whether the click sounds while recording. */
export interface RecordingSettings {
  readonly countInBars: CountInBars;
  readonly clickWhileRecording: boolean;
}
const defaultRecordingSettings: RecordingSettings = { countInBars: 0, clickWhileRecording: true };

/** Which of the device's channels a take records. */
export type ChannelChoice = 'left' | 'right' | 'stereo';
export const channelsOf: Record<ChannelChoice, InputChannels> = { left: [0], right: [1], stereo: [0, 1] };


interface RecordingState {
  readonly inputs: readonly InputDevice[];
  /** The chosen input; null = the system's default. */
  readonly inputId: string | null;
  readonly channels: ChannelChoice;
  /** The track takes are recorded on (its R button); null = none armed. */
  readonly armedTrackId: string | null;
  /** 'count-in' while the clicks before a take play (and while the input opens), 'recording' while the take runs. */
  readonly phase: 'count-in' | 'recording' | null;
  /** The count-in and the click while recording: user settings (the data folder's), read by `loadSettings`. */
  readonly settings: RecordingSettings;
  /** The measured round trip (calibration), seconds; null = not measured, the platform's figure is used. */
  readonly latencySeconds: number | null;
  readonly calibrating: boolean;
  refreshInputs(): Promise<void>;
  chooseInput(inputId: string | null): void;
  chooseChannels(channels: ChannelChoice): void;
  /** Arms the track, or disarms it when it is the armed one. */
  toggleArm(trackId: string): void;
  /** Reads the calibrated latency, the count-in and the click while recording from the user settings. */
  loadSettings(): Promise<void>;
  /** Measures the round trip through a loopback cable and keeps it in the user settings. */
  calibrate(): Promise<void>;
  /**
   * The transport's Record. Counts in (as set), then records the armed audio track's input (into the
   * loop range pass by pass while looping, only the punch range while punching) and, at the same
   * moment, a take of notes on the armed instrument track (`usePlay.beginTake`); either alone too.
   */
  record(): Promise<void>;
  /** Stops the count-in, or the take: its passes are placed as one take group, with the notes played beside it (one undo step). */
  stopRecording(): Promise<void>;
  /** Sets a track's monitor mode (the song's: saved, one undo step); switching it on warns about feedback through speakers. */
  setMonitor(trackId: string, mode: MonitorMode): void;
  setCountInBars(bars: CountInBars): Promise<void>;
  setClickWhileRecording(on: boolean): Promise<void>;
}

/** The open input (kept while its device stays chosen) and the take being recorded. */
let capture: { inputId: string | null; opened: Promise<InputCapture> } | null = null;
let take: { takeId: string; trackId: string; recorder: TakeRecorder; ended: TakeEnd | null; stoppedEarly: string | null } | null = null;
let countInAbort: AbortController | null = null;

/**
 * The chosen input, opened (kept open while its device stays chosen and present). Recording and
 * monitoring ask at once: they share one opening.
 */
export async function openInput(inputId: string | null): Promise<InputCapture> {
  const current = capture;
  if (current && current.inputId === inputId) {
    const open = await current.opened.catch(() => null);
    if (open && !open.deviceLost) return open;
    if (capture !== current) return openInput(inputId);
  }
  const previous = capture;
  const opened = (async () => {
    (await previous?.opened.catch(() => null))?.close();
    return InputCapture.open(runtime().audio.context, inputId);
  })();
  capture = { inputId, opened };
  opened.catch(() => {
    if (capture?.opened === opened) capture = null;
  });
  return opened;
}

export const useRecording = create<RecordingState>()((set, get) => ({
  inputs: [],
  inputId: null,
  channels: 'left',
  armedTrackId: null,
  phase: null,
  settings: defaultRecordingSettings,
  latencySeconds: null,
  calibrating: false,
  async refreshInputs() {
    try {
      const inputs = await listInputs();
      const { inputId } = get();
      set({ inputs, inputId: inputs.some((input) => input.id === inputId) ? inputId : null });
    } catch (error) {
      reportError(error);
    }
  },
  chooseInput: (inputId) => set({ inputId }),
  chooseChannels: (channels) => set({ channels }),
  toggleArm: (trackId) => set({ armedTrackId: get().armedTrackId === trackId ? null : trackId }),
  async loadSettings() {
    try {
      const stored = await runtime().bridge.call('settings.get', {});
      set({ latencySeconds: stored.recordingLatencySeconds, settings: { countInBars: stored.countInBars, clickWhileRecording: stored.clickWhileRecording } });
    } catch (error) {
      reportError(error);
    }
  },
  async calibrate() {
    if (get().phase !== null || get().calibrating) return;
    set({ calibrating: true });
    try {
      const { audio, bridge } = runtime();
      await audio.resume();
      const input = await openInput(get().inputId);
      const measured = await measureRoundTrip(audio.context, input, channelsOf[get().channels]);
      await bridge.call('settings.update', { recordingLatencySeconds: measured });
      set({ latencySeconds: measured });
      useSession.getState().notify('info', `Recording latency measured: ${(measured * 1000).toFixed(1)} ms. Recordings are moved back by it.`);
    } catch (error) {
      reportError(error);
    } finally {
      set({ calibrating: false });
    }
  },
  async record() {
    const { armedTrackId, phase, channels } = get();
    if (phase !== null) return;
    const track = useProject.getState().project.tracks.find((t) => t.id === armedTrackId);
    const notes = armedInstrumentTrack() !== null;
    if (!track && !notes) {
      useSession.getState().notify('error', 'Arm a track first: click its R button, then Record.');
      return;
    }
    countInAbort = new AbortController();
    const abort = countInAbort.signal;
    set({ phase: 'count-in' });
    try {
      const { audio, bridge } = runtime();
      await audio.resume();
      if (!track) {
        await recordNotesOnly(abort);
        set({ phase: 'recording' });
        return;
      }
      const input = await openInput(get().inputId);
      const rate = audio.context.sampleRate;
      const latency = get().latencySeconds ?? input.reportedLatencySeconds + audio.context.baseLatency + audio.context.outputLatency;
      const picked = channelsOf[channels];
      const plan = takePlan(rate);
      if (plan.seekTo !== null) useTransport.getState().seekToBeat(plan.seekTo);
      const { clickWhileRecording } = get().settings;
      await countInBefore(plan.seekTo, abort);
      const begun = await bridge.call('recording.begin', {
        projectPath: useProject.getState().filePath,
        name: track.name,
        sampleRate: rate,
        channelCount: picked.length === 2 ? 2 : 1,
      });
      const sink = async (planes: Float32Array[]): Promise<boolean> => {
        const status = await bridge.call('recording.append', { takeId: begun.takeId, channels: planes });
        if (status.stoppedEarly && take) take.stoppedEarly = status.stoppedEarly;
        return status.stoppedEarly === null;
      };
      const recorder = new TakeRecorder(audio, input, picked, Math.round(latency * rate), new TakePasses(plan.loop, plan.punch, plan.from), sink, (why) => {
        if (take) take.ended = why;
        void get().stopRecording();
      });
      take = { takeId: begun.takeId, trackId: track.id, recorder, ended: null, stoppedEarly: null };
      // The click while recording is the recording's own setting; the transport's comes back on Stop.
      if (clickWhileRecording) audio.send({ type: 'set-metronome', enabled: true });
      set({ phase: 'recording' });
      await recorder.start(() => {
        if (notes) usePlay.getState().beginTake();
        return useTransport.getState().play();
      });
    } catch (error) {
      set({ phase: null });
      take = null;
      if (!(error instanceof DOMException && error.name === 'AbortError')) reportError(error);
    } finally {
      countInAbort = null;
    }
  },
  async stopRecording() {
    countInAbort?.abort();
    const current = take;
    if (!current) {
      // A take of notes alone: stopping the transport writes it (the play store listens).
      if (get().phase !== null) useTransport.getState().stop();
      return;
    }
    take = null;
    let notes: NotesTakeEdit | null = null;
    try {
      const passes = await current.recorder.stop();
      // The notes played beside the take end here too, and go into the take's undo step.
      notes = usePlay.getState().takeNotes();
      useTransport.getState().stop();
      runtime().audio.send({ type: 'set-metronome', enabled: useTransport.getState().metronome });
      const finished = await runtime().bridge.call('recording.finish', { takeId: current.takeId });
      set({ phase: null });
      if (finished.frames > 0) await placeTakes(finished.path, current.trackId, passes, notes);
      else if (notes) useProject.getState().edit(notes.label, notes.recipe);
      notes = null;
      const why = current.ended === 'input-lost'
        ? 'The input device went away during the take. What was recorded until then is kept on the track.'
        : current.ended === 'sink-stopped' || finished.stoppedEarly
          ? (current.stoppedEarly ?? finished.stoppedEarly ?? 'The take stopped early. What was recorded is kept.')
          : null;
      if (why) useSession.getState().notify('error', why);
    } catch (error) {
      set({ phase: null });
      // The audio failed: the notes are kept all the same.
      if (notes) useProject.getState().edit(notes.label, notes.recipe);
      reportError(error);
    }
  },
  setMonitor(trackId, mode) {
    const was = useProject.getState().project.tracks.find((t) => t.id === trackId)?.monitor ?? 'off';
    useProject.getState().edit(monitorLabel(mode), (project) => setMonitorMode(project, trackId, mode));
    if (was === 'off' && mode !== 'off') {
      useSession.getState().notify('info', 'Monitoring plays the input through the speakers: use headphones, or a microphone near the speakers will feed back.');
    }
  },
  setCountInBars: (countInBars) => changeSettings({ countInBars }),
  setClickWhileRecording: (clickWhileRecording) => changeSettings({ clickWhileRecording }),
}));

/** Changes recording settings at once on screen, then in the user settings (said when that fails). */
async function changeSettings(changes: Partial<RecordingSettings>): Promise<void> {
  useRecording.setState({ settings: { ...useRecording.getState().settings, ...changes } });
  try {
    await runtime().bridge.call('settings.update', changes);
  } catch (error) {
    reportError(error);
  }
}

/** The armed instrument track (the play bar's), when the song has it. */
function armedInstrumentTrack(): string | null {
  const id = usePlay.getState().armedTrackId;
  return useProject.getState().project.tracks.some((t) => t.id === id && t.instrument !== undefined) ? id : null;
}

/** The count-in of the recording settings (bars of the meter where the take starts), unless the transport already plays. */
async function countInBefore(seekTo: number | null, abort: AbortSignal): Promise<void> {
  const bars = useRecording.getState().settings.countInBars;
  if (bars === 0 || useTransport.getState().playing) return;
  const clock = Clock.of(useProject.getState().project);
  const at = beats(seekTo ?? playheadBeats());
  await countIn(runtime().audio.context, Math.round(clock.barLength(clock.barAt(at)) * bars), 60 / clock.tempoAt(at), abort);
}

/** Record with no audio track armed: the count-in, then a take of notes on the armed instrument track while the transport plays (from the loop's start while looping). */
async function recordNotesOnly(abort: AbortSignal): Promise<void> {
  const loop = activeLoop();
  const seekTo = loop ? loop.start : null;
  if (seekTo !== null) useTransport.getState().seekToBeat(seekTo);
  await countInBefore(seekTo, abort);
  usePlay.getState().beginTake();
  // The click while recording is the recording's own setting; the transport's comes back on Stop.
  if (useRecording.getState().settings.clickWhileRecording) runtime().audio.send({ type: 'set-metronome', enabled: true });
  if (!useTransport.getState().playing) await useTransport.getState().play();
}

/**
 * Where the take goes, from the transport: while looping, recording starts at the loop's start
 * (seeking there) and each pass through the loop is a take; while punching, only the punch range
 * is written; nothing from before where recording begins. Ranges in frames of the song's clock.
 */
function takePlan(rate: number): { seekTo: number | null; loop: FrameRange | null; punch: FrameRange | null; from: number } {
  const loop = activeLoop();
  const { punch } = useProject.getState().project;
  const clock = Clock.of(useProject.getState().project);
  const frames = (range: { start: number; end: number }): FrameRange => ({ start: clock.frameAt(beats(range.start), hertz(rate)), end: clock.frameAt(beats(range.end), hertz(rate)) });
  const loopFrames = loop ? frames(loop) : null;
  return {
    seekTo: loop ? loop.start : null,
    loop: loopFrames,
    punch: punch?.on ? frames(punch) : null,
    from: loopFrames ? loopFrames.start : playheadFrame(),
  };
}

/** The passes of a finished take file as one take group on the track, and the notes played beside it: one undo step. */
async function placeTakes(path: string, trackId: string, passes: readonly KeptPass[], notes: NotesTakeEdit | null): Promise<void> {
  const { samples: pool, audio } = runtime();
  const info = await pool.ensure(path);
  const rate = hertz(audio.context.sampleRate);
  const file = { path: info.path, name: info.name, durationSeconds: info.frames / info.sampleRate, sha256: info.sha256 };
  let created: string[] = [];
  const takes = passes.length > 1 ? `Record ${passes.length} Takes` : 'Record Take';
  const label = notes ? `${takes} and ${notes.count === 1 ? '1 Note' : `${notes.count} Notes`}` : takes;
  useProject.getState().edit(label, (before) => {
    const project = notes ? notes.recipe(before) : before;
    const clock = Clock.of(project);
    const recorded = passes.map((pass) => {
      const start = clock.beatAtFrame(samples(pass.timelineFrame), rate);
      return { start, length: clock.beatAtFrame(samples(pass.timelineFrame + pass.frames), rate) - start, offset: pass.fileFrame / rate };
    });
    const result = addRecordedTakes(project, file, trackId, recorded);
    created = result.created.map((ref) => ref.clipId);
    return settlePlaced(result.project, created);
  });
  useTimeline.getState().select(created);
  useSession.getState().notify('info', passes.length > 1 ? `Recorded ${passes.length} takes of ${info.name}.` : `Added ${info.name}.`);
}

// The transport stopped (Stop, Space) during a take of notes alone: the take is written by the
// play store; the Record button and the click go back to how they were.
useTransport.subscribe((state, previous) => {
  if (!previous.playing || state.playing || take !== null || useRecording.getState().phase === null) return;
  useRecording.setState({ phase: null });
  runtime().audio.send({ type: 'set-metronome', enabled: state.metronome });
});
