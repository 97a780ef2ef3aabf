/**
 * The synth benchmark's processor: plays `voices` held notes of the bench patch through the synth
 * instrument (tests/bench/synth-load.ts) and times every 128-frame block with the block clock
 * (block-clock.ts), into the same shared counters as the mix bench (block-timing-processor.ts).
 */
import { createSynthInstrument } from '../../../../src/engine/instruments/synth-instrument';
import { DspLoadMeter } from '../../../../renderer/worklets/dsp-load-meter';
import { SynthLoad } from '../../synth-load';
import { recordBlockTiming, synthTimingName, type SynthTimingOptions } from '../block-timing';
import { BlockClock } from './block-clock';

class SynthTimingProcessor extends AudioWorkletProcessor {
  private readonly synth: SynthLoad;
  private readonly load = new DspLoadMeter(sampleRate);
  private readonly timing: Float64Array;
  private readonly clock = new BlockClock();

  constructor(options: AudioWorkletProcessorOptions<SynthTimingOptions>) {
    super();
    this.timing = new Float64Array(options.processorOptions.timing);
    this.synth = new SynthLoad(createSynthInstrument(sampleRate), options.processorOptions.voices);
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const left = outputs[0]?.[0];
    const right = outputs[0]?.[1];
    if (!left || !right) return true;
    const started = Date.now();
    this.clock.begin();
    this.synth.block();
    left.set(this.synth.left);
    right.set(this.synth.right);
    this.clock.end();
    this.load.end(started, left.length);
    recordBlockTiming(this.timing, this.clock, this.load.overloads);
    return true;
  }
}

registerProcessor(synthTimingName, SynthTimingProcessor as unknown as new (options: AudioWorkletProcessorOptions<never>) => AudioWorkletProcessor);
