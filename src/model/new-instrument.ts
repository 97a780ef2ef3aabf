import { defaultInstrumentParams, drumPadCount, drumPadParams, type InstrumentType } from '../devices/instruments/catalog';
import { paramDefaults } from '../devices/param-spec';
import type { DrumPad, Instrument } from './instrument-schema';

/**
 * A new instrument of `type` with every parameter at its catalog default: a synth, a sampler with
 * no sample yet, or a drum machine of 16 empty pads ("Pad 1" … "Pad 16") playing into the track's
 * own channel. Every edit that adds an instrument builds it here.
 */
export function createInstrument(type: InstrumentType, id: string): Instrument {
  const params = defaultInstrumentParams(type);
  if (type === 'synth') return { id, type, params };
  if (type === 'sampler') return { id, type, params, zone: null };
  return { id, type, params, pads: Array.from({ length: drumPadCount }, (_, i) => emptyPad(`Pad ${i + 1}`)) };
}

function emptyPad(name: string): DrumPad {
  return { name, source: null, params: paramDefaults(drumPadParams), output: null };
}
