/** The filter's and the chorus's parameters (src/dsp/filter, src/dsp/chorus): both sweep with the transport. */
import { choiceParam, mixParam, type DeviceSpec } from '../device-spec';
import { noteValueIndex, noteValueNames } from './note-values';

/** The filter's modes, in the order of its `mode` options. */
export const filterModes = ['low-pass', 'high-pass', 'band-pass'] as const;

export const filterSpec = {
  name: 'Filter',
  params: [
    choiceParam('mode', 'Mode', ['Low-pass', 'High-pass', 'Band-pass'], 0),
    { id: 'cutoffHz', name: 'Cutoff', unit: 'Hz', min: 20, max: 20_000, default: 1000, taper: 'log', smoothingMs: 20 },
    { id: 'resonance', name: 'Resonance', unit: '%', min: 0, max: 100, default: 0, taper: 'linear', smoothingMs: 20 },
    // One LFO cycle lasts this note value at the song's tempo; its phase follows the transport.
    choiceParam('lfoNote', 'LFO period', noteValueNames, noteValueIndex('1 bar')),
    { id: 'lfoDepth', name: 'LFO depth', unit: 'octaves', min: 0, max: 4, default: 0, taper: 'linear', smoothingMs: 20 },
  ],
} as const satisfies DeviceSpec;

export const chorusSpec = {
  name: 'Chorus',
  params: [
    { id: 'rateHz', name: 'Rate', unit: 'Hz', min: 0.05, max: 5, default: 0.8, taper: 'log', smoothingMs: 20 },
    // The kernel glides depth changes itself.
    { id: 'depthMs', name: 'Depth', unit: 'ms', min: 0, max: 20, default: 6, taper: 'linear', smoothingMs: 0 },
    choiceParam('voices', 'Voices', ['1 voice', '2 voices', '3 voices', '4 voices'], 1),
    { id: 'width', name: 'Width', unit: '%', min: 0, max: 100, default: 100, taper: 'linear', smoothingMs: 20 },
    { id: 'feedback', name: 'Feedback', unit: '%', min: -90, max: 90, default: 0, taper: 'linear', smoothingMs: 20 },
    mixParam(50),
  ],
} as const satisfies DeviceSpec;
