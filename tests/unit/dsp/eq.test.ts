import { afterAll, describe, expect, it } from 'vitest';
import { BiquadCoefficients } from '../../../src/dsp/biquad/biquad-coefficients';
import { butterworthQs, CutFilter, type CutSlopeDbPerOctave } from '../../../src/dsp/biquad/cut-filter';
import { Eq } from '../../../src/dsp/eq/eq';
import { StereoBiquad } from '../../../src/dsp/biquad/stereo-biquad';
import { logFrequencies, runInBlocks, sineGainDb } from './effect-harness';

const report: string[] = [];
afterAll(() => console.log(`EQ\n${report.join('\n')}`));

/** |H(jΩ)| in dB of an analog second-order section (b2 s² + b1 s + b0) / (a2 s² + a1 s + a0). */
function analogDb(b: [number, number, number], a: [number, number, number], omega: number): number {
  const mag = (c: [number, number, number]): number => Math.hypot(c[0] - c[2] * omega * omega, c[1] * omega);
  return 20 * Math.log10(mag(b) / mag(a));
}

/**
 * The cookbook's analog prototypes, mapped by the bilinear transform prewarped at the design
 * frequency: Ω = tan(πf/fs) / tan(πf0/fs). This is the exact response the digital section
 * must have, computed without its coefficients.
 */
function prototypeDb(kind: 'peaking' | 'low-shelf' | 'high-shelf' | 'high-pass' | 'low-pass', rate: number, f0: number, q: number, gainDb: number, f: number): number {
  const omega = Math.tan((Math.PI * f) / rate) / Math.tan((Math.PI * f0) / rate);
  const a = Math.pow(10, gainDb / 40);
  const r = Math.sqrt(a) / q;
  switch (kind) {
    case 'peaking':
      return analogDb([1, a / q, 1], [1, 1 / (a * q), 1], omega);
    case 'low-shelf':
      return 20 * Math.log10(a) + analogDb([a, r, 1], [1, r, a], omega);
    case 'high-shelf':
      return 20 * Math.log10(a) + analogDb([1, r, a], [a, r, 1], omega);
    case 'high-pass':
      return analogDb([0, 0, 1], [1, 1 / q, 1], omega);
    case 'low-pass':
      return analogDb([1, 0, 0], [1, 1 / q, 1], omega);
  }
}

const RATES = [44_100, 48_000, 96_000];
const AUDIBLE = logFrequencies(20, 20_000, 240);

describe('biquad designs', () => {
  it('match the bilinear-transformed analog prototypes within 0.05 dB over 20 Hz–20 kHz at 44.1/48/96 kHz', () => {
    const cases = [
      { kind: 'peaking', f0: 1000, q: 1, gain: 6 },
      { kind: 'peaking', f0: 60, q: 4, gain: -12 },
      { kind: 'peaking', f0: 12_000, q: 0.5, gain: 9 },
      { kind: 'low-shelf', f0: 120, q: Math.SQRT1_2, gain: 6 },
      { kind: 'high-shelf', f0: 8000, q: Math.SQRT1_2, gain: -8 },
      { kind: 'high-pass', f0: 80, q: Math.SQRT1_2, gain: 0 },
      { kind: 'low-pass', f0: 5000, q: 2, gain: 0 },
    ] as const;
    let worst = 0;
    for (const rate of RATES) {
      for (const c of cases) {
        const coefficients = new BiquadCoefficients();
        if (c.kind === 'peaking') coefficients.setPeaking(rate, c.f0, c.q, c.gain);
        else if (c.kind === 'low-shelf') coefficients.setLowShelf(rate, c.f0, c.q, c.gain);
        else if (c.kind === 'high-shelf') coefficients.setHighShelf(rate, c.f0, c.q, c.gain);
        else if (c.kind === 'high-pass') coefficients.setHighPass(rate, c.f0, c.q);
        else coefficients.setLowPass(rate, c.f0, c.q);
        for (const f of AUDIBLE) {
          const expected = prototypeDb(c.kind, rate, c.f0, c.q, c.gain, f);
          const actual = coefficients.magnitudeDb(rate, f);
          // Deep in a stop band both are far below anything audible; compare down to −120 dB.
          if (expected < -120) continue;
          const deviation = Math.abs(actual - expected);
          worst = Math.max(worst, deviation);
          expect(deviation, `${c.kind} ${c.f0} Hz at ${rate} Hz, ${f.toFixed(1)} Hz`).toBeLessThan(0.05);
        }
      }
    }
    report.push(`response function vs analog prototype: max deviation ${worst.toExponential(2)} dB`);
  });

  it('cascade Butterworth sections with the textbook Qs', () => {
    expect(butterworthQs(2)[0]).toBeCloseTo(0.70711, 5);
    expect(butterworthQs(4)).toEqual([expect.closeTo(0.54120, 5), expect.closeTo(1.30656, 5)]);
    expect(butterworthQs(8)).toEqual([0.50980, 0.60134, 0.89998, 2.56292].map((q) => expect.closeTo(q, 5)));
  });
});

describe('Eq', () => {
  it('raises a 1 kHz sine by 6 ± 0.1 dB with a +6 dB, Q 1 peaking band at 1 kHz', () => {
    for (const rate of RATES) {
      const eq = new Eq(rate);
      eq.peaking[1]?.setFrequencyHz(1000);
      eq.peaking[1]?.setQ(1);
      eq.peaking[1]?.setGainDb(6);
      const measured = sineGainDb(eq, 1000, rate);
      report.push(`peaking +6 dB Q1 1 kHz at ${rate} Hz: measured ${measured.toFixed(4)} dB, curve ${eq.magnitudeDb(1000).toFixed(4)} dB`);
      expect(measured).toBeGreaterThan(5.9);
      expect(measured).toBeLessThan(6.1);
      expect(eq.magnitudeDb(1000)).toBeCloseTo(6, 6);
    }
  });

  it('measures, on sines through every band at once, what its response function draws', () => {
    const rate = 48_000;
    const eq = new Eq(rate);
    eq.highPass.setEnabled(true);
    eq.highPass.setFrequencyHz(40);
    eq.highPass.setSlope(24);
    eq.lowShelf.setGainDb(4);
    eq.peaking[0]?.setGainDb(-6);
    eq.peaking[1]?.setFrequencyHz(900);
    eq.peaking[1]?.setGainDb(5);
    eq.peaking[1]?.setQ(2);
    eq.peaking[2]?.setGainDb(-3);
    eq.peaking[3]?.setGainDb(2);
    eq.highShelf.setGainDb(-5);
    eq.lowPass.setEnabled(true);
    eq.lowPass.setFrequencyHz(16_000);
    eq.lowPass.setSlope(12);
    let worst = 0;
    for (const hz of [30, 80, 200, 600, 900, 2000, 4500, 10_000, 15_000, 19_000]) {
      const curve = eq.magnitudeDb(hz);
      const measured = sineGainDb(eq, hz, rate);
      worst = Math.max(worst, Math.abs(measured - curve));
      expect(measured, `${hz} Hz`).toBeCloseTo(curve, 2);
    }
    report.push(`sine sweep through all bands vs response function: max deviation ${worst.toExponential(2)} dB`);
  });

  it('passes the signal untouched by a switched-off band', () => {
    const eq = new Eq(48_000);
    eq.peaking[0]?.setGainDb(12);
    eq.peaking[0]?.setEnabled(false);
    expect(eq.magnitudeDb(200)).toBe(0);
    expect(sineGainDb(eq, 200, 48_000)).toBeCloseTo(0, 6);
  });

  it('designs every bell and shelf at 0 dB as an exact identity section, at any frequency, Q and rate', () => {
    const c = new BiquadCoefficients();
    for (const rate of RATES) {
      for (const hz of [20, 100, 1000, 9000, 20_000]) {
        for (const q of [0.1, Math.SQRT1_2, 4, 18]) {
          c.setPeaking(rate, hz, q, 0);
          expect(c.isIdentity(), `peaking ${hz} Hz Q ${q} at ${rate}`).toBe(true);
          c.setLowShelf(rate, hz, q, 0);
          expect(c.isIdentity(), `low shelf ${hz} Hz Q ${q} at ${rate}`).toBe(true);
          c.setHighShelf(rate, hz, q, 0);
          expect(c.isIdentity(), `high shelf ${hz} Hz Q ${q} at ${rate}`).toBe(true);
        }
      }
      c.setPeaking(rate, 1000, 1, 0.01);
      expect(c.isIdentity()).toBe(false);
    }
  });

  it('lets a band set back to 0 dB ring out exactly as the running filter would, then passes the input bit for bit', () => {
    const rate = 48_000;
    const eq = new Eq(rate);
    const band = eq.peaking[0] as NonNullable<(typeof eq.peaking)[0]>;
    band.setQ(8);
    band.setGainDb(12);
    const burst = Float32Array.from({ length: 4096 }, (_, i) => (i < 2048 ? Math.sin(i / 7) : 0));
    runInBlocks(eq, burst);
    band.setGainDb(0);
    // The reference: the same section, never skipped, from the same state.
    const reference = new StereoBiquad();
    const ringing = new Float32Array(rate);
    const coefficients = new BiquadCoefficients();
    coefficients.setPeaking(rate, 200, 8, 12);
    runInBlocks({ process: (l, r, n) => reference.process(coefficients, l, r, n), reset: () => reference.reset() }, burst);
    coefficients.setPeaking(rate, 200, 8, 0);
    const [expected] = runInBlocks({ process: (l, r, n) => reference.process(coefficients, l, r, n), reset: () => reference.reset() }, ringing);
    const [out] = runInBlocks(eq, ringing);
    // The ringing sounds after the gain went back to 0 dB, and is kept to the bit.
    expect(Math.max(...expected.subarray(0, 4096).map(Math.abs))).toBeGreaterThan(1e-3);
    expect(out).toEqual(expected);
    // Rung out: at rest the band gives back the input exactly.
    const input = Float32Array.from({ length: 1024 }, (_, i) => Math.sin(i / 3) * 0.5);
    expect(runInBlocks(eq, input)[0]).toEqual(input);
  });
});

describe('CutFilter', () => {
  it('falls 24 dB per octave below a 24 dB/oct high-pass cutoff', () => {
    const rate = 48_000;
    const filter = new CutFilter(rate, 'high-pass');
    filter.setFrequencyHz(1000);
    filter.setSlope(24);
    const atCutoff = sineGainDb(filter, 1000, rate);
    const octaveBelow = sineGainDb(filter, 500, rate);
    const slope = sineGainDb(filter, 250, rate) - sineGainDb(filter, 125, rate);
    report.push(`HP 24 dB/oct at 1 kHz: ${atCutoff.toFixed(3)} dB at cutoff, ${octaveBelow.toFixed(3)} dB one octave below, ${slope.toFixed(3)} dB/oct two octaves below`);
    expect(atCutoff).toBeCloseTo(-3.01, 1);
    // Fourth-order Butterworth: 10·log10(1 + 2⁸) = 24.1 dB down one octave below the cutoff.
    expect(octaveBelow).toBeGreaterThan(-24.6);
    expect(octaveBelow).toBeLessThan(-23.6);
    expect(slope).toBeGreaterThan(23.7);
    expect(slope).toBeLessThan(24.3);
  });

  it('gives 12, 24 and 48 dB/oct well below the cutoff for both kinds', () => {
    const rate = 96_000;
    for (const slope of [12, 24, 48] as CutSlopeDbPerOctave[]) {
      const hp = new CutFilter(rate, 'high-pass');
      hp.setFrequencyHz(2000);
      hp.setSlope(slope);
      expect(hp.magnitudeDb(250) - hp.magnitudeDb(125)).toBeCloseTo(slope, 0);
      const lp = new CutFilter(rate, 'low-pass');
      lp.setFrequencyHz(250);
      lp.setSlope(slope);
      expect(lp.magnitudeDb(2000) - lp.magnitudeDb(4000)).toBeCloseTo(slope, 0);
    }
  });
});
