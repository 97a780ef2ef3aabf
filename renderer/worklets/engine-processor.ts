/**
 * Hosts `src/engine` in the audio thread. Commands arrive on the port and apply between blocks;
 * `process` renders one block and publishes transport and meters into the shared status buffer.
 * Nothing in `process` allocates.
 */
import { Engine } from '../../src/engine/engine';
import { engineProcessorName, type EngineCommand, type EngineProcessorOptions } from '../../src/protocol/engine';

class EngineProcessor extends AudioWorkletProcessor {
  private readonly engine = new Engine(sampleRate);
  private readonly status: Float64Array;
  /** Scratch for a mono output, so `process` never allocates. */
  private readonly spare = new Float32Array(128);

  constructor(options: AudioWorkletProcessorOptions<EngineProcessorOptions>) {
    super();
    this.status = new Float64Array(options.processorOptions.status);
    this.port.onmessage = (event) => this.engine.command(event.data as EngineCommand);
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const output = outputs[0];
    const left = output?.[0];
    if (!output || !left) return true;
    const right = output[1] ?? this.spare;
    this.engine.render(left, right, left.length);
    this.engine.writeStatus(this.status);
    return true;
  }
}

registerProcessor(engineProcessorName, EngineProcessor as unknown as new (options: AudioWorkletProcessorOptions<never>) => AudioWorkletProcessor);
