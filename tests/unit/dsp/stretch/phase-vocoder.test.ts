import { describe, expect, it, vi } from 'vitest';
import { PhaseVocoder, stepCost } from '../../../../src/dsp/stretch/phase-vocoder';
import { StretchSource } from '../../../../src/dsp/stretch/stretch-source';
import { fitSine, peakFrequency, sine } from '../signal-analysis';
import { maxOf, minOf } from '../../../../src/std/extremes';
import { cents, interpolator, linearMap, ragged, renderStretch } from './stretch-harness';

const rate = 44_100;
const tone = sine(440, rate, rate * 2);
const vocoder = (stretch: number, step = 1, planes = [tone, tone]) =>
  new PhaseVocoder(new StretchSource(planes, -1, false), linearMap(stretch), step, 128);

describe('PhaseVocoder (tonal warp)', () => {
  it.each([0.5, 0.75, 1.25, 2])('keeps a 440 Hz sine at 440 Hz within 1 cent when stretched %s×, at full level', (stretch) => {
    const frames = Math.round(tone.length * stretch);
    const [left, right] = renderStretch(vocoder(stretch), frames);
    // From the first anchor after the tone's start to before its end.
    const from = 12_288;
    const length = frames - from - 8192;
    expect(Math.abs(cents(peakFrequency(left, rate, from, length), 440))).toBeLessThan(1);
    const fit = fitSine(left, 440, rate, from, from + length);
    expect(fit.amplitude).toBeCloseTo(0.5, 2);
    expect(fit.thdPlusNoiseDb).toBeLessThan(-70);
    expect(right).toEqual(left);
  });

  it('shifts +7 semitones to 659.26 Hz within 1 cent without changing the length', () => {
    const [left] = renderStretch(vocoder(1, 2 ** (7 / 12)), tone.length);
    const measured = peakFrequency(left, rate, 4096, tone.length - 8192);
    expect(Math.abs(cents(measured, 659.2551))).toBeLessThan(1);
    expect(fitSine(left, 659.2551, rate, 4096, tone.length - 4096).amplitude).toBeCloseTo(0.5, 2);
  });

  it('keeps the stereo image: a channel at half level stays at half level, in phase', () => {
    const half = tone.map((x) => x / 2);
    const [left, right] = renderStretch(vocoder(1.5, 1, [tone, half]), tone.length);
    for (let i = 5000; i < 60_000; i += 997) expect(right[i]).toBeCloseTo((left[i] as number) / 2, 6);
  });

  it('renders the same samples after a seek, a jump back and in any block partition as an uninterrupted play', () => {
    let state = 3;
    const noise = Float32Array.from({ length: rate }, (_, i) => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return 0.3 * Math.sin(i / 9) + 0.2 * (state / 2 ** 32 - 0.5);
    });
    const make = () => new PhaseVocoder(new StretchSource([noise, noise.map((x) => -x)], -1, false), linearMap(1.37), 2 ** (-3 / 12), 128);
    const [whole] = renderStretch(make(), 50_000);
    const [ragged1] = renderStretch(make(), 50_000, 0, ragged());
    expect(ragged1).toEqual(whole);
    // One voice, played out of order: later first, then earlier (a loop wrap), then a far seek.
    const voice = make();
    for (const from of [31_111, 7_000, 20_000, 45_000, 0]) {
      const [part] = renderStretch(voice, 3000, from);
      expect(part).toEqual(whole.subarray(from, from + 3000));
    }
  });

  it.each([1, 2 ** (-3 / 12), 2 ** (5 / 12)])('renders the same samples after a seek to any of the first 64 frames, or later in the first 3000, as an uninterrupted play (step %s)', (step) => {
    let state = 11;
    const noise = Float32Array.from({ length: rate / 2 }, (_, i) => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return 0.3 * Math.sin(i / 7) + 0.2 * (state / 2 ** 32 - 0.5);
    });
    const make = () => new PhaseVocoder(new StretchSource([noise, noise.map((x) => 0.5 * x)], -1, false), linearMap(1.21), step, 128);
    const [whole] = renderStretch(make(), 4000);
    // A fresh voice started there, and one voice that jumps back there from later on (a loop wrap).
    const voice = make();
    const starts = [...Array.from({ length: 65 }, (_, i) => i), 150, 400, 1000, 1999, 2900];
    for (const from of starts) {
      expect(renderStretch(make(), 600, from)[0]).toEqual(whole.subarray(from, from + 600));
      renderStretch(voice, 200, 3000);
      expect(renderStretch(voice, 600, from)[0]).toEqual(whole.subarray(from, from + 600));
    }
  });
});

describe('PhaseVocoder schedule', () => {
  it('spreads the grain work of 32 clips playing in step evenly over the blocks (each block within 10 % of the mean, by the steps\' costs)', () => {
    const rate48 = 48_000;
    let state = 5;
    const music = Float32Array.from({ length: rate48 * 2 }, (_, i) => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return 0.4 * Math.sin(i / 11) * Math.exp(-8 * ((i % 24_000) / rate48)) + 0.02 * (state / 2 ** 32 - 0.5);
    });
    type Internals = { stage: number; plan: { passCount: number }; work(): void };
    const prototype = PhaseVocoder.prototype as unknown as Internals;
    const work = prototype.work;
    let cost = 0;
    const spy = vi.spyOn(prototype, 'work').mockImplementation(function (this: Internals) {
      cost += stepCost(this.stage, this.plan.passCount);
      work.call(this);
    });
    try {
      const clips = Array.from({ length: 32 }, (_, i) => new PhaseVocoder(new StretchSource([music, music], 0, false), linearMap(1.2), i % 2 === 1 ? 2 ** (3 / 12) : 1, 128));
      const left = new Float64Array(128);
      const right = new Float64Array(128);
      const perBlock: number[] = [];
      for (let block = 0; block < 600; block++) {
        cost = 0;
        for (const clip of clips) clip.render(interpolator, block * 128, 128, left, right, 0);
        if (block >= 100) perBlock.push(cost);
      }
      const mean = perBlock.reduce((sum, x) => sum + x, 0) / perBlock.length;
      expect(mean).toBeGreaterThan(0);
      expect(minOf(perBlock)).toBeGreaterThan(0.9 * mean);
      expect(maxOf(perBlock)).toBeLessThan(1.1 * mean);
    } finally {
      spy.mockRestore();
    }
  });
});
