import { describe, expect, it } from 'vitest';
import { Delay } from '../../../src/dsp/delay/delay';
import { DelayLine } from '../../../src/dsp/delay/delay-line';
import { beats, bpm } from '../../../src/std/units';
import { BLOCK, runInBlocks } from './effect-harness';
import { sine } from './signal-analysis';

const RATE = 48_000;

function impulse(frames: number): Float32Array {
  const out = new Float32Array(frames);
  out[0] = 1;
  return out;
}

/** Indices and values of the samples that are not zero. */
function nonZero(plane: Float32Array): [number, number][] {
  const out: [number, number][] = [];
  plane.forEach((v, i) => {
    if (v !== 0) out.push([i, v]);
  });
  return out;
}

function fullyWet(): Delay {
  const delay = new Delay(RATE);
  delay.setMix(1);
  delay.setLoopFilterEnabled(false);
  return delay;
}

describe('Delay', () => {
  it('brings an impulse back after exactly round(ms·fs/1000) frames, each repeat the feedback factor quieter', () => {
    for (const ms of [1, 12.34, 123.4, 500]) {
      const delay = fullyWet();
      delay.setTimeMs(ms);
      delay.setFeedback(0.5);
      const d = Math.round((ms * RATE) / 1000);
      const [left, right] = runInBlocks(delay, impulse(4 * d + 1), new Float32Array(4 * d + 1));
      expect(nonZero(left), `${ms} ms`).toEqual([
        [d, 1],
        [2 * d, 0.5],
        [3 * d, 0.25],
        [4 * d, 0.125],
      ]);
      expect(nonZero(right)).toEqual([]);
    }
  });

  it('syncs to the tempo: 0.75 beats at 120 BPM is 375 ms', () => {
    const delay = fullyWet();
    delay.setSynced(true);
    delay.setTimeBeats(beats(0.75));
    delay.setTempoBpm(bpm(120));
    delay.setFeedback(0);
    const [left] = runInBlocks(delay, impulse(RATE));
    expect(nonZero(left)).toEqual([[18_000, 1]]);
  });

  it('alternates the repeats between the sides in ping-pong', () => {
    const delay = fullyWet();
    delay.setTimeMs(10);
    delay.setFeedback(0.5);
    delay.setPingPong(true);
    const [left, right] = runInBlocks(delay, impulse(2000), new Float32Array(2000));
    expect(nonZero(left)).toEqual([
      [480, 0.5],
      [1440, 0.125],
    ]);
    expect(nonZero(right)).toEqual([
      [960, 0.25],
      [1920, 0.0625],
    ]);
  });

  it('darkens the repeats with the loop filter', () => {
    const burst = sine(8000, RATE, RATE / 2, 0.5).map((v, i) => (i < 480 ? v : 0));
    const tenthEcho = (filtered: boolean): number => {
      const delay = fullyWet();
      delay.setTimeMs(10);
      delay.setFeedback(0.9);
      delay.setLoopFilterEnabled(filtered);
      delay.setHighCutHz(2000);
      delay.setLowCutHz(20);
      const [echoes] = runInBlocks(delay, burst);
      const tenth = echoes.subarray(10 * 480, 11 * 480);
      return Math.sqrt(tenth.reduce((sum, v) => sum + v * v, 0) / tenth.length);
    };
    // 8 kHz loses ≈ 13 dB per pass through a 2 kHz one-pole: nine passes take it 100 dB down,
    // leaving the burst's edges.
    expect(tenthEcho(false)).toBeCloseTo(0.5 * Math.SQRT1_2 * 0.9 ** 9, 2);
    expect(tenthEcho(true)).toBeLessThan(0.01 * tenthEcho(false));
  });

  it('glides to a new time instead of jumping', () => {
    const amplitude = 0.5;
    const input = sine(100, RATE, RATE, amplitude);
    const run = (delay: Delay): number => {
      const left = input.slice();
      const right = input.slice();
      let worstStep = 0;
      for (let start = 0; start < RATE; start += BLOCK) {
        if (start === 250 * BLOCK) delay.setTimeMs(302.5);
        delay.process(left.subarray(start, start + BLOCK), right.subarray(start, start + BLOCK), BLOCK);
      }
      for (let i = 16_000; i < RATE; i++) worstStep = Math.max(worstStep, Math.abs((left[i] as number) - (left[i - 1] as number)));
      return worstStep;
    };
    const delay = fullyWet();
    delay.setTimeMs(100);
    delay.setFeedback(0);
    // The sine's own largest step is 2π·100/48000·0.5 ≈ 0.0065; a hard switch a quarter cycle
    // away would step by up to 0.7.
    expect(run(delay)).toBeLessThan(0.05);
  });
});

describe('DelayLine', () => {
  it('reads whole delays exactly and fractional ones between the neighbours', () => {
    const line = new DelayLine(16);
    for (let i = 1; i <= 20; i++) line.write(i);
    expect(line.read(1)).toBe(20);
    expect(line.read(16)).toBe(5);
    // A straight ramp is reproduced exactly by the cubic.
    expect(line.read(2.25)).toBeCloseTo(18.75, 12);
  });
});
