import { describe, expect, it } from 'vitest';
import { CHORUS_MIN_DELAY_MS, Chorus } from '../../../src/dsp/chorus/chorus';
import { seconds } from '../../../src/std/units';
import { runInBlocks } from './effect-harness';

const RATE = 48_000;
/** A sawtooth of whole numbers: a cubic Hermite read reproduces a straight line exactly, so the output tells the delay. */
const PERIOD = 4096;

function ramp(frames: number): Float32Array {
  return Float32Array.from({ length: frames }, (_, n) => n % PERIOD);
}

/** The delay, in frames, the output shows at each frame where input and output lie on one tooth of the ramp; NaN elsewhere. */
function measuredDelays(out: Float32Array, maxDelay: number): Float64Array {
  return Float64Array.from(out, (y, n) => {
    const phase = n % PERIOD;
    return phase > maxDelay + 3 ? phase - y : NaN;
  });
}

function wetChorus(rateHz: number, depthMs: number, voices: number, width: number): Chorus {
  const chorus = new Chorus(RATE);
  chorus.setRateHz(rateHz);
  chorus.setDepthMs(depthMs);
  chorus.setVoices(voices);
  chorus.setWidth(width);
  chorus.setFeedback(0);
  chorus.setMix(1);
  chorus.reset();
  return chorus;
}

const minFrames = (CHORUS_MIN_DELAY_MS * RATE) / 1000;

describe('Chorus', () => {
  it('sweeps its delay over exactly the set depth, on the sine its rate and the transport give', () => {
    const depthMs = 7;
    const depth = (depthMs * RATE) / 1000;
    const chorus = wetChorus(2, depthMs, 1, 0);
    // Starting at beat 3 at 90 BPM: two seconds into the song.
    chorus.setTransport(seconds(2));
    const [out] = runInBlocks(chorus, ramp(RATE));
    const delays = measuredDelays(out, minFrames + depth);
    let low = Infinity;
    let high = -Infinity;
    let worst = 0;
    // Skip the first frames, before the line holds a whole sweep's worth of input.
    for (let n = 2000; n < RATE; n++) {
      const d = delays[n] as number;
      if (Number.isNaN(d)) continue;
      low = Math.min(low, d);
      high = Math.max(high, d);
      const expected = minFrames + depth / 2 + (depth / 2) * Math.sin(2 * Math.PI * 2 * (2 + n / RATE));
      worst = Math.max(worst, Math.abs(d - expected));
    }
    expect(worst).toBeLessThan(0.01);
    expect(low).toBeCloseTo(minFrames, 1);
    expect(high - low).toBeCloseTo(depth, 1);
  });

  it('renders the same samples for any block partition and from a seek to the same position', () => {
    const input = ramp(RATE / 2).map((v) => Math.sin(v / 30));
    const chorus = wetChorus(1.3, 9, 3, 0.6);
    chorus.setFeedback(0.5);
    chorus.setMix(0.5);
    chorus.setTransport(seconds(2.5));
    const [inBlocks] = runInBlocks(chorus, input);
    chorus.reset();
    const whole = input.slice();
    chorus.process(whole, whole.slice(), whole.length);
    expect(whole).toEqual(inBlocks);
  });

  it('passes the input untouched at mix 0', () => {
    const input = ramp(RATE / 4).map((v) => Math.sin(v / 7) * 0.8);
    const chorus = wetChorus(3, 20, 4, 1);
    chorus.setFeedback(0.9);
    chorus.setMix(0);
    const other = input.map((v) => v * 0.5 + 0.1);
    const [left, right] = runInBlocks(chorus, input, other);
    expect(Buffer.from(left.buffer).equals(Buffer.from(input.buffer))).toBe(true);
    expect(Buffer.from(right.buffer).equals(Buffer.from(other.buffer))).toBe(true);
  });

  it('spreads its voices across the stereo field with width, half a cycle apart for two voices', () => {
    const depth = (10 * RATE) / 1000;
    const centre = minFrames + depth / 2;
    const wide = wetChorus(1, 10, 2, 1);
    wide.setTransport(seconds(0));
    const [left, right] = runInBlocks(wide, ramp(RATE));
    const delaysLeft = measuredDelays(left, minFrames + depth);
    const delaysRight = measuredDelays(right, minFrames + depth);
    let mirrored = 0;
    let apart = 0;
    for (let n = 2000; n < RATE; n++) {
      const l = delaysLeft[n] as number;
      const r = delaysRight[n] as number;
      if (Number.isNaN(l)) continue;
      // Hard left holds the first voice alone, hard right the second: mirror images about the centre.
      mirrored = Math.max(mirrored, Math.abs(l - centre + (r - centre)));
      apart = Math.max(apart, Math.abs(l - r));
    }
    expect(mirrored).toBeLessThan(0.01);
    expect(apart).toBeCloseTo(depth, 0);

    const narrow = wetChorus(1, 10, 2, 0);
    const [l0, r0] = runInBlocks(narrow, ramp(RATE));
    expect(r0).toEqual(l0);
  });

  it('keeps the level when the voices spread: each side sums its voices to unity', () => {
    for (const voices of [1, 2, 3, 4]) {
      const chorus = wetChorus(0.5, 0, voices, 1);
      const [left, right] = runInBlocks(chorus, new Float32Array(RATE / 10).fill(0.5));
      expect(left[RATE / 10 - 1]).toBeCloseTo(0.5, 6);
      expect(right[RATE / 10 - 1]).toBeCloseTo(0.5, 6);
    }
  });
});
