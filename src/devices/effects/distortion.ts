/** The saturation's and the bitcrusher's parameters (src/dsp/distortion). */
import { mixParam, type DeviceSpec } from '../device-spec';

export const saturationSpec = {
  name: 'Saturation',
  params: [
    { id: 'driveDb', name: 'Drive', unit: 'dB', min: 0, max: 36, default: 6, taper: 'linear', smoothingMs: 20 },
    // −100 % dark … +100 % bright: the kernel's tilt of ±6 dB around 1 kHz.
    { id: 'tone', name: 'Tone', unit: '%', min: -100, max: 100, default: 0, taper: 'linear', smoothingMs: 20 },
    mixParam(100),
  ],
} as const satisfies DeviceSpec;

export const bitcrusherSpec = {
  name: 'Bitcrusher',
  params: [
    { id: 'bits', name: 'Bits', unit: 'bits', min: 1, max: 24, default: 8, taper: 'linear', smoothingMs: 20 },
    { id: 'downsample', name: 'Downsample', unit: 'factor', min: 1, max: 64, default: 1, taper: 'log', smoothingMs: 20 },
    mixParam(100),
  ],
} as const satisfies DeviceSpec;
