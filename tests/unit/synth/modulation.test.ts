import { describe, expect, it } from 'vitest';
import { noteValueIndex } from '../../../src/devices/effects/note-values';
import { lfoShapeValue, SynthLfo } from '../../../src/dsp/synth/lfo';
import { CONTROL_FRAMES } from '../../../src/dsp/synth/synth-patch';
import { createSynthInstrument } from '../../../src/engine/instruments/synth-instrument';
import { db, fitSine } from '../dsp/signal-analysis';
import { cents, fundamentalHz } from './frequency';
import { RATE, renderNotes, synthParams, type SynthParams } from './synth-harness';

const sine = 3;
const saw = 0;

function render(pitch: number, params: SynthParams, frames = RATE): [Float32Array, Float32Array] {
  return renderNotes(createSynthInstrument(RATE), [{ pitch, on: 0 }], frames, synthParams(params));
}

/** Amplitude of the partial at `hz` over the second half of `signal`. */
function partial(signal: Float32Array, hz: number, from = signal.length / 2, to = signal.length): number {
  return fitSine(signal, hz, RATE, from, to).amplitude;
}

describe('sub oscillator and unison', () => {
  it('the sub sounds one or two octaves under the note', () => {
    expect(Math.abs(cents(fundamentalHz(render(69, { osc1Level: 0, subLevel: 100 })[0], RATE, RATE / 2, RATE), 220))).toBeLessThan(0.1);
    expect(Math.abs(cents(fundamentalHz(render(69, { osc1Level: 0, subLevel: 100, subOctave: 1 })[0], RATE, RATE / 2, RATE), 110))).toBeLessThan(0.1);
  });

  it('spreads unison voices over ± the detune, and across the field by the width', () => {
    const [left, right] = render(69, { osc1Wave: sine, unisonVoices: 2, unisonDetune: 0.5, unisonWidth: 0 });
    const low = 440 * 2 ** (-0.5 / 12);
    const high = 440 * 2 ** (0.5 / 12);
    // Three voices at −0.5, 0, +0.5 semitones, each 1/√3 of the level.
    expect(partial(left, low)).toBeCloseTo(partial(left, 440), 1);
    expect(partial(left, high)).toBeCloseTo(partial(left, 440), 1);
    expect(Array.from(left)).toEqual(Array.from(right));
    const [wideLeft, wideRight] = render(69, { osc1Wave: sine, unisonVoices: 2, unisonDetune: 0.5, unisonWidth: 100 });
    // Full width: the outer voices sit hard left and hard right, one each side (what is left on the
    // other side is the fit's leakage from the neighbours 13 Hz away; without width the sides are equal).
    expect(db(partial(wideLeft, low) / partial(wideRight, low))).toBeGreaterThan(25);
    expect(db(partial(wideRight, high) / partial(wideLeft, high))).toBeGreaterThan(25);
  });
});

describe('filter modulation', () => {
  it('key tracking at 100 % moves the cutoff with the note: the same timbre an octave up', () => {
    const brightness = (pitch: number, keyTracking: number) => {
      const [left] = render(pitch, { osc1Wave: saw, cutoffHz: 600, filterSlope: 1, keyTracking });
      const f0 = 440 * 2 ** ((pitch - 69) / 12);
      return db(partial(left, 3 * f0) / partial(left, f0));
    };
    expect(Math.abs(brightness(60, 100) - brightness(72, 100))).toBeLessThan(0.5);
    expect(brightness(72, 0) - brightness(60, 0)).toBeLessThan(-12);
  });

  it('the filter envelope opens the cutoff and closes it with its decay', () => {
    const [left] = render(57, { osc1Wave: saw, cutoffHz: 150, filterEnvAmount: 5, filterAttackMs: 0.1, filterDecayMs: 300, filterSustain: 0 }, RATE);
    const f0 = 220;
    const early = partial(left, 5 * f0, 480, 2880) / partial(left, f0, 480, 2880);
    const late = partial(left, 5 * f0, 38_400, 48_000) / partial(left, f0, 38_400, 48_000);
    expect(db(early / late)).toBeGreaterThan(30);
  });
});

describe('LFO', () => {
  it('has its shapes: sine and triangle start at 0 rising, the saw falls from its top, the square is ±1', () => {
    expect(lfoShapeValue(0, 0.25)).toBeCloseTo(1, 12);
    expect(lfoShapeValue(1, 0.25)).toBe(1);
    expect(lfoShapeValue(1, 0.75)).toBe(-1);
    expect(lfoShapeValue(2, 0)).toBe(1);
    expect(lfoShapeValue(3, 0.6)).toBe(-1);
  });

  it('synced, reads its phase from the transport: a block starting at any beat gets the values of an uninterrupted run', () => {
    const run = new SynthLfo(RATE, 128);
    const jump = new SynthLfo(RATE, 128);
    run.periodBeats = jump.periodBeats = 1;
    const transport = { beat: 0, tempo: 128 };
    for (let block = 0; block < 50; block++) {
      transport.beat = (block * 128 * 128) / 60 / RATE;
      run.fill(128, transport);
    }
    jump.fill(128, transport);
    expect(Array.from(jump.values)).toEqual(Array.from(run.values));
    // A quarter note at 128 BPM: value at beat b is sin(2π·b).
    expect(run.values[0]).toBeCloseTo(Math.sin(2 * Math.PI * transport.beat), 9);
    expect(run.values[1]).toBeCloseTo(Math.sin(2 * Math.PI * (transport.beat + (CONTROL_FRAMES * 128) / 60 / RATE)), 9);
  });

  it('keeps running while the transport stands still (live playing)', () => {
    const lfo = new SynthLfo(RATE, 128);
    lfo.synced = false;
    lfo.hz = 5;
    const still = { beat: 3, tempo: 120 };
    lfo.fill(128, still);
    const first = lfo.values[0];
    lfo.fill(128, still);
    expect(lfo.values[0]).not.toBe(first);
  });

  it('synced to 1/4 at 120 BPM, the volume LFO dips twice a second, at the off-beats', () => {
    const [left] = render(69, { osc1Wave: sine, lfoVolume: 100, lfoNote: noteValueIndex('1/4') }, RATE);
    const level = (at: number) => partial(left, 440, at - 240, at + 240);
    // Beat b at 120 BPM is frame 24000·b; the sine's top is at ¼ of each beat, its bottom at ¾.
    expect(level(18_000)).toBeLessThan(0.05 * level(6000));
    expect(level(42_000)).toBeLessThan(0.05 * level(30_000));
    expect(level(6000)).toBeCloseTo(level(30_000), 2);
  });
});

describe('parameter ramps', () => {
  it('follows the volume along the block from its start value to its end value (no step at the block edge)', () => {
    const params = synthParams({ osc1Wave: sine, gainDb: -6 });
    const synth = createSynthInstrument(RATE);
    // Hold a note at −6 dB for a second, then one block that ramps to −30 dB, then −30 dB.
    const [steady] = renderNotes(synth, [{ pitch: 46, on: 0 }], RATE, params);
    const at = params.count - 1;
    params.end[at] = -30;
    const [ramp] = renderNotes(synth, [], 128, params);
    params.start[at] = -30;
    const [after] = renderNotes(synth, [], 2400, params);
    const joined = Float32Array.from([...steady.subarray(RATE - 128), ...ramp, ...after]);
    let largest = 0;
    for (let i = 1; i < joined.length; i++) largest = Math.max(largest, Math.abs((joined[i] as number) - (joined[i - 1] as number)));
    // A 116.5 Hz sine at −6 dB steps at most 2π·116.5/48000·0.5 ≈ 0.0076 per frame by itself; at the
    // block edge it is 0.54 into a cycle, where a jump to −30 dB would step by about 0.12.
    expect(largest).toBeLessThan(0.008);
    expect(Math.max(...after.map(Math.abs))).toBeCloseTo(10 ** (-30 / 20), 2);
  });
});
