import { describe, expect, it } from 'vitest';
import { decimateMono, decimationFactor } from '../../../src/analysis/decimate';

const sine = (hz: number, rate: number, seconds: number, amplitude = 0.5): Float32Array =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));

/** Peak level of the decimated signal away from its ends (where the filters run into silence). */
function steadyPeak(mono: Float64Array): number {
  let peak = 0;
  for (let i = Math.floor(mono.length * 0.2); i < mono.length * 0.8; i++) peak = Math.max(peak, Math.abs(mono[i] ?? 0));
  return peak;
}

describe('decimationFactor', () => {
  it('picks the largest power of two that keeps the rate at or above the minimum, within the cap', () => {
    expect(decimationFactor(44_100, 5000, 4096)).toBe(8);
    expect(decimationFactor(48_000, 5000, 4096)).toBe(8);
    expect(decimationFactor(96_000, 5000, 8192)).toBe(16);
    expect(decimationFactor(8000, 5000, 512)).toBe(1);
    expect(decimationFactor(96_000, 5000, 4)).toBe(4);
  });
});

describe('decimateMono', () => {
  it('keeps a tone below the pass edge at its level and phase, sample m standing for input sample m · factor', () => {
    const rate = 44_100;
    const input = sine(1000, rate, 1);
    const { mono, factor, sampleRate } = decimateMono([input], input.length, rate, 8, 2100);
    expect(factor).toBe(8);
    expect(sampleRate).toBe(rate / 8);
    expect(mono.length).toBe(Math.ceil(input.length / 8));
    for (let m = 1000; m < 4000; m += 37) expect(mono[m]).toBeCloseTo(input[m * 8] ?? 0, 3);
  });

  it('averages the channels', () => {
    const rate = 48_000;
    const left = sine(440, rate, 0.5);
    const silent = new Float32Array(left.length);
    const { mono } = decimateMono([left, silent], left.length, rate, 4, 2100);
    expect(steadyPeak(mono)).toBeCloseTo(0.25, 3);
  });

  it('keeps tones that would fold below the pass edge about 60 dB down', () => {
    for (const rate of [44_100, 48_000, 96_000]) {
      const factor = decimationFactor(rate, 5000, 8192);
      const outRate = rate / factor;
      // Tones from just above what folds onto 2.1 kHz up to the input's Nyquist frequency.
      for (let hz = outRate - 2100 + 50; hz < rate / 2; hz *= 1.13) {
        const input = sine(hz, rate, 0.5);
        const { mono } = decimateMono([input], input.length, rate, factor, 2100);
        const db = 20 * Math.log10(steadyPeak(mono) / 0.5);
        expect(db, `${Math.round(hz)} Hz at ${rate} Hz ÷ ${factor}`).toBeLessThan(-55);
      }
    }
  });

  it('refuses a factor that leaves no room above the pass edge, or is no power of two', () => {
    const input = sine(100, 8000, 0.1);
    expect(() => decimateMono([input], input.length, 8000, 2, 2100)).toThrow(/no room/);
    expect(() => decimateMono([input], input.length, 44_100, 3, 2100)).toThrow(/power of two/);
  });

  it('with factor 1 is the plain mono mix', () => {
    const a = Float32Array.of(1, 0.5, -1);
    const b = Float32Array.of(0, 0.5, 1);
    expect([...decimateMono([a, b], 3, 44_100, 1, 2100).mono]).toEqual([0.5, 0.5, 0]);
  });
});
