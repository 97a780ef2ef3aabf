import { describe, expect, it } from 'vitest';
import { resampleChannels } from '../../../src/dsp/resample';
import { SincInterpolator } from '../../../src/dsp/sinc-interpolator';
import { dbPower, fitSine, peakFrequency, powerSpectrum, sine } from './signal-analysis';

describe('resampleChannels', () => {
  it('takes a 1 kHz sine from 44.1 to 48 kHz with THD+N below −100 dB', () => {
    const [out] = resampleChannels([sine(1000, 44_100, 44_100)], 44_100, 48_000);
    expect(out?.length).toBe(48_000);
    // The steady middle: skip 100 ms at each end, where the buffer edges ring.
    const fit = fitSine(out ?? new Float32Array(0), 1000, 48_000, 4800, 48_000 - 4800);
    const gainDb = 20 * Math.log10(fit.amplitude / 0.5);
    expect(fit.thdPlusNoiseDb, `THD+N ${fit.thdPlusNoiseDb.toFixed(1)} dB`).toBeLessThan(-100);
    expect(Math.abs(gainDb), `gain at 1 kHz ${gainDb.toFixed(5)} dB`).toBeLessThan(0.001);
  });

  it('keeps a 19 kHz sine clean too (44.1 → 48 kHz, near the top of the passband)', () => {
    const [out] = resampleChannels([sine(19_000, 44_100, 44_100)], 44_100, 48_000);
    const fit = fitSine(out ?? new Float32Array(0), 19_000, 48_000, 4800, 48_000 - 4800);
    expect(fit.thdPlusNoiseDb, `THD+N at 19 kHz ${fit.thdPlusNoiseDb.toFixed(1)} dB`).toBeLessThan(-100);
  });

  describe('a linear sweep 20 Hz → 23.5 kHz at 48 kHz taken to 44.1 kHz', () => {
    const inRate = 48_000;
    const outRate = 44_100;
    const duration = 4;
    const f0 = 20;
    const f1 = 23_500;
    const amplitude = 0.5;
    const phase = (t: number): number => 2 * Math.PI * (f0 * t + ((f1 - f0) * t * t) / (2 * duration));
    const frequencyAt = (t: number): number => f0 + ((f1 - f0) * t) / duration;
    const input = new Float32Array(inRate * duration);
    for (let i = 0; i < input.length; i++) input[i] = amplitude * Math.sin(phase(i / inRate));
    const [output = new Float32Array(0)] = resampleChannels([input], inRate, outRate);
    const window = 2048;
    const hop = 1024;
    // The sweep stops dead at the end; leave that click and the kernel's reach out of the windows.
    const lastFrame = output.length - 400;

    it('has the right length', () => {
      expect(output.length).toBe(Math.round((input.length * outRate) / inRate));
    });

    it('removes content above the new Nyquist (aliasing below −90 dB)', () => {
      let worst = -Infinity;
      let worstAt = 0;
      let windows = 0;
      for (let start = 0; start + window <= lastFrame; start += hop) {
        const from = frequencyAt(start / outRate);
        const to = frequencyAt((start + window) / outRate);
        if (from < outRate / 2 || to > f1) continue;
        windows++;
        // Everything the output holds here is folded-back input: the input is above 22.05 kHz.
        const out = powerSpectrum(output, outRate, start, window);
        const inStart = Math.round((start * inRate) / outRate);
        const inLength = Math.round((window * inRate) / outRate);
        const ref = powerSpectrum(input, inRate, inStart, inLength);
        const level = dbPower(sum(out.power) / sum(ref.power));
        if (level > worst) {
          worst = level;
          worstAt = from;
        }
      }
      expect(windows, 'windows between 22.05 and 23.5 kHz').toBeGreaterThanOrEqual(8);
      expect(worst, `aliased energy ${worst.toFixed(1)} dB re the sweep (worst window from ${worstAt.toFixed(0)} Hz)`).toBeLessThan(-90);
    });

    it('keeps the passband (20 Hz … 20 kHz) level within ±0.1 dB', () => {
      // Reference: the same sweep sampled directly at 44.1 kHz.
      const ideal = new Float64Array(output.length);
      for (let i = 0; i < ideal.length; i++) ideal[i] = amplitude * Math.sin(phase(i / outRate));
      let worst = 0;
      let worstAt = 0;
      let windows = 0;
      for (let start = window / 2; start + window <= lastFrame; start += hop) {
        if (frequencyAt((start + window) / outRate) > 20_000) break;
        windows++;
        const got = sum(powerSpectrum(output, outRate, start, window).power);
        const want = sum(powerSpectrum(ideal, outRate, start, window).power);
        const level = dbPower(got / want);
        if (Math.abs(level) > Math.abs(worst)) {
          worst = level;
          worstAt = frequencyAt((start + window / 2) / outRate);
        }
      }
      expect(windows).toBeGreaterThan(100);
      expect(Math.abs(worst), `passband deviation ${worst.toFixed(5)} dB (at ${worstAt.toFixed(0)} Hz)`).toBeLessThan(0.1);
    });
  });

  it.each([
    [96_000, 48_000],
    [48_000, 44_100],
    [22_050, 48_000],
    [44_100, 48_000],
  ])('converts %i → %i Hz: a 1 kHz tone stays at 1 kHz, length round(frames · to / from)', (from, to) => {
    const frames = from + 1237; // an odd count, so the length has to round
    const [out = new Float32Array(0)] = resampleChannels([sine(1000, from, frames), sine(250, from, frames)], from, to);
    const expectedLength = Math.round((frames * to) / from);
    expect(out.length).toBe(expectedLength);
    const edge = Math.round(to / 20);
    const measured = peakFrequency(out, to, edge, out.length - 2 * edge);
    expect(Math.abs(measured - 1000), `tone at ${measured.toFixed(3)} Hz`).toBeLessThan(0.5);
    const fit = fitSine(out, 1000, to, edge, out.length - edge);
    expect(fit.thdPlusNoiseDb, `THD+N ${fit.thdPlusNoiseDb.toFixed(1)} dB`).toBeLessThan(-100);
  });

  it('converts every channel, each the same way', () => {
    const a = sine(440, 44_100, 5000);
    const b = sine(3000, 44_100, 5000, 0.25);
    const [outA, outB, again] = resampleChannels([a, b, a], 44_100, 48_000);
    const [alone] = resampleChannels([b], 44_100, 48_000);
    expect(outA?.length).toBe(5442);
    expect(outB).toEqual(alone);
    expect(again).toEqual(outA);
  });

  it('returns copies when the rates are equal', () => {
    const a = sine(440, 48_000, 1000);
    const [copy] = resampleChannels([a], 48_000, 48_000);
    expect(copy).not.toBe(a);
    expect(copy).toEqual(a);
  });

  it('uses the interpolator it is given', () => {
    const short = new SincInterpolator({ halfTaps: 8, phases: 64, beta: 6 });
    const a = sine(440, 44_100, 2000);
    const [withShort] = resampleChannels([a], 44_100, 48_000, short);
    const [withDefault] = resampleChannels([a], 44_100, 48_000);
    expect(withShort?.length).toBe(withDefault?.length);
    expect(withShort).not.toEqual(withDefault);
  });

  it('rejects rates that are not positive numbers', () => {
    expect(() => resampleChannels([new Float32Array(4)], 0, 48_000)).toThrow(/rate/);
    expect(() => resampleChannels([new Float32Array(4)], 48_000, Number.NaN)).toThrow(/rate/);
  });
});

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
