import { describe, expect, it } from 'vitest';
import { synthPresets } from '../../../src/devices/instruments/synth';
import { createSynthInstrument } from '../../../src/engine/instruments/synth-instrument';
import { RATE, renderNotes, synthParams } from './synth-harness';

describe('factory presets', () => {
  it.each(synthPresets.map((preset) => [preset.name, preset.params] as const))('%s: a four-note chord at velocity 0.8 sounds and stays under −1 dBFS', (_name, params) => {
    const chord = [48, 55, 60, 64].map((pitch, i) => ({ pitch, on: 100 + i * 50, off: RATE, velocity: 0.8 }));
    const [left, right] = renderNotes(createSynthInstrument(RATE), chord, RATE * 2, synthParams(params));
    let peak = 0;
    for (let i = 0; i < left.length; i++) peak = Math.max(peak, Math.abs(left[i] as number), Math.abs(right[i] as number));
    expect(20 * Math.log10(peak)).toBeLessThan(-1);
    expect(20 * Math.log10(peak)).toBeGreaterThan(-20);
  });
});
