import { create } from 'zustand';
import type { InputChannels } from '../../src/protocol/capture';
import { Clock } from '../../src/std/clock';
import { hertz, samples } from '../../src/std/units';
import { InputCapture, listInputs, type InputDevice } from '../audio/input-capture';
import { measureRoundTrip } from '../audio/latency-calibration';
import { TakeRecorder, type TakeEnd } from '../audio/take-recorder';
import { useProject } from './project-store';
import { runtime } from './runtime';
import { reportError, useSession } from './session-store';
import { useTransport } from './transport-store';

/** Which of the device's channels a take records. */
export type ChannelChoice = 'left' | 'right' | 'stereo';
const channelsOf: Record<ChannelChoice, InputChannels> = { left: [0], right: [1], stereo: [0, 1] };

interface RecordingState {
  readonly inputs: readonly InputDevice[];
  /** The chosen input; null = the system's default. */
  readonly inputId: string | null;
  readonly channels: ChannelChoice;
  /** The track takes are recorded on (its R button); null = none armed. */
  readonly armedTrackId: string | null;
  readonly recording: boolean;
  /** The measured round trip (calibration), seconds; null = not measured, the platform's figure is used. */
  readonly latencySeconds: number | null;
  readonly calibrating: boolean;
  refreshInputs(): Promise<void>;
  chooseInput(inputId: string | null): void;
  chooseChannels(channels: ChannelChoice): void;
  /** Arms the track, or disarms it when it is the armed one. */
  toggleArm(trackId: string): void;
  /** Reads the calibrated latency from the user settings. */
  loadLatency(): Promise<void>;
  /** Measures the round trip through a loopback cable and keeps it in the user settings. */
  calibrate(): Promise<void>;
  record(): Promise<void>;
  stopRecording(): Promise<void>;
}

/** The open input (kept while its device stays chosen) and the take being recorded. */
let capture: { inputId: string | null; capture: InputCapture } | null = null;
let take: { takeId: string; trackId: string; recorder: TakeRecorder; ended: TakeEnd | null; stoppedEarly: string | null } | null = null;

async function openInput(inputId: string | null): Promise<InputCapture> {
  if (capture && capture.inputId === inputId && !capture.capture.deviceLost) return capture.capture;
  capture?.capture.close();
  capture = null;
  const opened = await InputCapture.open(runtime().audio.context, inputId);
  capture = { inputId, capture: opened };
  return opened;
}

export const useRecording = create<RecordingState>()((set, get) => ({
  inputs: [],
  inputId: null,
  channels: 'left',
  armedTrackId: null,
  recording: false,
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
  async loadLatency() {
    const settings = await runtime().bridge.call('settings.get', {});
    set({ latencySeconds: settings.recordingLatencySeconds });
  },
  async calibrate() {
    if (get().recording || get().calibrating) return;
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
    const { armedTrackId, recording, channels } = get();
    if (recording) return;
    const track = useProject.getState().project.tracks.find((t) => t.id === armedTrackId);
    if (!track) {
      useSession.getState().notify('error', 'Arm a track first: click its R button, then Record.');
      return;
    }
    try {
      const { audio, bridge } = runtime();
      await audio.resume();
      const input = await openInput(get().inputId);
      const rate = audio.context.sampleRate;
      const latency = get().latencySeconds ?? input.reportedLatencySeconds + audio.context.baseLatency + audio.context.outputLatency;
      const picked = channelsOf[channels];
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
      const recorder = new TakeRecorder(audio, input, picked, Math.round(latency * rate), sink, (why) => {
        if (take) take.ended = why;
        void get().stopRecording();
      });
      take = { takeId: begun.takeId, trackId: track.id, recorder, ended: null, stoppedEarly: null };
      set({ recording: true });
      await useTransport.getState().play();
      await recorder.start();
    } catch (error) {
      set({ recording: false });
      take = null;
      reportError(error);
    }
  },
  async stopRecording() {
    const current = take;
    if (!current) return;
    take = null;
    try {
      const placed = await current.recorder.stop();
      useTransport.getState().stop();
      const finished = await runtime().bridge.call('recording.finish', { takeId: current.takeId });
      set({ recording: false });
      if (finished.frames > 0) {
        const project = useProject.getState().project;
        const start = Clock.of(project).beatAtFrame(samples(placed.startFrame), hertz(runtime().audio.context.sampleRate));
        await useProject.getState().addFile(finished.path, start, current.trackId);
      }
      const why = current.ended === 'input-lost'
        ? 'The input device went away during the take. What was recorded until then is kept on the track.'
        : current.ended === 'sink-stopped' || finished.stoppedEarly
          ? (current.stoppedEarly ?? finished.stoppedEarly ?? 'The take stopped early. What was recorded is kept.')
          : null;
      if (why) useSession.getState().notify('error', why);
    } catch (error) {
      set({ recording: false });
      reportError(error);
    }
  },
}));
