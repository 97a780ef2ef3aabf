import { describe, expect, it } from 'vitest';
import { BiquadCoefficients } from '../../../src/dsp/biquad/biquad-coefficients';
import { cos, sin } from '../../../src/std/det-math';

/**
 * The Audio EQ Cookbook's second-order low-pass and high-pass as printed (α = sin ω0 / 2Q), each on
 * its own, normalized by a0, with det-math's cos and sin as the designs use them: the two formulas
 * the section had before one design with a side served both.
 */
function cookbookPass(side: 'low' | 'high', rate: number, hz: number, q: number): Float64Array {
  const w0 = (2 * Math.PI * Math.min(hz, 0.4999 * rate)) / rate;
  const c = cos(w0);
  const alpha = sin(w0) / (2 * q);
  const raw = side === 'low' ? [(1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha] : [(1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha];
  const [b0, b1, b2, a0, a1, a2] = raw as [number, number, number, number, number, number];
  return Float64Array.of(b0 / a0, b1 / a0, b2 / a0, a1 / a0, a2 / a0);
}

/** The section's five coefficients as their 40 bytes: bit for bit, −0 and +0 apart. */
function bytesOf(section: BiquadCoefficients): Buffer {
  return Buffer.from(Float64Array.of(section.b0, section.b1, section.b2, section.a1, section.a2).buffer);
}

describe('BiquadCoefficients high-pass and low-pass (one design for both sides)', () => {
  it('gives the cookbook low-pass and high-pass coefficients bit for bit', () => {
    const section = new BiquadCoefficients();
    let compared = 0;
    for (const rate of [22_050, 44_100, 48_000, 96_000, 192_000])
      for (const hz of [1, 20, 31.7, 87.5, 250, 1000, 3333, 12_000, 20_000, 23_999, 60_000])
        for (const q of [0.3, 0.5098, Math.SQRT1_2, 0.9, 1, 1.3066, 4.5, 18]) {
          section.setLowPass(rate, hz, q);
          expect(bytesOf(section).equals(Buffer.from(cookbookPass('low', rate, hz, q).buffer))).toBe(true);
          section.setHighPass(rate, hz, q);
          expect(bytesOf(section).equals(Buffer.from(cookbookPass('high', rate, hz, q).buffer))).toBe(true);
          compared += 2;
        }
    expect(compared).toBe(2 * 5 * 11 * 8);
  });

  it('mirrors: a high-pass cuts below its corner and passes above, the low-pass the other way round', () => {
    const low = new BiquadCoefficients();
    const high = new BiquadCoefficients();
    low.setLowPass(48_000, 1000, Math.SQRT1_2);
    high.setHighPass(48_000, 1000, Math.SQRT1_2);
    expect(low.magnitudeDb(48_000, 1000)).toBeCloseTo(-3.01, 2);
    expect(high.magnitudeDb(48_000, 1000)).toBeCloseTo(-3.01, 2);
    expect(low.magnitudeDb(48_000, 20)).toBeCloseTo(0, 3);
    expect(high.magnitudeDb(48_000, 20_000)).toBeCloseTo(0, 1);
    // 12 dB per octave: two octaves past the corner is about 24 dB down.
    expect(low.magnitudeDb(48_000, 4000)).toBeLessThan(-23);
    expect(high.magnitudeDb(48_000, 250)).toBeLessThan(-23);
  });
});
