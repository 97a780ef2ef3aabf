import { describe, expect, it } from 'vitest';
import { deviceCatalog, findParam } from '../../../src/devices/catalog';
import { formatParamValue } from '../../../src/devices/param-format';
import type { ParamSpec } from '../../../src/devices/param-spec';

const spec = (type: keyof typeof deviceCatalog, id: string): ParamSpec => {
  const found = findParam(deviceCatalog[type].params, id);
  if (!found) throw new Error(`${type} has no ${id}`);
  return found;
};

describe('formatParamValue', () => {
  it.each([
    [spec('eq', 'p2GainDb'), -6, '−6.0 dB'],
    [spec('eq', 'p2GainDb'), 3.25, '+3.3 dB'],
    [spec('eq', 'p2GainDb'), -0.01, '0.0 dB'],
    [spec('eq', 'p2GainDb'), -12.5, '−12.5 dB'],
    [spec('eq', 'p2Hz'), 80, '80 Hz'],
    [spec('eq', 'p2Hz'), 1234, '1.23 kHz'],
    [spec('eq', 'p2Hz'), 12_000, '12.0 kHz'],
    [spec('eq', 'p2Q'), 0.707, 'Q 0.71'],
    [spec('eq', 'hpSlope'), 1, '24 dB/oct'],
    [spec('eq', 'hpOn'), 1, 'On'],
    [spec('compressor', 'ratio'), 4, '4.0:1'],
    [spec('compressor', 'attackMs'), 0.3, '0.3 ms'],
    [spec('compressor', 'releaseMs'), 1500, '1.50 s'],
    [spec('reverb', 'decayS'), 2.4, '2.40 s'],
    [spec('reverb', 'mix'), 33.3, '33 %'],
    [spec('delay', 'noteValue'), 6, '1/8D'],
    [spec('bitcrusher', 'downsample'), 2.5, '×2.5'],
    [spec('bitcrusher', 'bits'), 8, '8.0 bits'],
    [spec('utility', 'pan'), -0.25, '25 L'],
    [spec('utility', 'pan'), 0, 'C'],
  ])('%o at %d reads %s', (param, value, text) => {
    expect(formatParamValue(param, value)).toBe(text);
  });
});
