/** The compressor's parameters (src/dsp/dynamics); its detector can listen to another channel (`sidechain`). */
import { switchParam, type DeviceSpec } from '../device-spec';

export const compressorSpec = {
  name: 'Compressor',
  sidechain: true,
  params: [
    { id: 'thresholdDb', name: 'Threshold', unit: 'dB', min: -60, max: 0, default: -18, taper: 'linear', smoothingMs: 20 },
    { id: 'ratio', name: 'Ratio', unit: 'ratio', min: 1, max: 20, default: 4, taper: 'log', smoothingMs: 20 },
    { id: 'attackMs', name: 'Attack', unit: 'ms', min: 0.1, max: 200, default: 10, taper: 'log', smoothingMs: 0 },
    { id: 'releaseMs', name: 'Release', unit: 'ms', min: 5, max: 2000, default: 100, taper: 'log', smoothingMs: 0 },
    { id: 'kneeDb', name: 'Knee', unit: 'dB', min: 0, max: 24, default: 6, taper: 'linear', smoothingMs: 20 },
    { id: 'makeupDb', name: 'Make-up', unit: 'dB', min: 0, max: 24, default: 0, taper: 'linear', smoothingMs: 20 },
    switchParam('autoMakeup', 'Auto make-up', false),
    switchParam('detectorHpOn', 'Detector high-pass', false),
    { id: 'detectorHpHz', name: 'Detector high-pass frequency', unit: 'Hz', min: 20, max: 500, default: 100, taper: 'log', smoothingMs: 20 },
  ],
} as const satisfies DeviceSpec;
