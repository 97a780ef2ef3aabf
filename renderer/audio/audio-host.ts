import { createStatusBuffer, engineProcessorName, packSample, samplePlanes, type EngineCommand, type EngineProcessorOptions, type SharedSample } from '../../src/protocol/engine';
import type { LoadedAudio } from '../../src/protocol/ipc';
import { GlowroomError } from '../../src/std/errors';
import workletUrl from '../worklets/engine-processor.ts?worker&url';

/** The rate the engine runs at; sources at other rates are converted by the engine. */
export const engineSampleRate = 48_000;

/**
 * The Web Audio side of playback: one AudioContext, the engine worklet node, the shared sample
 * pool and the shared status buffer the worklet writes every block. If the processor ever
 * throws, the node is rebuilt with the same samples and listeners re-send the document.
 */
export class AudioHost {
  /** Read on animation frames; laid out as `statusSlots` + track meters. */
  readonly status: Float64Array;
  private node: AudioWorkletNode;
  private readonly samples = new Map<string, SharedSample>();
  private readonly rebuiltListeners = new Set<(reason: string) => void>();
  private spectrumTap: AnalyserNode | null = null;
  /** The live input the engine monitors (connected to the engine node while a track monitors), kept across rebuilds. */
  private monitorSource: AudioNode | null = null;

  private constructor(
    readonly context: AudioContext,
    private readonly statusBuffer: SharedArrayBuffer,
  ) {
    this.status = new Float64Array(statusBuffer);
    this.node = this.createNode([]);
  }

  static async start(): Promise<AudioHost> {
    if (!globalThis.crossOriginIsolated) {
      throw new GlowroomError('internal', 'This page is not cross-origin isolated, so audio cannot start. Open Glowroom through the app or `npm run serve`.');
    }
    const context = new AudioContext({ sampleRate: engineSampleRate, latencyHint: 'interactive' });
    await context.audioWorklet.addModule(workletUrl);
    return new AudioHost(context, createStatusBuffer());
  }

  send(command: EngineCommand): void {
    this.node.port.postMessage(command);
  }

  /** Copies decoded PCM into shared memory once and hands it to the worklet's pool. */
  addSample(sampleId: string, audio: LoadedAudio): void {
    const sample = packSample(sampleId, audio.sampleRate, audio.channels, (bytes) => new SharedArrayBuffer(bytes));
    this.samples.set(sampleId, sample);
    this.send({ type: 'add-sample', sample });
  }

  /** The decoded audio of a pooled sample, as planar views on its shared memory; null when it is not pooled. */
  samplePlanes(sampleId: string): readonly Float32Array[] | null {
    const sample = this.samples.get(sampleId);
    return sample ? samplePlanes(sample) : null;
  }

  /**
   * Input monitoring: `source` (the recording input) feeds the engine node, whose engine plays it
   * through `tracks` from `channels` of it; no tracks disconnects it. Playback only: a render
   * never has live input.
   */
  monitorInput(source: AudioNode | null, tracks: readonly string[], channels: readonly [number] | readonly [number, number]): void {
    const wanted = tracks.length > 0 ? source : null;
    if (this.monitorSource !== wanted) {
      if (this.monitorSource) unplug(this.monitorSource, this.node);
      this.monitorSource = wanted;
      wanted?.connect(this.node);
    }
    this.send({ type: 'set-monitoring', tracks: wanted ? tracks : [], channels });
  }

  /** Called after the engine node was rebuilt: the listener must re-send the document. */
  onRebuilt(listener: (reason: string) => void): () => void {
    this.rebuiltListeners.add(listener);
    return () => this.rebuiltListeners.delete(listener);
  }

  /**
   * The engine's output as a spectrum (what the EQ draws behind its curve): one AnalyserNode on
   * the output, made the first time it is asked for and kept across engine rebuilds. Views read it
   * on animation frames with `getFloatFrequencyData`, never through React state.
   */
  spectrum(): AnalyserNode {
    if (!this.spectrumTap) {
      this.spectrumTap = new AnalyserNode(this.context, { fftSize: 4096, smoothingTimeConstant: 0.75, minDecibels: -100, maxDecibels: 0 });
      this.node.connect(this.spectrumTap);
    }
    return this.spectrumTap;
  }

  /** Browsers start contexts suspended until a user gesture; every transport action resumes. */
  async resume(): Promise<void> {
    if (this.context.state !== 'running') await this.context.resume();
  }

  async close(): Promise<void> {
    this.node.disconnect();
    await this.context.close();
  }

  private createNode(initialCommands: EngineCommand[]): AudioWorkletNode {
    const processorOptions: EngineProcessorOptions = { status: this.statusBuffer, initialCommands };
    // One input of the device's channels as they are (no mixing down): the monitored live input.
    const node = new AudioWorkletNode(this.context, engineProcessorName, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [2],
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'discrete',
      processorOptions,
    });
    node.onprocessorerror = () => this.rebuild();
    node.connect(this.context.destination);
    if (this.spectrumTap) node.connect(this.spectrumTap);
    return node;
  }

  private rebuild(): void {
    this.node.disconnect();
    if (this.monitorSource) unplug(this.monitorSource, this.node);
    // A rebuilt engine monitors nothing until asked again.
    this.monitorSource = null;
    this.node = this.createNode([...this.samples.values()].map((sample) => ({ type: 'add-sample', sample })));
    const reason = 'The audio engine hit an error and was restarted; playback stopped. If this repeats, please report it.';
    for (const listener of this.rebuiltListeners) listener(reason);
  }
}

/** Disconnects `source` from `node`; a source closed elsewhere (its device gone) is disconnected already. */
function unplug(source: AudioNode, node: AudioNode): void {
  try {
    source.disconnect(node);
  } catch {
    // Not connected any more: nothing to do.
  }
}
