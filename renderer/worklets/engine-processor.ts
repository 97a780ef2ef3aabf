/**
 * Hosts `src/engine` in the audio thread. Commands arrive on the port and apply between blocks;
 * `process` hands the engine the node's input (live input, for monitoring), renders one block, passes it through the safety stage (playback only: an export
 * renders the engine without it), and publishes transport, meters, DSP load and safety trips
 * into the shared status buffer. Nothing in `process` allocates.
 */
import { primeEveryDeviceType } from '../../src/engine/devices/registry';
import { Engine } from '../../src/engine/engine';
import { SafetyStage } from '../../src/engine/safety-stage';
import { engineProcessorName, statusSlots, type EngineCommand, type EngineProcessorOptions } from '../../src/protocol/engine';
import { DspLoadMeter } from './dsp-load-meter';

/** What the engine is handed when the node has no input connected. */
const noInput: readonly Float32Array[] = [];

class EngineProcessor extends AudioWorkletProcessor {
  private readonly engine = new Engine(sampleRate);
  private readonly safety = new SafetyStage(sampleRate);
  private readonly status: Float64Array;
  private readonly load = new DspLoadMeter(sampleRate);
  /** Scratch for a mono output, so `process` never allocates. */
  private readonly spare = new Float32Array(128);

  constructor(options: AudioWorkletProcessorOptions<EngineProcessorOptions>) {
    super();
    primeEveryDeviceType(sampleRate);
    this.status = new Float64Array(options.processorOptions.status);
    for (const command of options.processorOptions.initialCommands) this.engine.command(command);
    this.port.onmessage = (event) => this.engine.command(event.data as EngineCommand);
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const output = outputs[0];
    const left = output?.[0];
    if (!output || !left) return true;
    const right = output[1] ?? this.spare;
    const started = this.load.begin();
    // The live input (the recording device, connected while a track monitors it).
    this.engine.input(inputs[0] ?? noInput);
    this.engine.render(left, right, left.length);
    this.safety.process(left, right, left.length, this.engine.faultyChannel);
    this.status[statusSlots.contextFrame] = -1;
    this.engine.writeStatus(this.status);
    this.load.end(started, left.length);
    this.status[statusSlots.dspLoad] = this.load.load;
    this.status[statusSlots.overloads] = this.load.overloads;
    this.status[statusSlots.safetyTrips] = this.safety.trips;
    this.status[statusSlots.safetyChannel] = this.safety.channel;
    this.status[statusSlots.safetyReason] = this.safety.reason;
    this.status[statusSlots.contextFrame] = currentFrame + left.length;
    return true;
  }
}

registerProcessor(engineProcessorName, EngineProcessor as unknown as new (options: AudioWorkletProcessorOptions<never>) => AudioWorkletProcessor);
