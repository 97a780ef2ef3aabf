/** The reverb's parameters (src/dsp/reverb: an eight-line feedback delay network). */
import { mixParam, type DeviceSpec } from '../device-spec';

export const reverbSpec = {
  name: 'Reverb',
  params: [
    // Size changes the loop lengths at once (the kernel cannot glide them), so it is not smoothed.
    { id: 'size', name: 'Size', unit: '%', min: 0, max: 100, default: 50, taper: 'linear', smoothingMs: 0 },
    { id: 'decayS', name: 'Decay', unit: 's', min: 0.1, max: 20, default: 2, taper: 'log', smoothingMs: 20 },
    { id: 'damping', name: 'Damping', unit: '%', min: 0, max: 100, default: 30, taper: 'linear', smoothingMs: 20 },
    { id: 'preDelayMs', name: 'Pre-delay', unit: 'ms', min: 0, max: 250, default: 10, taper: 'linear', smoothingMs: 0 },
    { id: 'width', name: 'Width', unit: '%', min: 0, max: 100, default: 100, taper: 'linear', smoothingMs: 20 },
    mixParam(25),
  ],
} as const satisfies DeviceSpec;
