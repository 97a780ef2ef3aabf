import { describe, expect, it } from 'vitest';
import { Adsr, adsrStage, EnvelopeSettings } from '../../../src/dsp/synth/adsr';
import { createSynthInstrument } from '../../../src/engine/instruments/synth-instrument';
import { RATE, renderNotes, synthParams } from './synth-harness';

function settings(attackFrames: number, decayFrames: number, sustain: number, releaseFrames: number): EnvelopeSettings {
  return Object.assign(new EnvelopeSettings(), { attackFrames, decayFrames, sustain, releaseFrames });
}

describe('ADSR', () => {
  it('keeps its times to the frame: 0 at the gate, 1 at A, S at A + D, 0 at R after the gate closes', () => {
    const envelope = new Adsr(settings(480, 960, 0.5, 2400));
    const out = new Float32Array(10_000);
    envelope.gateOn();
    envelope.render(out, 0, 5000);
    envelope.gateOff();
    envelope.render(out, 5000, 10_000);
    expect(out[0]).toBe(0);
    expect(out[240]).toBeCloseTo(0.5, 6);
    expect(out[479]).toBeLessThan(1);
    expect(out[480]).toBe(1);
    expect(out[481]).toBeLessThan(1);
    expect(out[480 + 959]).toBeGreaterThan(0.5);
    expect(out[480 + 960]).toBe(0.5);
    expect(out[4999]).toBe(0.5);
    expect(out[5000]).toBe(0.5);
    expect(out[5000 + 2399]).toBeGreaterThan(0);
    expect(out[5000 + 2400]).toBe(0);
    expect(envelope.stage).toBe(adsrStage.idle);
    // Decay and release fall monotonically (an exponential bend, no overshoot).
    for (let i = 481; i <= 1440; i++) expect(out[i]).toBeLessThanOrEqual(out[i - 1] as number);
    for (let i = 5001; i <= 7400; i++) expect(out[i]).toBeLessThanOrEqual(out[i - 1] as number);
  });

  it('released during the attack, falls from where it was', () => {
    const envelope = new Adsr(settings(1000, 10, 1, 100));
    const out = new Float32Array(401);
    envelope.gateOn();
    envelope.render(out, 0, 300);
    envelope.gateOff();
    envelope.render(out, 300, 401);
    expect(out[300]).toBeCloseTo(out[299] as number, 6);
    expect(out[399]).toBeGreaterThan(0);
    expect(out[400]).toBe(0);
  });

  it('retriggered while sounding, attacks from its level (no jump to 0)', () => {
    const envelope = new Adsr(settings(100, 100, 0.6, 100));
    const out = new Float32Array(600);
    envelope.gateOn();
    envelope.render(out, 0, 400);
    envelope.gateOn();
    envelope.render(out, 400, 600);
    expect(out[400]).toBeCloseTo(0.6, 6);
    expect(out[500]).toBe(1);
  });
});

describe('synth note timing', () => {
  it('starts a note on its event frame and ends it exactly a release time after its note-off', () => {
    const on = 1000 + 37;
    const off = 20_000 + 5;
    const releaseFrames = (50 * RATE) / 1000;
    const [left] = renderNotes(createSynthInstrument(RATE), [{ pitch: 69, on, off }], 30_000, synthParams({ osc1Wave: 0, attackMs: 10, releaseMs: 50 }));
    const firstSound = left.findIndex((v) => v !== 0);
    // The attack's first frame is 0 by design; the next one sounds.
    expect(firstSound).toBe(on + 1);
    let lastSound = 0;
    for (let i = 0; i < left.length; i++) if (left[i] !== 0) lastSound = i;
    expect(lastSound).toBeLessThan(off + releaseFrames);
    expect(lastSound).toBeGreaterThan(off + releaseFrames - 48);
  });
});
