/**
 * Every instrument type, as data like the effects' `deviceCatalog`: the project schema validates
 * an instrument's `params` against its entry, the UI draws its controls from it, and the engine's
 * instrument registry is typed `satisfies Record<InstrumentType, …>`. Instrument ids share the
 * mixer's id space, so automation targets an instrument's parameters as a device's.
 */
import type { DeviceSpec } from '../device-spec';
import { paramDefaults } from '../param-spec';
import { drumsSpec } from './drums';
import { samplerSpec } from './sampler';
import { synthSpec } from './synth';

export { drumPadBasePitch, drumPadCount, drumPadParams } from './drums';

export const instrumentCatalog = {
  synth: synthSpec,
  sampler: samplerSpec,
  drums: drumsSpec,
} as const satisfies Record<string, DeviceSpec>;

export type InstrumentType = keyof typeof instrumentCatalog;

export const instrumentTypes = Object.keys(instrumentCatalog) as InstrumentType[];

export function isInstrumentType(type: string): type is InstrumentType {
  return Object.hasOwn(instrumentCatalog, type);
}

/** An instrument of `type` with every parameter at its default, in catalog order. */
export function defaultInstrumentParams(type: InstrumentType): Record<string, number> {
  return paramDefaults(instrumentCatalog[type].params);
}
