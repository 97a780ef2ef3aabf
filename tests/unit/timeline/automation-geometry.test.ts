import { describe, expect, it } from 'vitest';
import { channelParams, deviceCatalog } from '../../../src/devices/catalog';
import type { ParamSpec } from '../../../src/devices/param-spec';
import { envelopePath, formatValue, unitToValue, valueToUnit, valueToY, yToValue } from '../../../renderer/ui/timeline/automation-geometry';

const volume = channelParams[0];
const mute = channelParams[2];
const release = deviceCatalog.limiter.params[1];
const cutoff: ParamSpec = { id: 'hz', name: 'Cutoff', unit: 'Hz', min: 20, max: 20_000, default: 1000, taper: 'log', smoothingMs: 20 };

describe('automation lane geometry', () => {
  it('draws dB from −60 dB up, log parameters evenly in ratios, switches as 0 or 1', () => {
    expect(valueToUnit(volume, 24)).toBe(1);
    expect(valueToUnit(volume, -60)).toBe(0);
    expect(valueToUnit(volume, -144)).toBe(0);
    expect(valueToUnit(cutoff, Math.sqrt(20 * 20_000))).toBeCloseTo(0.5, 12);
    expect(unitToValue(release, valueToUnit(release, 50))).toBeCloseTo(50, 9);
    expect(unitToValue(mute, 0.7)).toBe(1);
    for (const value of [-48, -6, 0, 12]) expect(yToValue(volume, valueToY(volume, value, 72), 72)).toBeCloseTo(value, 9);
    expect(valueToY(volume, 24, 72)).toBe(4);
    expect(valueToY(volume, -60, 72)).toBe(68);
  });

  it('traces the envelope: holds before the first point and after the last, steps on hold, bends on exponential', () => {
    expect(envelopePath(volume, [], 10, 400, 72, 0)).toBe(`M0 ${valueToY(volume, 0, 72).toFixed(1)} H400`);
    const held = envelopePath(volume, [{ beat: 1, value: 0, curve: 'hold' }, { beat: 3, value: -60, curve: 'linear' }], 10, 400, 72, 0);
    expect(held).toBe('M0 22.3 L10.0 22.3 H30.0 L30.0 68.0 H400');
    const bent = envelopePath(volume, [{ beat: 0, value: -60, curve: 'exponential' }, { beat: 4, value: 24, curve: 'linear' }], 10, 400, 72, 0);
    // Halfway (x = 20) the fade has gone (e² − 1)/(e⁴ − 1) of the way: still low.
    const halfway = bent.split(' L').find((part) => part.startsWith('20.0 '));
    expect(Number(halfway?.split(' ')[1])).toBeGreaterThan(60);
  });

  it('says values in their units', () => {
    expect(formatValue(volume, -6)).toBe('−6.0 dB');
    expect(formatValue(channelParams[1], -0.5)).toBe('50L');
    expect(formatValue(mute, 1)).toBe('On');
    expect(formatValue(cutoff, 1234)).toBe('1234 Hz');
  });
});
