/**
 * The drum machine: 16 pads, each a sample with its own settings (`drumPadParams`, validated per
 * pad in the document), and the kit's own parameters (`drumsSpec`). Pad `i` plays on MIDI pitch
 * `drumPadBasePitch + i` (pad 0 = C1 = 36, the General MIDI kick).
 */
import { choiceParam, switchParam, type DeviceSpec } from '../device-spec';
import type { ParamSpec } from '../param-spec';

export const drumPadCount = 16;
export const drumPadBasePitch = 36;

/** A pad's choke groups: pads of one group cut each other off (an open hi-hat closed by the closed one). */
export const chokeGroupNames = ['None', '1', '2', '3', '4', '5', '6', '7', '8'] as const;

export const drumPadParams = [
  { id: 'gainDb', name: 'Gain', unit: 'dB', min: -48, max: 12, default: 0, taper: 'linear', smoothingMs: 0 },
  { id: 'pan', name: 'Pan', unit: 'pan', min: -1, max: 1, default: 0, taper: 'linear', smoothingMs: 0 },
  { id: 'pitch', name: 'Pitch', unit: 'semitones', min: -24, max: 24, default: 0, taper: 'linear', smoothingMs: 0 },
  { id: 'cents', name: 'Fine', unit: 'cents', min: -100, max: 100, default: 0, taper: 'linear', smoothingMs: 0 },
  { id: 'startMs', name: 'Start', unit: 'ms', min: 0, max: 10_000, default: 0, taper: 'linear', smoothingMs: 0 },
  { id: 'attackMs', name: 'Attack', unit: 'ms', min: 0, max: 1000, default: 0, taper: 'linear', smoothingMs: 0 },
  { id: 'decayMs', name: 'Decay', unit: 'ms', min: 1, max: 20_000, default: 20_000, taper: 'log', smoothingMs: 0 },
  switchParam('reverse', 'Reverse', false),
  choiceParam('choke', 'Choke group', chokeGroupNames, 0),
] as const satisfies readonly ParamSpec[];

export const drumsSpec = {
  name: 'Drum machine',
  params: [{ id: 'gainDb', name: 'Kit gain', unit: 'dB', min: -48, max: 12, default: 0, taper: 'linear', smoothingMs: 20 }],
} as const satisfies DeviceSpec;
