/**
 * Device type → processor. Typed `satisfies Record<DeviceType, …>`: a catalog entry without a
 * processor here, or a processor here without a catalog entry, fails the typecheck. Adding a
 * device is one entry in src/devices/catalog.ts and one line here (kernels from src/dsp with
 * setters go through `kernelDevice`).
 */
import type { DeviceType } from '../../devices/catalog';
import { InsertLimiter } from '../../dsp/limiter/insert-limiter';
import { kernelDevice, paramIndices, type DeviceProcessor } from './device-processor';
import { Utility } from './utility';

const limiter = paramIndices('limiter');

export const deviceProcessors = {
  utility: () => new Utility(),
  limiter: (sampleRate) =>
    kernelDevice(
      new InsertLimiter(sampleRate),
      (kernel, params) => {
        kernel.setCeilingDbtp(params.end[params.base + limiter.ceilingDb] as number);
        kernel.setReleaseMs(params.end[params.base + limiter.releaseMs] as number);
      },
      (kernel) => kernel.gainReductionDb(),
    ),
} satisfies Record<DeviceType, (sampleRate: number) => DeviceProcessor>;

export function createDeviceProcessor(type: DeviceType, sampleRate: number): DeviceProcessor {
  return deviceProcessors[type](sampleRate);
}
