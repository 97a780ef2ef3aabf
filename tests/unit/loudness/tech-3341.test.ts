import { afterAll, describe, expect, it } from 'vitest';
import { measureLoudness } from '../../../src/analysis/loudness/loudness-meter';
import { type Deviation, formatDeviations, furthestFrom, readEveryStep, repeat, segmentFrames, silence, stereo, tone, truePeakSine } from './ebu-signals';

/**
 * EBU Tech 3341 (2016/2023) minimum requirements, cases 1–5 and 9–19, synthesized (see
 * ebu-signals.ts). Tolerances are the specification's: ±0.1 LU for momentary, short-term and
 * integrated loudness, +0.2/−0.4 dB for true peak. Sample rate 48 kHz, as in the EBU test set;
 * cases 1–5 are repeated at 44.1 and 96 kHz to check the K-weighting at other rates.
 *
 * Cases 1–5, 9, 12 and 15–19 follow the definitions of Tech 3341 Table 1 exactly as far as a
 * signal is described there (tone, levels, durations, frequencies as fractions of fs, start
 * phases). Where the text leaves something open, the choice is stated at the case:
 * - 15–19: the duration (1 s here) and channel count (stereo here) do not change a true peak; the
 *   5 ms raised-cosine fades are ours (the issue asks for them, see truePeakSine).
 * - 10, 11, 13, 14 are, in the EBU test set, sets of files / a file whose exact layout (burst
 *   offsets, gap lengths) the specification's table does not give; they are RECONSTRUCTED from
 *   the expected readings: 10 and 13 = 20 segments (one meter each) with a 3 s (10) or 0.4 s (13)
 *   burst at −23 dBFS placed at 20 different offsets that fall between the meter's 10 ms steps,
 *   expecting max S (10) / max M (13) = −23.0 in every segment; 11 and 14 = one signal of 20
 *   bursts of 3 s (11) / 0.4 s (14) at −38, −37, …, −19 dBFS, each followed by silence longer than
 *   the window, expecting those values as the successive maxima. The offsets and gaps are ours.
 */

const RATE = 48_000;
const LOUDNESS_TOLERANCE = 0.1;
const TRUE_PEAK_ABOVE = 0.2;
const TRUE_PEAK_BELOW = 0.4;
const deviations: Deviation[] = [];

function expectLoudness(caseName: string, quantity: string, measured: number, expected: number): void {
  deviations.push({ case: caseName, quantity, expected, measured });
  expect(Math.abs(measured - expected), `${caseName} ${quantity}: ${measured.toFixed(3)} vs ${expected}`).toBeLessThanOrEqual(LOUDNESS_TOLERANCE);
}

afterAll(() => {
  console.log(`EBU Tech 3341 deviations\n${formatDeviations(deviations)}`);
});

describe('EBU Tech 3341 cases 1–5: integrated, momentary and short-term loudness of steady tones and gating', () => {
  for (const rate of [RATE, 44_100, 96_000]) {
    const at = rate === RATE ? '' : ` @${rate / 1000}k`;

    it(`case 1: stereo 1 kHz at −23 dBFS for 20 s reads M, S, I = −23.0 LUFS${at}`, () => {
      const { meter } = readEveryStep(stereo([tone(-23, 20)], rate), rate);
      expectLoudness(`3341-1${at}`, 'M (end)', meter.momentaryLufs(), -23);
      expectLoudness(`3341-1${at}`, 'S (end)', meter.shortTermLufs(), -23);
      expectLoudness(`3341-1${at}`, 'I', meter.result().integratedLufs, -23);
    });

    it(`case 2: stereo 1 kHz at −33 dBFS for 20 s reads M, S, I = −33.0 LUFS${at}`, () => {
      const { meter } = readEveryStep(stereo([tone(-33, 20)], rate), rate);
      expectLoudness(`3341-2${at}`, 'M (end)', meter.momentaryLufs(), -33);
      expectLoudness(`3341-2${at}`, 'S (end)', meter.shortTermLufs(), -33);
      expectLoudness(`3341-2${at}`, 'I', meter.result().integratedLufs, -33);
    });

    it(`case 3: −36 / −23 / −36 dBFS for 10 / 60 / 10 s reads I = −23.0 (relative gate)${at}`, () => {
      const result = measureLoudness(stereo([tone(-36, 10), tone(-23, 60), tone(-36, 10)], rate), rate);
      expectLoudness(`3341-3${at}`, 'I', result.integratedLufs, -23);
    });

    it(`case 4: −72 / −36 / −23 / −36 / −72 dBFS for 10 / 10 / 60 / 10 / 10 s reads I = −23.0${at}`, () => {
      const result = measureLoudness(stereo([tone(-72, 10), tone(-36, 10), tone(-23, 60), tone(-36, 10), tone(-72, 10)], rate), rate);
      expectLoudness(`3341-4${at}`, 'I', result.integratedLufs, -23);
    });

    it(`case 5: −26 / −20 / −26 dBFS for 20 / 20.1 / 20 s reads I = −23.0 (power average)${at}`, () => {
      const result = measureLoudness(stereo([tone(-26, 20), tone(-20, 20.1), tone(-26, 20)], rate), rate);
      expectLoudness(`3341-5${at}`, 'I', result.integratedLufs, -23);
    });
  }
});

describe('EBU Tech 3341 cases 9–14: short-term and momentary windows', () => {
  it('case 9: 5 × (1.34 s at −20, 1.66 s at −30 dBFS) reads S = −23.0 at every step after 3 s', () => {
    const { readings } = readEveryStep(stereo(repeat(5, tone(-20, 1.34), tone(-30, 1.66)), RATE), RATE);
    const after = readings.filter((r) => r.time >= 3 - 1e-9).map((r) => r.shortTerm);
    expect(after.length).toBeGreaterThan(1000);
    expectLoudness('3341-9', 'S (worst after 3 s)', furthestFrom(after, -23), -23);
  });

  it('case 10 (reconstructed): a 3 s burst at −23 dBFS at 20 offsets reads max S = −23.0 in each', () => {
    const maxima: number[] = [];
    for (let n = 0; n < 20; n++) {
      // Offsets 0.5 s + n · 153.7 ms: every position relative to the 10 ms grid is visited.
      const result = measureLoudness(stereo([silence(0.5 + n * 0.1537), tone(-23, 3), silence(1)], RATE), RATE);
      maxima.push(result.shortTermMaxLufs);
    }
    expectLoudness('3341-10 (20 seg)', 'max S (worst segment)', furthestFrom(maxima, -23), -23);
  });

  it('case 11 (reconstructed): 3 s bursts at −38 … −19 dBFS read max S = −38 … −19, one by one', () => {
    const levels = Array.from({ length: 20 }, (_, i) => -38 + i);
    const segments = levels.flatMap((level, i) => [silence(0.25 + i * 0.0731), tone(level, 3), silence(3.5)]);
    const { readings } = readEveryStep(stereo(segments, RATE), RATE);
    const bounds = segmentFrames(segments, RATE);
    let start = 0;
    let worst = 0;
    levels.forEach((level, i) => {
      const end = start + (bounds[3 * i] as number) + (bounds[3 * i + 1] as number) + (bounds[3 * i + 2] as number);
      const inside = readings.filter((r) => r.time * RATE > start && r.time * RATE <= end).map((r) => r.shortTerm);
      const max = Math.max(...inside);
      if (Math.abs(max - level) > Math.abs(worst)) worst = max - level;
      expect(Math.abs(max - level), `segment ${i + 1}: max S ${max.toFixed(3)} vs ${level}`).toBeLessThanOrEqual(LOUDNESS_TOLERANCE);
      start = end;
    });
    deviations.push({ case: '3341-11', quantity: 'max S (worst of 20)', expected: 0, measured: worst });
  });

  it('case 12: 25 × (0.18 s at −20, 0.22 s at −30 dBFS) reads M = −23.0 at every step after 1 s', () => {
    const { readings } = readEveryStep(stereo(repeat(25, tone(-20, 0.18), tone(-30, 0.22)), RATE), RATE);
    const after = readings.filter((r) => r.time >= 1 - 1e-9).map((r) => r.momentary);
    expect(after.length).toBeGreaterThan(800);
    expectLoudness('3341-12', 'M (worst after 1 s)', furthestFrom(after, -23), -23);
  });

  it('case 13 (reconstructed): a 0.4 s burst at −23 dBFS at 20 offsets reads max M = −23.0 in each', () => {
    const maxima: number[] = [];
    for (let n = 0; n < 20; n++) {
      const result = measureLoudness(stereo([silence(0.5 + n * 0.0537), tone(-23, 0.4), silence(0.5)], RATE), RATE);
      maxima.push(result.momentaryMaxLufs);
    }
    expectLoudness('3341-13 (20 seg)', 'max M (worst segment)', furthestFrom(maxima, -23), -23);
  });

  it('case 14 (reconstructed): 0.4 s bursts at −38 … −19 dBFS read max M = −38 … −19, one by one', () => {
    const levels = Array.from({ length: 20 }, (_, i) => -38 + i);
    const segments = levels.flatMap((level, i) => [silence(0.2 + i * 0.0173), tone(level, 0.4), silence(0.6)]);
    const { readings } = readEveryStep(stereo(segments, RATE), RATE);
    const bounds = segmentFrames(segments, RATE);
    let start = 0;
    let worst = 0;
    levels.forEach((level, i) => {
      const end = start + (bounds[3 * i] as number) + (bounds[3 * i + 1] as number) + (bounds[3 * i + 2] as number);
      const inside = readings.filter((r) => r.time * RATE > start && r.time * RATE <= end).map((r) => r.momentary);
      const max = Math.max(...inside);
      if (Math.abs(max - level) > Math.abs(worst)) worst = max - level;
      expect(Math.abs(max - level), `segment ${i + 1}: max M ${max.toFixed(3)} vs ${level}`).toBeLessThanOrEqual(LOUDNESS_TOLERANCE);
      start = end;
    });
    deviations.push({ case: '3341-14', quantity: 'max M (worst of 20)', expected: 0, measured: worst });
  });
});

describe('EBU Tech 3341 cases 15–19: true peak (+0.2 / −0.4 dB)', () => {
  const cases = [
    { name: '3341-15', fraction: 4, phase: 0, peak: -6, what: 'fs/4 (12 kHz), 0°, −6 dBFS' },
    { name: '3341-16', fraction: 4, phase: 45, peak: -6, what: 'fs/4, 45°: samples at −9.0 dBFS' },
    { name: '3341-17', fraction: 6, phase: 60, peak: -6, what: 'fs/6 (8 kHz), 60°' },
    { name: '3341-18', fraction: 8, phase: 67.5, peak: -6, what: 'fs/8 (6 kHz), 67.5°' },
    // Samples at full scale, waveform peaks √2 above them: +3.01 dBTP.
    { name: '3341-19', fraction: 4, phase: 45, peak: 20 * Math.log10(Math.SQRT2), what: 'fs/4, 45°, samples at 0 dBFS' },
  ];
  for (const c of cases) {
    it(`case ${c.name.slice(5)}: ${c.what} reads ${c.peak > 0 ? '+3.0' : '−6.0'} dBTP`, () => {
      const result = measureLoudness(truePeakSine(RATE / c.fraction, c.phase, c.peak, RATE), RATE);
      const expected = Math.round(c.peak * 10) / 10;
      deviations.push({ case: c.name, quantity: 'true peak (dBTP)', expected, measured: result.truePeakDbtp });
      expect(result.truePeakDbtp).toBeLessThanOrEqual(expected + TRUE_PEAK_ABOVE);
      expect(result.truePeakDbtp).toBeGreaterThanOrEqual(expected - TRUE_PEAK_BELOW);
    });
  }

  it('case 16 is an inter-sample case: its sample peak is 3 dB under its true peak', () => {
    const result = measureLoudness(truePeakSine(RATE / 4, 45, -6, RATE), RATE);
    expect(result.samplePeakDbfs).toBeCloseTo(-6 - 3.01, 1);
    expect(result.truePeakDbtp).toBeCloseTo(-6, 2);
  });
});
