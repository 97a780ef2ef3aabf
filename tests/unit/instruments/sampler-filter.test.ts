import { describe, expect, it } from 'vitest';
import { voiceFilterMagnitude } from '../../../src/dsp/synth/voice-filter';
import { db, fitSine, sine } from '../dsp/signal-analysis';
import { engineWith, rate, render, timeline120 } from '../engine/engine-harness';
import { noteClip, pattern, samplerTrack, sourcesOf } from './instrument-tracks';

const amplitude = 0.5;

/**
 * The sampler (root A4) playing a 2 s sine of `hz` at its own pitch for the first three beats
 * (1.5 s at 120 BPM) with `params`, rendered for 1.6 s: the left channel.
 */
function played(hz: number, params: Record<string, number>, velocity = 1): Float32Array {
  return render(sampler(hz, params, velocity), Math.round(1.6 * rate))[0];
}

function sampler(hz: number, params: Record<string, number>, velocity = 1) {
  const zone = { source: 'tone', rootNote: 69, start: 0, end: 2, loopStart: 0, loopEnd: 0, slices: [] };
  const tracks = [samplerTrack('t1', zone, [noteClip('n1', 'p1', 0, 4)], { velocityToVolume: 0, ...params })];
  const extra = { sources: sourcesOf('tone'), patterns: { p1: pattern(4, [{ pitch: 69, start: 0, length: 3, velocity }]) } };
  return engineWith({ tone: { planes: [sine(hz, rate, 2 * rate, amplitude)] } }, tracks, timeline120, rate, extra);
}

/** The gain (dB) a note's sine has in seconds [from, to). */
function gainDb(signal: Float32Array, hz: number, from: number, to: number): number {
  return db(fitSine(signal, hz, rate, Math.round(from * rate), Math.round(to * rate)).amplitude / amplitude);
}

/** The 12 dB SVF's gain (dB) at `hz` for a cutoff, resonance 0–1 and sampler mode (1 LP, 2 HP, 3 BP). */
const expectedDb = (hz: number, cutoffHz: number, resonance: number, samplerMode: number) => db(voiceFilterMagnitude(hz, cutoffHz, resonance, samplerMode - 1, 12, rate));

describe('the sampler filter', () => {
  it('is off by default: the sine passes at its level', () => {
    expect(gainDb(played(3000, {}), 3000, 0.5, 1)).toBeCloseTo(0, 4);
  });

  it.each([
    ['low-pass', 1],
    ['high-pass', 2],
    ['band-pass', 3],
  ])('%s follows the state-variable filter’s transfer function within 0.02 dB, with and without resonance', (_name, mode) => {
    for (const resonance of [0, 60]) {
      for (const hz of [150, 700, 1000, 2500, 9000]) {
        const measured = gainDb(played(hz, { filterMode: mode, cutoffHz: 1000, resonance }), hz, 0.5, 1);
        expect(Math.abs(measured - expectedDb(hz, 1000, resonance / 100, mode)), `${hz} Hz at resonance ${resonance} %`).toBeLessThan(0.02);
      }
    }
  });

  it('moves the cutoff by its envelope: the sustain level times the amount, in octaves, up or down', () => {
    // Sustain 50 % of +4 octaves from 250 Hz: 1 kHz once the decay is over.
    const up = played(1000, { filterMode: 1, cutoffHz: 250, resonance: 30, filterEnvOctaves: 4, filterAttackMs: 0, filterDecayMs: 5, filterSustain: 50 });
    expect(gainDb(up, 1000, 0.5, 1) - expectedDb(1000, 1000, 0.3, 1)).toBeCloseTo(0, 2);
    // Full sustain of −2 octaves from 4 kHz: 1 kHz.
    const down = played(1000, { filterMode: 1, cutoffHz: 4000, resonance: 30, filterEnvOctaves: -2, filterAttackMs: 0, filterDecayMs: 5, filterSustain: 100 });
    expect(gainDb(down, 1000, 0.5, 1) - expectedDb(1000, 1000, 0.3, 1)).toBeCloseTo(0, 2);
  });

  it('sweeps with the envelope over the note: open at the peak, closed when it has decayed', () => {
    // +5 octaves from 100 Hz decaying to 0 over 300 ms: a 2 kHz sine starts bright and fades out.
    const swept = played(2000, { filterMode: 1, cutoffHz: 100, filterEnvOctaves: 5, filterAttackMs: 0, filterDecayMs: 300, filterSustain: 0 });
    const early = gainDb(swept, 2000, 0.005, 0.02);
    const late = gainDb(swept, 2000, 0.5, 1);
    expect(early).toBeGreaterThan(-12);
    expect(late - expectedDb(2000, 100, 0, 1)).toBeCloseTo(0, 1);
    expect(early - late).toBeGreaterThan(40);
  });

  it('opens by velocity: a half-velocity note with 2 octaves of velocity → filter sits one octave up', () => {
    const soft = played(1000, { filterMode: 1, cutoffHz: 500, resonance: 30, velocityToFilter: 2 }, 0.5);
    expect(gainDb(soft, 1000, 0.5, 1) - expectedDb(1000, 1000, 0.3, 1)).toBeCloseTo(0, 2);
    const hard = played(1000, { filterMode: 1, cutoffHz: 500, resonance: 30, velocityToFilter: 2 }, 1);
    expect(gainDb(hard, 1000, 0.5, 1) - expectedDb(1000, 2000, 0.3, 1)).toBeCloseTo(0, 2);
  });

  it('follows its cutoff and resonance knobs (and their automation) in a sounding note', () => {
    const engine = sampler(1000, { filterMode: 1, cutoffHz: 4000 });
    const [before] = render(engine, rate / 2);
    engine.command({ type: 'set-param', target: 't1-sampler', param: 'cutoffHz', value: 1000 });
    engine.command({ type: 'set-param', target: 't1-sampler', param: 'resonance', value: 50 });
    const [after] = render(engine, rate / 2);
    expect(gainDb(before, 1000, 0.25, 0.5) - expectedDb(1000, 4000, 0, 1)).toBeCloseTo(0, 2);
    expect(gainDb(after, 1000, 0.25, 0.5) - expectedDb(1000, 1000, 0.5, 1)).toBeCloseTo(0, 2);
  });

  it('closes with its release after the note ends', () => {
    // The amp holds for 1 s of release while the filter envelope (+4 octaves from 125 Hz) closes in 50 ms.
    const released = played(2000, { filterMode: 1, cutoffHz: 125, filterEnvOctaves: 4, filterAttackMs: 0, filterSustain: 100, filterReleaseMs: 50, ampReleaseMs: 1000 });
    expect(gainDb(released, 2000, 1.3, 1.5) - expectedDb(2000, 2000, 0, 1)).toBeCloseTo(0, 1);
    // Back at 125 Hz (−48 dB for 2 kHz) while the amp has faded by less than 1 dB.
    expect(gainDb(released, 2000, 1.56, 1.6)).toBeLessThan(-45);
  });
});
