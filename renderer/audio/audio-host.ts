import { createStatusBuffer, engineProcessorName, type EngineCommand, type EngineProcessorOptions, type SharedSample } from '../../src/protocol/engine';
import type { LoadedAudio } from '../../src/protocol/ipc';
import { GlowroomError } from '../../src/std/errors';
import workletUrl from '../worklets/engine-processor.ts?worker&url';

/** The rate the engine runs at; sources at other rates are converted by the engine. */
export const engineSampleRate = 48_000;

/**
 * The Web Audio side of playback: one AudioContext, one engine worklet node, the shared sample
 * pool and the shared status buffer the worklet writes every block.
 */
export class AudioHost {
  /** Read on animation frames; laid out as `statusSlots`. */
  readonly status: Float64Array;

  private constructor(
    readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
    statusBuffer: SharedArrayBuffer,
  ) {
    this.status = new Float64Array(statusBuffer);
  }

  static async start(): Promise<AudioHost> {
    if (!globalThis.crossOriginIsolated) {
      throw new GlowroomError('internal', 'This page is not cross-origin isolated, so audio cannot start. Open Glowroom through the app or `npm run serve`.');
    }
    const context = new AudioContext({ sampleRate: engineSampleRate, latencyHint: 'interactive' });
    await context.audioWorklet.addModule(workletUrl);
    const statusBuffer = createStatusBuffer();
    const processorOptions: EngineProcessorOptions = { status: statusBuffer };
    const node = new AudioWorkletNode(context, engineProcessorName, {
      numberOfInputs: 0,
      numberOfOutputs: 1,
      outputChannelCount: [2],
      processorOptions,
    });
    node.connect(context.destination);
    return new AudioHost(context, node, statusBuffer);
  }

  send(command: EngineCommand): void {
    this.node.port.postMessage(command);
  }

  /** Copies decoded PCM into shared memory once and hands it to the worklet's pool. */
  addSample(sampleId: string, audio: LoadedAudio): void {
    const frames = audio.channels[0]?.length ?? 0;
    const pcm = new SharedArrayBuffer(frames * audio.channels.length * Float32Array.BYTES_PER_ELEMENT);
    audio.channels.forEach((plane, c) => new Float32Array(pcm, c * frames * 4, frames).set(plane));
    const sample: SharedSample = { sampleId, sampleRate: audio.sampleRate, frames, channelCount: audio.channels.length, pcm };
    this.send({ type: 'add-sample', sample });
  }

  /** Browsers start contexts suspended until a user gesture; every transport action resumes. */
  async resume(): Promise<void> {
    if (this.context.state !== 'running') await this.context.resume();
  }

  async close(): Promise<void> {
    this.node.disconnect();
    await this.context.close();
  }
}
