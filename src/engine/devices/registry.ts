/**
 * Device type → processor. Typed `satisfies Record<DeviceType, …>`: a catalog entry without a
 * processor here, or a processor here without a catalog entry, fails the typecheck. Adding a
 * device is one entry in src/devices/catalog.ts and one line here (kernels from src/dsp with
 * setters go through `kernelDevice`, see effect-devices.ts).
 */
import type { DeviceType } from '../../devices/catalog';
import type { DeviceProcessor } from './device-processor';
import {
  createBitcrusherDevice,
  createChorusDevice,
  createCompressorDevice,
  createDelayDevice,
  createFilterDevice,
  createLimiterDevice,
  createReverbDevice,
  createSaturationDevice,
} from './effect-devices';
import { createEqDevice } from './eq-device';
import { primeDeviceType } from './prime-device';
import { Utility } from './utility';

export const deviceProcessors = {
  utility: () => new Utility(),
  limiter: createLimiterDevice,
  eq: createEqDevice,
  compressor: createCompressorDevice,
  reverb: createReverbDevice,
  delay: createDelayDevice,
  saturation: createSaturationDevice,
  bitcrusher: createBitcrusherDevice,
  filter: createFilterDevice,
  chorus: createChorusDevice,
} satisfies Record<DeviceType, (sampleRate: number) => DeviceProcessor>;

/** A processor of `type`; the first of each type in a process primes the type's code (see `primeDeviceType`). */
export function createDeviceProcessor(type: DeviceType, sampleRate: number): DeviceProcessor {
  primeDeviceType(type, () => deviceProcessors[type](sampleRate));
  return deviceProcessors[type](sampleRate);
}

/**
 * Primes every device type's code now (`primeDeviceType`) rather than when the first of a type is
 * made: playback calls it as its processor is built, before any block, because priming takes
 * milliseconds (a reverb ≈ 23 ms) that a device added while the song plays would otherwise take
 * from the audio thread in one go, a dropout. An export builds its graph before its first block,
 * so it primes only the types it uses, as they are made.
 */
export function primeEveryDeviceType(sampleRate: number): void {
  for (const type of Object.keys(deviceProcessors) as DeviceType[]) primeDeviceType(type, () => deviceProcessors[type](sampleRate));
}
