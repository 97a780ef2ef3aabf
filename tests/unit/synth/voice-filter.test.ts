import { describe, expect, it } from 'vitest';
import { dampingFor, svfGain, VoiceFilter, voiceFilterMagnitude } from '../../../src/dsp/synth/voice-filter';
import { db, fitSine, sine } from '../dsp/signal-analysis';
import { RATE } from './synth-harness';

/** Gain in dB the filter gives a steady sine of `hz`, fitted after it has settled. */
function measuredDb(hz: number, cutoffHz: number, resonance: number, mode: number, slope: number): number {
  const filter = new VoiceFilter();
  const frames = RATE / 2;
  const signal = sine(hz, RATE, frames, 0.25);
  const unused = new Float32Array(frames);
  filter.g = svfGain(cutoffHz, RATE);
  filter.k = dampingFor(resonance);
  for (let at = 0; at < frames; at += 16) filter.process(signal, unused, false, at, Math.min(frames, at + 16), mode, slope);
  return db(fitSine(signal, hz, RATE, frames / 2, frames).amplitude / 0.25);
}

const modes = { 'low-pass': 0, 'high-pass': 1, 'band-pass': 2 } as const;

describe('voice filter (TPT state-variable)', () => {
  describe.each(Object.entries(modes))('%s', (_name, mode) => {
    it.each([12, 24])('%i dB/oct follows the SVF transfer function within 0.02 dB, with and without resonance', (slope) => {
      for (const resonance of [0, 0.6]) {
        for (const hz of [100, 400, 1000, 2500, 9000]) {
          const expected = 20 * Math.log10(voiceFilterMagnitude(hz, 1000, resonance, mode, slope, RATE));
          expect(Math.abs(measuredDb(hz, 1000, resonance, mode, slope) - expected), `${hz} Hz, resonance ${resonance}`).toBeLessThan(0.02);
        }
      }
    });
  });

  it('has the slopes it is named for: a low-pass at 1 kHz takes 12 and 24 dB per octave well above cutoff', () => {
    const octave = (slope: number) => measuredDb(8000, 1000, 0, modes['low-pass'], slope) - measuredDb(16_000, 1000, 0, modes['low-pass'], slope);
    expect(octave(12)).toBeGreaterThan(11);
    expect(octave(24)).toBeGreaterThan(22);
    // Butterworth at resonance 0: −3 dB at the cutoff for both slopes.
    expect(measuredDb(1000, 1000, 0, modes['low-pass'], 12)).toBeCloseTo(-3.01, 1);
    expect(measuredDb(1000, 1000, 0, modes['low-pass'], 24)).toBeCloseTo(-3.01, 1);
  });

  it('resonance peaks at the cutoff: +20 dB or more at full resonance', () => {
    expect(measuredDb(1000, 1000, 1, modes['low-pass'], 12)).toBeGreaterThan(20);
  });

  it('stays stable while its cutoff jumps between 20 Hz and 20 kHz every 16 frames at full resonance', () => {
    const filter = new VoiceFilter();
    const frames = RATE;
    const signal = sine(220, RATE, frames, 0.5);
    const right = new Float32Array(frames);
    filter.k = dampingFor(1);
    filter.drive = 4;
    for (let at = 0; at < frames; at += 16) {
      filter.g = svfGain((at / 16) % 2 === 0 ? 20 : 20_000, RATE);
      filter.process(signal, right, false, at, at + 16, 0, 24);
    }
    expect(signal.every((v) => Number.isFinite(v) && Math.abs(v) < 100)).toBe(true);
  });
});
