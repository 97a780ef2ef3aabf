/**
 * The benchmarks' processor: renders the engine exactly as renderer/worklets/engine-processor.ts
 * does (engine block, then the safety stage) and times every 128-frame block with the block
 * clock (block-clock.ts: Temporal's instant, finer than `Date.now()`'s 1 ms); the durations go
 * into a histogram in shared memory (`binMs` bins, the last collecting longer ones), with the
 * block count, the summed ms, the clock's resolution and the engine's own DspLoadMeter overload
 * count (blocks that took longer than they last, the app's "dropouts").
 */
import { Engine } from '../../../../src/engine/engine';
import { SafetyStage } from '../../../../src/engine/safety-stage';
import type { EngineCommand } from '../../../../src/protocol/engine';
import { DspLoadMeter } from '../../../../renderer/worklets/dsp-load-meter';
import { blockTimingName, recordBlockTiming, type BlockTimingOptions } from '../block-timing';
import { BlockClock } from './block-clock';

class BlockTimingProcessor extends AudioWorkletProcessor {
  private readonly engine = new Engine(sampleRate);
  private readonly safety = new SafetyStage(sampleRate);
  private readonly load = new DspLoadMeter(sampleRate);
  private readonly timing: Float64Array;
  private readonly clock = new BlockClock();

  constructor(options: AudioWorkletProcessorOptions<BlockTimingOptions>) {
    super();
    this.timing = new Float64Array(options.processorOptions.timing);
    for (const command of options.processorOptions.initialCommands) this.engine.command(command);
    this.port.onmessage = (event) => this.engine.command(event.data as EngineCommand);
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const left = outputs[0]?.[0];
    const right = outputs[0]?.[1];
    if (!left || !right) return true;
    const started = Date.now();
    this.clock.begin();
    this.engine.render(left, right, left.length);
    this.safety.process(left, right, left.length, this.engine.faultyChannel);
    this.clock.end();
    this.load.end(started, left.length);
    recordBlockTiming(this.timing, this.clock, this.load.overloads);
    return true;
  }
}

registerProcessor(blockTimingName, BlockTimingProcessor as unknown as new (options: AudioWorkletProcessorOptions<never>) => AudioWorkletProcessor);
