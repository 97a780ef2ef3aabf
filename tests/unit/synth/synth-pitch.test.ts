import { describe, expect, it } from 'vitest';
import { octaveOffset, type SynthParamId } from '../../../src/devices/instruments/synth';
import { createSynthInstrument } from '../../../src/engine/instruments/synth-instrument';
import { cents, fundamentalHz } from './frequency';
import { RATE, renderNotes, synthParams } from './synth-harness';

const waves = { saw: 0, pulse: 1, triangle: 2, sine: 3 } as const;

/** The fundamental of `pitch` held for 1.5 s, measured over its last second. */
function measure(pitch: number, params: Partial<Record<SynthParamId, number>>): number {
  const [left] = renderNotes(createSynthInstrument(RATE), [{ pitch, on: 0 }], Math.round(RATE * 1.5), synthParams(params));
  return fundamentalHz(left, RATE, RATE / 2, RATE * 1.5);
}

describe('synth tuning', () => {
  it.each(Object.entries(waves))('A4 on a %s measures 440 Hz within 0.1 cent', (_name, wave) => {
    expect(Math.abs(cents(measure(69, { osc1Wave: wave }), 440))).toBeLessThan(0.1);
  });

  it('follows equal temperament and the octave switch: C4 at 261.63 Hz, A4 an octave up at 880 Hz', () => {
    expect(Math.abs(cents(measure(60, { osc1Wave: waves.sine }), 440 * 2 ** (-9 / 12)))).toBeLessThan(0.1);
    expect(Math.abs(cents(measure(69, { osc1Wave: waves.sine, osc1Octave: octaveOffset + 1 }), 880))).toBeLessThan(0.1);
  });

  it('detunes by the semitones set: +7 gives the fifth, 659.26 Hz', () => {
    expect(Math.abs(cents(measure(69, { osc1Wave: waves.sine, osc1Detune: 7 }), 440 * 2 ** (7 / 12)))).toBeLessThan(0.1);
  });

  it('glides: a legato note slides from the last pitch and lands on its own within the glide time', () => {
    const glideMs = 100;
    const [left] = renderNotes(
      createSynthInstrument(RATE),
      [
        { pitch: 57, on: 0, off: RATE / 2 + 10 },
        { pitch: 69, on: RATE / 2 },
      ],
      RATE * 2,
      synthParams({ osc1Wave: waves.sine, voiceMode: 2, glideMs }),
    );
    // Mid-glide (50 ms in) the pitch sits between A3 and A4; after it, at A4.
    const during = fundamentalHz(left, RATE, RATE / 2 + 2200, RATE / 2 + 2600);
    expect(during).toBeGreaterThan(240);
    expect(during).toBeLessThan(400);
    expect(Math.abs(cents(fundamentalHz(left, RATE, RATE, RATE * 2), 440))).toBeLessThan(0.1);
  });
});
