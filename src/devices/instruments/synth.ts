/**
 * The synth as data: every parameter of the instrument (src/engine/instruments/synth-instrument.ts,
 * DSP in src/dsp/synth) with its unit, range, taper and smoothing, in the order the editor lays
 * the controls out, and its factory presets. The instrument catalog imports `synthSpec`.
 */
import { choiceParam, switchParam, type DeviceSpec } from '../device-spec';
import { noteValueIndex, noteValueNames } from '../effects/note-values';

const waves = ['Saw', 'Pulse', 'Triangle', 'Sine'];
const octaves = ['−3 oct', '−2 oct', '−1 oct', '0 oct', '+1 oct', '+2 oct', '+3 oct'];
/** The octave option that leaves the pitch alone. */
export const octaveOffset = 3;
/** Polyphony options, in voices. */
export const polyphonyChoices = [1, 2, 4, 8, 16, 32, 64, 128] as const;

const percent = <const Id extends string>(id: Id, name: string, fallback: number) => ({ id, name, unit: '%', min: 0, max: 100, default: fallback, taper: 'linear', smoothingMs: 20 }) as const;
const time = <const Id extends string>(id: Id, name: string, min: number, max: number, fallback: number) => ({ id, name, unit: 'ms', min, max, default: fallback, taper: 'log', smoothingMs: 0 }) as const;

function oscillator<const N extends 1 | 2>(n: N, level: number) {
  return [
    choiceParam(`osc${n}Wave`, `Osc ${n} wave`, waves, 0),
    choiceParam(`osc${n}Octave`, `Osc ${n} octave`, octaves, octaveOffset),
    { id: `osc${n}Detune` as const, name: `Osc ${n} detune`, unit: 'semitones', min: -12, max: 12, default: 0, taper: 'linear', smoothingMs: 20 },
    { id: `osc${n}Width` as const, name: `Osc ${n} pulse width`, unit: '%', min: 2, max: 98, default: 50, taper: 'linear', smoothingMs: 20 },
    percent(`osc${n}Level`, `Osc ${n} level`, level),
  ] as const;
}

export const synthSpec = {
  name: 'Synth',
  params: [
    ...oscillator(1, 100),
    ...oscillator(2, 0),
    choiceParam('unisonVoices', 'Unison', ['1 voice', '2 voices', '3 voices', '4 voices', '5 voices', '6 voices', '7 voices'], 0),
    { id: 'unisonDetune', name: 'Unison detune', unit: 'semitones', min: 0, max: 1, default: 0.15, taper: 'linear', smoothingMs: 20 },
    percent('unisonWidth', 'Unison width', 60),
    percent('subLevel', 'Sub level', 0),
    choiceParam('subOctave', 'Sub octave', ['−1 oct', '−2 oct'], 0),
    choiceParam('subWave', 'Sub wave', ['Sine', 'Square'], 0),
    percent('noiseLevel', 'Noise', 0),
    choiceParam('filterMode', 'Filter', ['Low-pass', 'High-pass', 'Band-pass'], 0),
    choiceParam('filterSlope', 'Slope', ['12 dB/oct', '24 dB/oct'], 1),
    { id: 'cutoffHz', name: 'Cutoff', unit: 'Hz', min: 20, max: 20_000, default: 20_000, taper: 'log', smoothingMs: 20 },
    percent('resonance', 'Resonance', 0),
    { id: 'driveDb', name: 'Drive', unit: 'dB', min: 0, max: 24, default: 0, taper: 'linear', smoothingMs: 20 },
    { id: 'filterEnvAmount', name: 'Filter env amount', unit: 'octaves', min: -6, max: 6, default: 0, taper: 'linear', smoothingMs: 20 },
    percent('keyTracking', 'Key tracking', 0),
    time('filterAttackMs', 'Filter attack', 0.1, 10_000, 1),
    time('filterDecayMs', 'Filter decay', 1, 20_000, 300),
    percent('filterSustain', 'Filter sustain', 0),
    time('filterReleaseMs', 'Filter release', 1, 20_000, 300),
    time('attackMs', 'Attack', 0.1, 10_000, 2),
    time('decayMs', 'Decay', 1, 20_000, 300),
    percent('sustain', 'Sustain', 100),
    time('releaseMs', 'Release', 1, 20_000, 200),
    percent('velocity', 'Velocity → level', 70),
    choiceParam('lfoShape', 'LFO shape', ['Sine', 'Triangle', 'Saw', 'Square'], 0),
    switchParam('lfoSync', 'LFO sync', true),
    // One LFO cycle lasts this note value at the song's tempo; its phase follows the transport.
    choiceParam('lfoNote', 'LFO period', noteValueNames, noteValueIndex('1/4')),
    { id: 'lfoRateHz', name: 'LFO rate', unit: 'Hz', min: 0.05, max: 20, default: 5, taper: 'log', smoothingMs: 0 },
    { id: 'lfoPitch', name: 'LFO → pitch', unit: 'semitones', min: 0, max: 12, default: 0, taper: 'linear', smoothingMs: 20 },
    { id: 'lfoFilter', name: 'LFO → cutoff', unit: 'octaves', min: 0, max: 4, default: 0, taper: 'linear', smoothingMs: 20 },
    { id: 'lfoPulseWidth', name: 'LFO → pulse width', unit: '%', min: 0, max: 45, default: 0, taper: 'linear', smoothingMs: 20 },
    percent('lfoVolume', 'LFO → volume', 0),
    { id: 'glideMs', name: 'Glide', unit: 'ms', min: 0, max: 2000, default: 0, taper: 'linear', smoothingMs: 0 },
    choiceParam('voiceMode', 'Voices', ['Poly', 'Mono', 'Legato'], 0),
    choiceParam(
      'polyphony',
      'Polyphony',
      polyphonyChoices.map((n) => `${n} ${n === 1 ? 'voice' : 'voices'}`),
      polyphonyChoices.indexOf(32),
    ),
    { id: 'gainDb', name: 'Volume', unit: 'dB', min: -48, max: 12, default: -6, taper: 'linear', smoothingMs: 20 },
  ],
} as const satisfies DeviceSpec;

export type SynthParamId = (typeof synthSpec)['params'][number]['id'];

/** A factory sound: only the parameters it changes (the rest load at their defaults). */
export interface SynthPreset {
  readonly name: string;
  readonly params: Partial<Record<SynthParamId, number>>;
}

const wave = { saw: 0, pulse: 1, triangle: 2, sine: 3 } as const;
const octave = (n: number): number => octaveOffset + n;

export const synthPresets: readonly SynthPreset[] = [
  {
    // A sine an octave down, driven for harmonics that speakers can play, sliding between overlapping notes.
    name: '808 bass (glide)',
    params: { osc1Wave: wave.sine, osc1Octave: octave(-1), driveDb: 10, filterSlope: 0, attackMs: 1, decayMs: 1800, sustain: 0, releaseMs: 250, voiceMode: 2, glideMs: 90, velocity: 40 },
  },
  {
    name: 'Sub bass',
    params: { osc1Wave: wave.sine, osc1Octave: octave(-1), subLevel: 30, subWave: 0, cutoffHz: 300, attackMs: 4, sustain: 100, releaseMs: 90, voiceMode: 1, velocity: 30 },
  },
  {
    name: 'Pluck',
    params: { osc1Wave: wave.saw, osc2Wave: wave.pulse, osc2Level: 60, osc2Detune: 0.08, cutoffHz: 280, resonance: 25, filterEnvAmount: 5, filterDecayMs: 260, filterSustain: 0, attackMs: 1, decayMs: 450, sustain: 0, releaseMs: 300, velocity: 80, gainDb: -16 },
  },
  {
    name: 'Pad',
    params: {
      osc1Wave: wave.saw,
      osc2Wave: wave.saw,
      osc2Level: 80,
      osc2Detune: 0.1,
      unisonVoices: 2,
      unisonDetune: 0.12,
      unisonWidth: 90,
      cutoffHz: 2200,
      resonance: 15,
      attackMs: 700,
      decayMs: 1200,
      sustain: 80,
      releaseMs: 1600,
      lfoNote: noteValueIndex('2 bars'),
      lfoFilter: 0.6,
      velocity: 30,
      gainDb: -18,
    },
  },
  {
    name: 'Lead',
    params: { osc1Wave: wave.saw, osc2Wave: wave.pulse, osc2Width: 40, osc2Level: 70, osc2Detune: 0.07, cutoffHz: 4200, resonance: 30, driveDb: 4, attackMs: 3, sustain: 90, releaseMs: 180, voiceMode: 2, glideMs: 60, lfoSync: 0, lfoRateHz: 5.5, lfoPitch: 0.2 },
  },
  {
    name: 'Keys',
    params: { osc1Wave: wave.triangle, osc2Wave: wave.sine, osc2Octave: octave(1), osc2Level: 35, cutoffHz: 6000, filterSlope: 0, keyTracking: 50, attackMs: 2, decayMs: 900, sustain: 30, releaseMs: 350, velocity: 90, gainDb: -12 },
  },
  {
    name: 'Supersaw',
    params: { osc1Wave: wave.saw, unisonVoices: 6, unisonDetune: 0.3, unisonWidth: 100, osc2Wave: wave.saw, osc2Octave: octave(-1), osc2Level: 40, cutoffHz: 11_000, attackMs: 8, sustain: 100, releaseMs: 450, gainDb: -17 },
  },
];

/** Every parameter's value once `preset` is loaded: its own, the rest at their defaults (so it sounds the same whatever was set before). */
export function synthPresetValues(preset: SynthPreset): Record<SynthParamId, number> {
  const own: Partial<Record<string, number>> = preset.params;
  return Object.fromEntries(synthSpec.params.map((spec) => [spec.id, own[spec.id] ?? spec.default])) as Record<SynthParamId, number>;
}
