import { describe, expect, it } from 'vitest';
import { synthPresets, synthPresetValues, synthSpec } from '../../../src/devices/instruments/synth';
import { synthParamShown, synthSections } from '../../../renderer/ui/devices/synth-editor/synth-sections';

describe('synth editor layout', () => {
  it('shows every parameter of the catalog exactly once', () => {
    const laid = synthSections.flatMap((section) => section.params);
    expect([...laid].sort()).toEqual(synthSpec.params.map((spec) => spec.id).sort());
    expect(new Set(laid).size).toBe(laid.length);
  });

  it('shows the LFO note value when synced and its rate in Hz when free', () => {
    expect(synthParamShown('lfoNote', { lfoSync: 1 })).toBe(true);
    expect(synthParamShown('lfoRateHz', { lfoSync: 1 })).toBe(false);
    expect(synthParamShown('lfoNote', { lfoSync: 0 })).toBe(false);
    expect(synthParamShown('lfoRateHz', { lfoSync: 0 })).toBe(true);
    expect(synthParamShown('cutoffHz', { lfoSync: 0 })).toBe(true);
  });

  it('loads a preset as every parameter: its own values, the rest at their defaults', () => {
    const pluck = synthPresets.find((preset) => preset.name === 'Pluck');
    if (!pluck) throw new Error('no Pluck preset');
    const values = synthPresetValues(pluck);
    expect(Object.keys(values)).toEqual(synthSpec.params.map((spec) => spec.id));
    expect(values.cutoffHz).toBe(280);
    expect(values.unisonVoices).toBe(0);
  });
});
