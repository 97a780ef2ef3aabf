import type { SynthParamId } from '../../../../src/devices/instruments/synth';

/** How the synth editor groups the catalog's parameters, left to right, top to bottom. Every parameter appears once (tested). */
export const synthSections: readonly { readonly title: string; readonly params: readonly SynthParamId[] }[] = [
  { title: 'Oscillator 1', params: ['osc1Wave', 'osc1Octave', 'osc1Detune', 'osc1Width', 'osc1Level'] },
  { title: 'Oscillator 2', params: ['osc2Wave', 'osc2Octave', 'osc2Detune', 'osc2Width', 'osc2Level'] },
  { title: 'Unison · Sub · Noise', params: ['unisonVoices', 'unisonDetune', 'unisonWidth', 'subLevel', 'subOctave', 'subWave', 'noiseLevel'] },
  { title: 'Filter', params: ['filterMode', 'filterSlope', 'cutoffHz', 'resonance', 'driveDb', 'filterEnvAmount', 'keyTracking'] },
  { title: 'Filter envelope', params: ['filterAttackMs', 'filterDecayMs', 'filterSustain', 'filterReleaseMs'] },
  { title: 'Amp envelope', params: ['attackMs', 'decayMs', 'sustain', 'releaseMs', 'velocity'] },
  { title: 'LFO', params: ['lfoShape', 'lfoSync', 'lfoNote', 'lfoRateHz', 'lfoPitch', 'lfoFilter', 'lfoPulseWidth', 'lfoVolume'] },
  { title: 'Voices', params: ['voiceMode', 'polyphony', 'glideMs', 'gainDb'] },
];

/** Whether a control is worth showing for these values: the LFO shows its note value when synced, its rate in Hz when free. */
export function synthParamShown(id: SynthParamId, values: Readonly<Record<string, number>>): boolean {
  const synced = (values['lfoSync'] ?? 1) >= 0.5;
  if (id === 'lfoNote') return synced;
  if (id === 'lfoRateHz') return !synced;
  return true;
}
