import { afterAll, describe, expect, it } from 'vitest';
import { Compressor } from '../../../src/dsp/dynamics/compressor';
import { compressorCurveDb } from '../../../src/dsp/dynamics/gain-computer';
import { runInBlocks } from './effect-harness';
import { db, fitSine, sine } from './signal-analysis';

const RATE = 48_000;
const report: string[] = [];
afterAll(() => console.log(`Compressor\n${report.join('\n')}`));

/** The GMR static equation written out independently: the reference the curve must match. */
function gmr(x: number, t: number, r: number, w: number): number {
  if (2 * (x - t) < -w) return x;
  if (w > 0 && 2 * Math.abs(x - t) <= w) return x + ((1 / r - 1) * (x - t + w / 2) ** 2) / (2 * w);
  return t + (x - t) / r;
}

/** Output level (peak dBFS) of a steady 1 kHz sine at `levelDb` peak, after the compressor settles. */
function steadyOutputDb(compressor: Compressor, levelDb: number): number {
  compressor.reset();
  const amplitude = Math.pow(10, levelDb / 20);
  const input = sine(1000, RATE, RATE, amplitude, 0);
  const [out] = runInBlocks(compressor, input);
  return db(fitSine(out, 1000, RATE, RATE / 2, RATE).amplitude);
}

describe('compressorCurveDb', () => {
  it('is the GMR static curve: unity below, 1/ratio above, a quadratic knee joining them', () => {
    expect(compressorCurveDb(-30, -20, 4, 0)).toBe(-30);
    expect(compressorCurveDb(-8, -20, 4, 0)).toBe(-17);
    // Knee 10 dB: at the threshold the quadratic gives x + (1/4 − 1)·25/20.
    expect(compressorCurveDb(-20, -20, 4, 10)).toBeCloseTo(-20.9375, 10);
    // A hard knee at the threshold itself (the quadratic would divide 0 by 0).
    expect(compressorCurveDb(-20, -20, 4, 0)).toBe(-20);
    // Continuous at the knee's edges.
    expect(compressorCurveDb(-25 + 1e-9, -20, 4, 10)).toBeCloseTo(-25, 6);
    expect(compressorCurveDb(-15 - 1e-9, -20, 4, 10)).toBeCloseTo(-20 + 5 / 4, 6);
  });
});

describe('Compressor', () => {
  it('follows the static curve within 0.1 dB on steady sines at several levels', () => {
    let worst = 0;
    for (const [threshold, ratio, knee] of [
      [-20, 4, 6],
      [-30, 2, 0],
      [-12, 10, 12],
    ] as const) {
      const compressor = new Compressor(RATE);
      compressor.setThresholdDb(threshold);
      compressor.setRatio(ratio);
      compressor.setKneeDb(knee);
      compressor.setAttackMs(0.05);
      compressor.setReleaseMs(5000);
      for (const level of [-40, threshold - knee / 2 - 1, threshold - knee / 4, threshold, threshold + knee / 4, threshold + 8, -1]) {
        const measured = steadyOutputDb(compressor, level);
        const expected = gmr(level, threshold, ratio, knee);
        worst = Math.max(worst, Math.abs(measured - expected));
        expect(measured, `T ${threshold} R ${ratio} W ${knee} at ${level} dB`).toBeGreaterThan(expected - 0.1);
        expect(measured, `T ${threshold} R ${ratio} W ${knee} at ${level} dB`).toBeLessThan(expected + 0.1);
      }
    }
    report.push(`static curve on steady sines: max deviation ${worst.toFixed(4)} dB`);
  });

  it('adds make-up gain, and auto make-up brings a 0 dBFS peak back to 0 dBFS', () => {
    const compressor = new Compressor(RATE);
    compressor.setThresholdDb(-24);
    compressor.setRatio(3);
    compressor.setKneeDb(6);
    compressor.setAttackMs(0.05);
    compressor.setReleaseMs(5000);
    compressor.setMakeupDb(4);
    expect(steadyOutputDb(compressor, -40)).toBeCloseTo(-36, 1);
    compressor.setMakeupDb(0);
    compressor.setAutoMakeup(true);
    expect(steadyOutputDb(compressor, 0)).toBeCloseTo(0, 1);
    expect(compressor.gainReductionDb()).toBeCloseTo(-16, 1);
  });

  it('reaches 63 % of a level step in the attack time and recovers 63 % in the release time (±10 %)', () => {
    const compressor = new Compressor(RATE);
    compressor.setThresholdDb(-40);
    compressor.setRatio(1000);
    compressor.setKneeDb(0);
    for (const [attackMs, releaseMs] of [
      [5, 80],
      [20, 300],
    ] as const) {
      compressor.setAttackMs(attackMs);
      compressor.setReleaseMs(releaseMs);
      compressor.reset();
      // DC steps: 1 s at −60 dB, 1 s at 0 dB, 2 s at −60 dB. The gain is output / input.
      const input = Float32Array.from({ length: 4 * RATE }, (_, i) => (i >= RATE && i < 2 * RATE ? 1 : 0.001));
      const [out] = runInBlocks(compressor, input);
      const gainDb = (i: number): number => db((out[i] as number) / (input[i] as number));
      const full = gainDb(2 * RATE - 1);
      expect(full).toBeCloseTo(-40 * (1 - 1 / 1000), 1);
      let attackFrames = 0;
      while (gainDb(RATE + attackFrames) > 0.632 * full) attackFrames++;
      let releaseFrames = 0;
      while (gainDb(2 * RATE + releaseFrames) < 0.368 * full) releaseFrames++;
      const attack = (attackFrames * 1000) / RATE;
      const release = (releaseFrames * 1000) / RATE;
      report.push(`attack ${attackMs} ms measured ${attack.toFixed(2)} ms; release ${releaseMs} ms measured ${release.toFixed(2)} ms`);
      expect(Math.abs(attack - attackMs) / attackMs).toBeLessThan(0.1);
      expect(Math.abs(release - releaseMs) / releaseMs).toBeLessThan(0.1);
    }
  });

  it('listens to the sidechain when given one, through its detector high-pass', () => {
    const compressor = new Compressor(RATE);
    compressor.setThresholdDb(-30);
    compressor.setRatio(8);
    compressor.setAttackMs(1);
    const quiet = sine(1000, RATE, RATE, 0.01);
    const bass = sine(40, RATE, RATE, 0.9);
    const run = (): number => {
      compressor.reset();
      const left = quiet.slice();
      const right = quiet.slice();
      for (let start = 0; start < RATE; start += 128) compressor.process(left.subarray(start, start + 128), right.subarray(start, start + 128), 128, bass.subarray(start, start + 128));
      return db(fitSine(left, 1000, RATE, RATE / 2, RATE).amplitude / 0.01);
    };
    // The quiet input alone is far under the threshold: untouched.
    expect(steadyOutputDb(compressor, -40)).toBeCloseTo(-40, 3);
    const keyed = run();
    compressor.setDetectorHighPassEnabled(true);
    compressor.setDetectorHighPassHz(300);
    const filtered = run();
    report.push(`40 Hz sidechain at −1 dBFS: ${keyed.toFixed(2)} dB on the input; with a 300 Hz detector high-pass ${filtered.toFixed(2)} dB`);
    expect(keyed).toBeLessThan(-20);
    expect(filtered).toBeGreaterThan(-3);
  });

  it('computes the gain the textbook way (10^(dB/20) per sample) to within float32 rounding, through attack, hold and release', () => {
    const compressor = new Compressor(RATE);
    compressor.setThresholdDb(-30);
    compressor.setRatio(6);
    compressor.setKneeDb(6);
    compressor.setAttackMs(0.5);
    compressor.setReleaseMs(60);
    compressor.setMakeupDb(5);
    // Bursts of a 220 Hz tone that decay, over a quiet floor: the reduction rises fast and falls slowly.
    const input = Float32Array.from({ length: 2 * RATE }, (_, i) => Math.sin(i / 34.7) * (0.002 + 0.9 * Math.exp(-(i % 12_000) / 1500)));
    const [out] = runInBlocks(compressor, input);
    // The same smoothing written out plainly: the reduction per sample, then the gain from its dB value.
    const attack = Math.exp(-1000 / (0.5 * RATE));
    const release = Math.exp(-1000 / (60 * RATE));
    let reduction = 0;
    let worst = 0;
    for (let i = 0; i < input.length; i++) {
      const x = input[i] as number;
      const level = 20 * Math.log10(Math.max(Math.abs(x), 1e-10));
      const wanted = level - gmr(level, -30, 6, 6);
      const c = wanted > reduction ? attack : release;
      reduction = c * reduction + (1 - c) * wanted;
      const expected = Math.fround(x * Math.pow(10, (5 - reduction) / 20));
      if (expected !== 0) worst = Math.max(worst, Math.abs((out[i] as number) / expected - 1));
    }
    report.push(`gain against 10^(dB/20) per sample: max relative deviation ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(2e-7);
  });

  it('returns to exactly no reduction once released, so quiet audio passes at exactly its make-up gain', () => {
    const compressor = new Compressor(RATE);
    compressor.setThresholdDb(-20);
    compressor.setReleaseMs(100);
    compressor.setMakeupDb(0);
    const loud = Float32Array.from({ length: RATE / 2 }, (_, i) => 0.9 * Math.sin(i / 10));
    runInBlocks(compressor, loud);
    expect(compressor.gainReductionDb()).toBeLessThan(-10);
    // Three seconds (30 release times) under the threshold: the reduction has decayed to nothing, not to a tiny tail.
    const quiet = Float32Array.from({ length: 3 * RATE }, (_, i) => 0.01 * Math.sin(i / 10));
    const [out] = runInBlocks(compressor, quiet);
    expect(Math.abs(compressor.gainReductionDb())).toBe(0);
    expect(out.subarray(-RATE)).toEqual(quiet.subarray(-RATE));
  });
});

describe('Compressor levels', () => {
  it('reads the level of float32 peaks at any scale, subnormal ones included, as the static curve wants', () => {
    for (const [amplitude, thresholdDb] of [
      [0.5, -30],
      [1e-39, -820],
      [3e-44, -900],
    ] as const) {
      const compressor = new Compressor(RATE);
      compressor.setThresholdDb(thresholdDb);
      compressor.setRatio(2);
      compressor.setKneeDb(0);
      compressor.setAttackMs(0);
      const levelDb = 20 * Math.log10(Math.fround(amplitude));
      const left = new Float32Array(128).fill(amplitude);
      const right = new Float32Array(128).fill(-amplitude);
      compressor.process(left, right, 128);
      // Attack 0 follows at once: the reduction is the level's distance from the curve.
      expect(-compressor.gainReductionDb(), `${amplitude} at threshold ${thresholdDb} dB`).toBeCloseTo((levelDb - thresholdDb) / 2, 9);
    }
  });
});
