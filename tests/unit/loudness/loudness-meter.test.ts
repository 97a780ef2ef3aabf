import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { biquadGainDb, kWeighting } from '../../../src/analysis/loudness/k-weighting';
import { LoudnessMeter, measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { stereo, tone, truePeakSine } from './ebu-signals';

function noise(frames: number, seed: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(frames);
  let state = seed;
  for (let i = 0; i < frames; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = amplitude * (2 * (state / 2 ** 32) - 1);
  }
  return out;
}

describe('K-weighting', () => {
  it('reproduces the BS.1770-4 coefficient table at 48 kHz', () => {
    const { shelf, highPass } = kWeighting(48_000);
    expect(shelf.b0).toBeCloseTo(1.53512485958697, 12);
    expect(shelf.b1).toBeCloseTo(-2.69169618940638, 12);
    expect(shelf.b2).toBeCloseTo(1.19839281085285, 12);
    expect(shelf.a1).toBeCloseTo(-1.69065929318241, 12);
    expect(shelf.a2).toBeCloseTo(0.73248077421585, 12);
    expect([highPass.b0, highPass.b1, highPass.b2]).toEqual([1, -2, 1]);
    expect(highPass.a1).toBeCloseTo(-1.99004745483398, 12);
    expect(highPass.a2).toBeCloseTo(0.99007225036621, 12);
  });

  it('keeps the same response at 44.1 and 96 kHz (within 0.03 dB from 20 Hz to 16 kHz)', () => {
    const reference = kWeighting(48_000);
    for (const rate of [44_100, 96_000]) {
      const k = kWeighting(rate);
      for (const f of [20, 40, 100, 1000, 2000, 5000, 10_000, 16_000]) {
        const at = biquadGainDb(k.shelf, f, rate) + biquadGainDb(k.highPass, f, rate);
        const ref = biquadGainDb(reference.shelf, f, 48_000) + biquadGainDb(reference.highPass, f, 48_000);
        expect(Math.abs(at - ref), `${f} Hz at ${rate} Hz`).toBeLessThan(0.03);
      }
    }
  });
});

describe('LoudnessMeter', () => {
  it('reads silence as −Infinity everywhere (LRA 0)', () => {
    const zeros = new Float32Array(48_000 * 5);
    expect(measureLoudness([zeros, zeros], 48_000)).toEqual({
      integratedLufs: -Infinity,
      momentaryMaxLufs: -Infinity,
      shortTermMaxLufs: -Infinity,
      loudnessRangeLu: 0,
      truePeakDbtp: -Infinity,
      samplePeakDbfs: -Infinity,
    });
  });

  it('gates out a programme entirely under −70 LUFS, and one shorter than a 400 ms block', () => {
    expect(measureLoudness(stereo([tone(-75, 5)], 48_000), 48_000).integratedLufs).toBe(-Infinity);
    const short = measureLoudness(stereo([tone(-20, 0.3)], 48_000), 48_000);
    expect(short.integratedLufs).toBe(-Infinity);
    // The momentary window reaching before the start counts silence: 300 of 400 ms of a −20 LUFS tone.
    expect(short.momentaryMaxLufs).toBeCloseTo(-20 + 10 * Math.log10(0.75), 1);
  });

  it('measures mono as one channel: a 0 dBFS 1 kHz sine reads −3.0 LUFS', () => {
    const [plane] = stereo([tone(0, 5)], 48_000);
    expect(measureLoudness([plane as Float32Array], 48_000).integratedLufs).toBeCloseTo(-3.0, 1);
  });

  it('applies channel weights (1.41 for a surround channel is +1.5 dB)', () => {
    const [plane] = stereo([tone(-20, 5)], 48_000);
    const one = measureLoudness([plane as Float32Array], 48_000).integratedLufs;
    const weighted = measureLoudness([plane as Float32Array], 48_000, [1.41]).integratedLufs;
    expect(weighted - one).toBeCloseTo(10 * Math.log10(1.41), 6);
  });

  it('gives the same result however the stream is split into blocks', () => {
    const rate = 44_100;
    const planes = [noise(rate * 7, 1), noise(rate * 7, 2, 0.25)];
    const whole = measureLoudness(planes, rate);
    for (const block of [1, 37, 441, 4096]) {
      const meter = new LoudnessMeter(rate, 2);
      for (let start = 0; start < rate * 7; start += block) meter.push(planes, Math.min(block, rate * 7 - start), start);
      expect(meter.result()).toEqual(whole);
    }
  });

  it('measures the same loudness and sample peak without true peak, which then reads NaN', () => {
    const rate = 44_100;
    const planes = [noise(rate * 5, 5), noise(rate * 5, 6, 0.3)];
    const full = measureLoudness(planes, rate);
    const meter = new LoudnessMeter(rate, 2, undefined, { truePeak: false });
    meter.push(planes, rate * 5);
    expect(meter.result()).toEqual({ ...full, truePeakDbtp: Number.NaN });
    expect(Number.isFinite(full.truePeakDbtp)).toBe(true);
    meter.reset();
    meter.push(planes, rate * 5);
    expect(meter.result().integratedLufs).toBe(full.integratedLufs);
  });

  it('answers result() mid-stream without disturbing it', () => {
    const rate = 48_000;
    const planes = [noise(rate * 4, 3), noise(rate * 4, 4)];
    const meter = new LoudnessMeter(rate, 2);
    meter.push(planes, rate * 2);
    meter.result();
    meter.push(planes, rate * 2, rate * 2);
    expect(meter.result()).toEqual(measureLoudness(planes, rate));
  });

  it('reads a true peak never below the sample peak, and within −0.6 … +0.01 dB of the waveform peak up to 0.45 fs', () => {
    const rate = 48_000;
    for (const fraction of [0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.4, 0.45]) {
      for (const phase of [0, 11, 29, 45, 77]) {
        const result = measureLoudness(truePeakSine(fraction * rate, phase, -3, rate, 0.5, 10), rate);
        expect(result.truePeakDbtp).toBeGreaterThanOrEqual(result.samplePeakDbfs);
        // 4× leaves the peak at most 1/8 sample from a point: 1 − cos(2π·f/(8·fs)) of under-read.
        const floor = -3 + 20 * Math.log10(Math.cos((2 * Math.PI * fraction) / 8)) - 0.01;
        expect(result.truePeakDbtp, `${fraction} fs, ${phase}°`).toBeGreaterThanOrEqual(floor);
        expect(result.truePeakDbtp, `${fraction} fs, ${phase}°`).toBeLessThanOrEqual(-3 + 0.01);
      }
    }
  });

  it('pushes without allocating (no garbage collection over 100,000 blocks)', async () => {
    const rate = 48_000;
    const planes = [noise(64, 5), noise(64, 6)];
    const meter = new LoudnessMeter(rate, 2);
    for (let i = 0; i < 10_000; i++) meter.push(planes, 64);
    v8.setFlagsFromString('--expose-gc');
    (vm.runInNewContext('gc') as () => void)();
    const collections: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) collections.push(entry.name);
    });
    observer.observe({ entryTypes: ['gc'] });
    for (let i = 0; i < 100_000; i++) meter.push(planes, 64);
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(collections).toEqual([]);
  }, 60_000);
});
