/**
 * Instrument type → processor. Typed `satisfies Record<InstrumentType, …>`: a catalog entry
 * without a processor here, or one here without a catalog entry, fails the typecheck (as the
 * devices' registry does). Sample-playing instruments also `load` their zone or pads.
 */
import type { InstrumentType } from '../../devices/instruments/catalog';
import type { EngineInstrument } from '../../protocol/engine-instruments';
import type { StereoBlock } from '../graph/channel-strip';
import type { SamplePool } from '../sample-pool';
import { DrumMachine } from './drum-machine';
import type { InstrumentProcessor } from './instrument-processor';
import { SamplerInstrument } from './sampler-instrument';
import { createSynthInstrument } from './synth-instrument';

/** An instrument as the engine hosts it: notes in, audio out, and (for samplers and drums) the samples it plays. */
export interface HostedInstrument extends InstrumentProcessor {
  /** Takes the instrument's zone or pads with their samples from `pool`; the synth has none. */
  load(instrument: EngineInstrument, pool: SamplePool): void;
  /** What drum pads with their own outputs played in the last block, one per `padOutputs(instrument)` entry. */
  readonly padBlocks: readonly StereoBlock[];
}

/** The synth plays no samples: loading is nothing to it. */
function synthInstrument(sampleRate: number): HostedInstrument {
  const synth = createSynthInstrument(sampleRate);
  return {
    process: (left, right, params, events, frames, context) => synth.process(left, right, params, events, frames, context),
    allNotesOff: () => synth.allNotesOff(),
    reset: () => synth.reset(),
    load: () => undefined,
    padBlocks: [],
  };
}

export const instrumentProcessors = {
  synth: synthInstrument,
  sampler: (sampleRate: number) => new SamplerInstrument(sampleRate),
  drums: (sampleRate: number) => new DrumMachine(sampleRate),
} satisfies Record<InstrumentType, (sampleRate: number) => HostedInstrument>;

export function createInstrument(type: InstrumentType, sampleRate: number): HostedInstrument {
  return instrumentProcessors[type](sampleRate);
}
