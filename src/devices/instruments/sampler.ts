/**
 * The sampler's parameters. What it plays (source, root note, start and loop points, slices) is
 * its `zone` in the document; these are the knobs: tuning, the amp and filter envelopes, velocity
 * response, loop crossfade and how notes follow each other (poly, mono, legato with glide).
 */
import { choiceParam, switchParam, type DeviceSpec } from '../device-spec';

/** How the sampler plays overlapping notes, in the order of its `voiceMode` options. */
export const samplerVoiceModes = ['poly', 'mono', 'legato'] as const;

const envelope = <const Prefix extends string>(prefix: Prefix, label: string, sustainPercent: number) =>
  [
    { id: `${prefix}AttackMs` as const, name: `${label} attack`, unit: 'ms', min: 0, max: 10_000, default: 1, taper: 'linear', smoothingMs: 0 },
    { id: `${prefix}DecayMs` as const, name: `${label} decay`, unit: 'ms', min: 1, max: 10_000, default: 300, taper: 'log', smoothingMs: 0 },
    { id: `${prefix}Sustain` as const, name: `${label} sustain`, unit: '%', min: 0, max: 100, default: sustainPercent, taper: 'linear', smoothingMs: 0 },
    { id: `${prefix}ReleaseMs` as const, name: `${label} release`, unit: 'ms', min: 1, max: 20_000, default: 150, taper: 'log', smoothingMs: 0 },
  ] as const;

export const samplerSpec = {
  name: 'Sampler',
  params: [
    { id: 'fineTuneCents', name: 'Fine tune', unit: 'cents', min: -100, max: 100, default: 0, taper: 'linear', smoothingMs: 0 },
    ...envelope('amp', 'Amp', 100),
    choiceParam('filterMode', 'Filter', ['Off', 'Low-pass', 'High-pass', 'Band-pass'], 0),
    { id: 'cutoffHz', name: 'Cutoff', unit: 'Hz', min: 20, max: 20_000, default: 20_000, taper: 'log', smoothingMs: 20 },
    { id: 'resonance', name: 'Resonance', unit: '%', min: 0, max: 100, default: 0, taper: 'linear', smoothingMs: 20 },
    { id: 'filterEnvOctaves', name: 'Filter envelope amount', unit: 'octaves', min: -8, max: 8, default: 0, taper: 'linear', smoothingMs: 0 },
    ...envelope('filter', 'Filter', 0),
    { id: 'velocityToVolume', name: 'Velocity → volume', unit: '%', min: 0, max: 100, default: 100, taper: 'linear', smoothingMs: 0 },
    { id: 'velocityToFilter', name: 'Velocity → filter', unit: 'octaves', min: 0, max: 8, default: 0, taper: 'linear', smoothingMs: 0 },
    switchParam('loop', 'Loop', false),
    { id: 'loopCrossfadeMs', name: 'Loop crossfade', unit: 'ms', min: 0, max: 1000, default: 10, taper: 'linear', smoothingMs: 0 },
    choiceParam('voiceMode', 'Voices', ['Poly', 'Mono', 'Legato'], 0),
    { id: 'glideMs', name: 'Glide', unit: 'ms', min: 0, max: 2000, default: 0, taper: 'linear', smoothingMs: 0 },
    { id: 'gainDb', name: 'Gain', unit: 'dB', min: -48, max: 12, default: 0, taper: 'linear', smoothingMs: 20 },
  ],
} as const satisfies DeviceSpec;
