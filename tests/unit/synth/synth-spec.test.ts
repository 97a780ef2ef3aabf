import { describe, expect, it } from 'vitest';
import { synthPresets, synthSpec } from '../../../src/devices/instruments/synth';
import { paramProblem } from '../../../src/devices/param-spec';
import { exp2InPlace } from '../../../src/dsp/synth/exp2';

describe('synth spec', () => {
  it('declares every parameter once, with its default in range', () => {
    const ids = synthSpec.params.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const spec of synthSpec.params) expect(paramProblem(spec, spec.default), spec.id).toBeNull();
    for (const spec of synthSpec.params) if (spec.taper === 'log') expect(spec.min, spec.id).toBeGreaterThan(0);
  });

  it('ships the factory sounds the issue asks for, each naming only real parameters with values they can hold', () => {
    expect(synthPresets.map((preset) => preset.name)).toEqual(['808 bass (glide)', 'Sub bass', 'Pluck', 'Pad', 'Lead', 'Keys', 'Supersaw']);
    for (const preset of synthPresets) {
      for (const [id, value] of Object.entries(preset.params)) {
        const spec = synthSpec.params.find((candidate) => candidate.id === id);
        expect(spec, `${preset.name}: ${id}`).toBeDefined();
        if (spec) expect(paramProblem(spec, value as number), `${preset.name}: ${id}`).toBeNull();
      }
    }
  });
});

describe('exp2InPlace', () => {
  it('matches Math.pow(2, x) within 1e-8 relative (0.00002 cent) over the pitch and cutoff range', () => {
    const xs = Float64Array.from({ length: 30_000 }, (_, i) => -20 + i * 0.0013);
    const powers = xs.slice();
    exp2InPlace(powers, powers.length);
    let worst = 0;
    xs.forEach((x, i) => (worst = Math.max(worst, Math.abs((powers[i] as number) / Math.pow(2, x) - 1))));
    expect(worst).toBeLessThan(1e-8);
    const exact = Float64Array.of(0, 3, -2);
    exp2InPlace(exact, 3);
    expect(Array.from(exact)).toEqual([1, 8, 0.25]);
  });
});
