import { captureHeader, captureProcessorName, captureStartFrameOffset, createCaptureBuffers, type CaptureCommand, type InputChannels } from '../../src/protocol/capture';
import workletUrl from '../worklets/capture-processor.ts?worker&url';

/** An audio input the system offers. */
export interface InputDevice {
  readonly id: string;
  readonly label: string;
}

/** The audio inputs, named (labels are empty until the page may use the microphone). */
export async function listInputs(): Promise<InputDevice[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((device) => device.kind === 'audioinput')
    .map((device, index) => ({ id: device.deviceId, label: device.label || `Input ${index + 1}` }));
}

/** Calls `listener` whenever inputs come or go; returns the disposer. */
export function onInputsChanged(listener: () => void): () => void {
  navigator.mediaDevices.addEventListener('devicechange', listener);
  return () => navigator.mediaDevices.removeEventListener('devicechange', listener);
}

/** What a drain found: the new frames per recorded channel, and the context frame of the take's first frame. */
export interface CapturedChunk {
  readonly channels: Float32Array[];
  readonly startContextFrame: number;
}

const modules = new WeakMap<BaseAudioContext, Promise<void>>();

/**
 * One open input device feeding the capture worklet (renderer/worklets/capture-processor.ts) in the
 * engine's AudioContext. The device is opened raw (no echo cancellation, noise suppression or
 * automatic gain): a take is what the microphone heard. `drain` copies what was recorded since it
 * last ran out of the shared ring.
 */
export class InputCapture {
  private read = 0;
  private lost = false;

  private constructor(
    private readonly stream: MediaStream,
    private readonly source: MediaStreamAudioSourceNode,
    private readonly node: AudioWorkletNode,
    private readonly buffers: ReturnType<typeof createCaptureBuffers>,
  ) {
    for (const track of stream.getAudioTracks()) track.addEventListener('ended', () => (this.lost = true));
  }

  static async open(context: AudioContext, deviceId: string | null): Promise<InputCapture> {
    let loaded = modules.get(context);
    if (!loaded) {
      loaded = context.audioWorklet.addModule(workletUrl);
      modules.set(context, loaded);
    }
    await loaded;
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
        channelCount: { ideal: 2 },
        echoCancellation: false,
        noiseSuppression: false,
        autoGainControl: false,
      },
    });
    const source = new MediaStreamAudioSourceNode(context, { mediaStream: stream });
    const buffers = createCaptureBuffers(context.sampleRate);
    const node = new AudioWorkletNode(context, captureProcessorName, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCountMode: 'explicit',
      channelCount: 2,
      channelInterpretation: 'discrete',
      processorOptions: buffers,
    });
    source.connect(node);
    // The node outputs silence; connecting it keeps the graph pulling it.
    node.connect(context.destination);
    return new InputCapture(stream, source, node, buffers);
  }

  /** The device's audio in the AudioContext (for monitoring through the engine). */
  get input(): AudioNode {
    return this.source;
  }

  /** Seconds the platform says the input lags (0 when it does not say). */
  get reportedLatencySeconds(): number {
    const settings = this.stream.getAudioTracks()[0]?.getSettings() as { latency?: number } | undefined;
    return settings?.latency ?? 0;
  }

  /** True once the device went away (unplugged, or access withdrawn). */
  get deviceLost(): boolean {
    return this.lost || this.stream.getAudioTracks().every((track) => track.readyState === 'ended');
  }

  start(channels: InputChannels): void {
    this.read = 0;
    Atomics.store(new Int32Array(this.buffers.header), captureHeader.framesWritten, 0);
    this.post({ type: 'start', channels });
  }

  stop(): void {
    this.post({ type: 'stop' });
  }

  /** The frames recorded since the last drain (none before the first block after `start`). */
  drain(channelCount: number): CapturedChunk {
    const header = new Int32Array(this.buffers.header);
    const written = Atomics.load(header, captureHeader.framesWritten);
    const startContextFrame = new Float64Array(this.buffers.header, captureStartFrameOffset, 1)[0] ?? 0;
    const { ringFrames } = this.buffers;
    const count = Math.max(0, written - this.read);
    const channels: Float32Array[] = [];
    for (let c = 0; c < channelCount; c++) {
      const plane = new Float32Array(this.buffers.ring, c * ringFrames * 4, ringFrames);
      const out = new Float32Array(count);
      const from = this.read % ringFrames;
      const first = Math.min(count, ringFrames - from);
      out.set(plane.subarray(from, from + first));
      if (first < count) out.set(plane.subarray(0, count - first), first);
      channels.push(out);
    }
    this.read = written;
    return { channels, startContextFrame };
  }

  close(): void {
    this.node.port.postMessage({ type: 'stop' } satisfies CaptureCommand);
    this.source.disconnect();
    this.node.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
  }

  private post(command: CaptureCommand): void {
    this.node.port.postMessage(command);
  }
}
