import { describe, expect, it } from 'vitest';
import { BiquadCoefficients } from '../../../src/dsp/biquad/biquad-coefficients';
import { cos, exp10, sin } from '../../../src/std/det-math';

type Coefficients = [b0: number, b1: number, b2: number, a1: number, a2: number];

/**
 * The Audio EQ Cookbook's two shelf formulas as printed (A = 10^(dB/40), α = sin ω0 / 2Q), each on
 * its own, normalized by a0, with det-math's cos, sin and 10^x as the designs use them.
 */
function cookbookShelf(side: 'low' | 'high', rate: number, hz: number, q: number, gainDb: number): Coefficients {
  const a = exp10(gainDb / 40);
  const w0 = (2 * Math.PI * Math.min(hz, 0.4999 * rate)) / rate;
  const c = cos(w0);
  const k = (2 * Math.sqrt(a) * sin(w0)) / (2 * q);
  const raw =
    side === 'low'
      ? [a * (a + 1 - (a - 1) * c + k), 2 * a * (a - 1 - (a + 1) * c), a * (a + 1 - (a - 1) * c - k), a + 1 + (a - 1) * c + k, -2 * (a - 1 + (a + 1) * c), a + 1 + (a - 1) * c - k]
      : [a * (a + 1 + (a - 1) * c + k), -2 * a * (a - 1 + (a + 1) * c), a * (a + 1 + (a - 1) * c - k), a + 1 - (a - 1) * c + k, 2 * (a - 1 - (a + 1) * c), a + 1 - (a - 1) * c - k];
  const [b0, b1, b2, a0, a1, a2] = raw as [number, number, number, number, number, number];
  return [b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0];
}

describe('BiquadCoefficients shelves (one design for both sides)', () => {
  it('gives the cookbook low and high shelf coefficients bit for bit', () => {
    const section = new BiquadCoefficients();
    let compared = 0;
    for (const rate of [44_100, 48_000, 96_000])
      for (const hz of [20, 87.5, 250, 1000, 3333, 12_000, 20_000, 60_000])
        for (const q of [0.3, Math.SQRT1_2, 1, 4.5])
          for (const gainDb of [-24, -6, -0.5, 0, 0.5, 6, 18]) {
            section.setLowShelf(rate, hz, q, gainDb);
            expect([section.b0, section.b1, section.b2, section.a1, section.a2]).toEqual(cookbookShelf('low', rate, hz, q, gainDb));
            section.setHighShelf(rate, hz, q, gainDb);
            expect([section.b0, section.b1, section.b2, section.a1, section.a2]).toEqual(cookbookShelf('high', rate, hz, q, gainDb));
            compared += 2;
          }
    expect(compared).toBe(2 * 3 * 8 * 4 * 7);
  });

  it('mirrors: a high shelf is flat below and at full gain above, the low shelf the other way round', () => {
    const low = new BiquadCoefficients();
    const high = new BiquadCoefficients();
    low.setLowShelf(48_000, 1000, Math.SQRT1_2, 9);
    high.setHighShelf(48_000, 1000, Math.SQRT1_2, 9);
    expect(low.magnitudeDb(48_000, 20)).toBeCloseTo(9, 2);
    expect(low.magnitudeDb(48_000, 20_000)).toBeCloseTo(0, 1);
    expect(high.magnitudeDb(48_000, 20)).toBeCloseTo(0, 2);
    expect(high.magnitudeDb(48_000, 20_000)).toBeCloseTo(9, 1);
    expect(low.magnitudeDb(48_000, 1000)).toBeCloseTo(4.5, 1);
    expect(high.magnitudeDb(48_000, 1000)).toBeCloseTo(4.5, 1);
  });
});
