import { describe, expect, it } from 'vitest';
import { UnisonOscillator, waveformIndex } from '../../../src/dsp/synth/oscillator';
import { UnisonSpread } from '../../../src/dsp/synth/unison';
import { sharedWavetables } from '../../../src/dsp/synth/wavetable';
import { aliasingDb } from './aliasing';
import { RATE } from './synth-harness';

const FRAMES = 70_000;

function render(waveform: number, hz: number, pulseWidth = 0.5): Float32Array {
  const oscillator = new UnisonOscillator();
  oscillator.start(1, 1);
  const out = new Float32Array(FRAMES);
  const unused = new Float32Array(FRAMES);
  oscillator.increment = hz / RATE;
  oscillator.pulseWidth = pulseWidth;
  for (let at = 0; at < FRAMES; at += 128) oscillator.render(sharedWavetables(), waveform, new UnisonSpread(), out, unused, at, Math.min(FRAMES, at + 128));
  return out;
}

/** A saw computed as 2φ − 1 per sample, the way a naive oscillator does: every partial above Nyquist folds back. */
function naiveSaw(hz: number): Float32Array {
  let phase = 0;
  return Float32Array.from({ length: FRAMES }, () => {
    const value = 2 * phase - 1;
    phase = (phase + hz / RATE) % 1;
    return value;
  });
}

// Near 4 kHz but not a divisor of 48 kHz (a fundamental of exactly 4 kHz folds its aliases onto its own harmonics).
const fundamentals = [3951.07, 4000 * 2 ** (1 / 24), 4186.01];

describe('band-limited oscillators at a 4 kHz fundamental, 48 kHz', () => {
  it('the measurement sees a naive saw alias (> −40 dB), so it can fail', () => {
    expect(aliasingDb(naiveSaw(4003.7), 4003.7, RATE)).toBeGreaterThan(-40);
  });

  it.each(fundamentals)('saw at %f Hz: aliasing below −80 dB', (hz) => {
    expect(aliasingDb(render(waveformIndex.saw, hz), hz, RATE)).toBeLessThan(-80);
  });

  it.each(fundamentals)('square at %f Hz: aliasing below −80 dB', (hz) => {
    expect(aliasingDb(render(waveformIndex.pulse, hz), hz, RATE)).toBeLessThan(-80);
  });

  it.each(fundamentals)('pulse (width 20 %%) and triangle at %f Hz: aliasing below −80 dB', (hz) => {
    expect(aliasingDb(render(waveformIndex.pulse, hz, 0.2), hz, RATE)).toBeLessThan(-80);
    expect(aliasingDb(render(waveformIndex.triangle, hz), hz, RATE)).toBeLessThan(-80);
  });

  it('keeps every partial below Nyquist at 4 kHz: the 5th (≈ 20 kHz) is there at its saw level, 1/5', () => {
    const hz = 3951.07;
    const out = render(waveformIndex.saw, hz);
    // Least-squares amplitude of the 5th partial over 0.5 s.
    let s = 0, c = 0;
    const w = (2 * Math.PI * 5 * hz) / RATE;
    for (let i = 0; i < RATE / 2; i++) {
      s += (out[i] as number) * Math.sin(w * i);
      c += (out[i] as number) * Math.cos(w * i);
    }
    const amplitude = (2 * Math.hypot(s, c)) / (RATE / 2);
    expect(amplitude).toBeCloseTo(2 / (Math.PI * 5), 2);
  });
});
