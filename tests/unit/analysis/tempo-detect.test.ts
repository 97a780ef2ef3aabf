import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectTempo } from '../../../src/analysis/tempo-detect';
import { decodeAudio } from '../../../src/codecs/decode';
import { packFile } from '../../support/paths';

const rate = 44_100;

/** A deterministic noise source, so every run hears the same drums. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

type Voice = 'click' | 'kick' | 'snare' | 'hat';

/** Adds one drum hit at `at` seconds. */
function hit(out: Float32Array, at: number, voice: Voice, random: () => number, gain = 1): void {
  const start = Math.round(at * rate);
  const seconds = { click: 0.02, kick: 0.25, snare: 0.15, hat: 0.04 }[voice];
  for (let i = 0; i < seconds * rate && start + i < out.length; i++) {
    const t = i / rate;
    let value: number;
    if (voice === 'click') value = Math.sin(2 * Math.PI * 1000 * t) * Math.exp(-t * 200);
    else if (voice === 'kick') value = Math.sin(2 * Math.PI * (50 + 100 * Math.exp(-t * 30)) * t) * Math.exp(-t * 12);
    else if (voice === 'snare') value = (0.6 * random() + 0.4 * Math.sin(2 * Math.PI * 190 * t)) * Math.exp(-t * 25);
    else value = random() * Math.exp(-t * 90) * 0.5;
    out[start + i] = (out[start + i] ?? 0) + gain * value * 0.5;
  }
}

/** A click on every beat, accented on the bar, for `seconds`. */
function clickTrack(bpm: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  const random = noise(1);
  for (let beat = 0; beat * (60 / bpm) < seconds; beat++) hit(out, beat * (60 / bpm), 'click', random, beat % 4 === 0 ? 1 : 0.6);
  return out;
}

/** Kick on 1 and 3 (and the "and" of 3), snare on 2 and 4, hats on eighths: `bars` bars exactly. */
function drumLoop(bpm: number, bars: number, seed = 7): Float32Array {
  const beat = 60 / bpm;
  const out = new Float32Array(Math.round(bars * 4 * beat * rate));
  const random = noise(seed);
  for (let bar = 0; bar < bars; bar++) {
    const at = (beats: number) => (bar * 4 + beats) * beat;
    for (const b of [0, 2, 2.5]) hit(out, at(b), 'kick', random);
    for (const b of [1, 3]) hit(out, at(b), 'snare', random);
    for (let e = 0; e < 8; e++) hit(out, at(e / 2), 'hat', random, e % 2 === 0 ? 1 : 0.6);
  }
  return out;
}

describe('tempo detection', () => {
  for (const bpm of [90, 97, 120, 128, 140]) {
    it(`finds a click track at ${bpm} BPM that is not cut on the bar`, () => {
      const estimate = detectTempo([clickTrack(bpm, 9.3)], rate);
      expect(estimate?.snappedToBars).toBe(false);
      expect(Math.abs((estimate?.bpm ?? 0) - bpm)).toBeLessThanOrEqual(0.5);
    });

    it(`finds a two-bar drum loop at ${bpm} BPM exactly, read as a loop or not`, () => {
      const loop = drumLoop(bpm, 2);
      for (const estimate of [detectTempo([loop, loop], rate), detectTempo([loop], rate, { loop: true })]) {
        expect(estimate).toMatchObject({ snappedToBars: true });
        expect(Math.abs((estimate?.bpm ?? 0) - bpm)).toBeLessThanOrEqual(0.05);
        expect(estimate?.confidence).toBeGreaterThan(0.3);
      }
    });

    it(`finds a one-bar drum loop at ${bpm} BPM when told it is a loop`, () => {
      const estimate = detectTempo([drumLoop(bpm, 1, bpm)], rate, { loop: true });
      expect(Math.abs((estimate?.bpm ?? 0) - bpm)).toBeLessThanOrEqual(0.05);
    });
  }

  it('finds the amen break at the 137 BPM its name gives', async () => {
    const audio = await decodeAudio(readFileSync(packFile('Loops/amen_break_137bpm.wav')), 'amen_break_137bpm.wav');
    // One bar, syncopated: read as a loop, its bar gives the beat.
    const estimate = detectTempo(audio.channels, audio.sampleRate, { loop: true });
    expect(estimate).toMatchObject({ snappedToBars: true });
    expect(Math.abs((estimate?.bpm ?? 0) - 137)).toBeLessThanOrEqual(0.5);
  });

  it('gives no tempo for silence, steady noise, a pad, or a sound shorter than two beats', () => {
    expect(detectTempo([new Float32Array(rate * 4)], rate)).toBeNull();
    const random = noise(3);
    expect(detectTempo([Float32Array.from({ length: rate * 4 }, () => random() * 0.3)], rate)).toBeNull();
    expect(detectTempo([Float32Array.from({ length: rate * 4 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / rate))], rate)).toBeNull();
    expect(detectTempo([clickTrack(120, 1.5)], rate)).toBeNull();
    expect(detectTempo([], rate)).toBeNull();
  });

  it('is deterministic and ignores the level', () => {
    const loop = drumLoop(128, 2);
    const quiet = loop.map((v) => v * 0.01);
    expect(detectTempo([quiet], rate)?.bpm).toBe(detectTempo([loop], rate)?.bpm);
  });
});
