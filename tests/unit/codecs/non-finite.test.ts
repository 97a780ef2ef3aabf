import { describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/codecs/decode';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { GlowroomError } from '../../../src/std/errors';

/** A quiet float signal of `length` samples with `damage` written at the given positions. */
function floatFile(length: number, damage: Readonly<Record<number, number>>): Uint8Array {
  const samples = Float32Array.from({ length }, (_, i) => damage[i] ?? Math.sin(i / 10) * 0.5);
  return encodeWav({ sampleRate: 48_000, channels: [samples] }, { bitDepth: 32, float: true });
}

describe('decodeAudio and damaged float samples', () => {
  it('makes a few NaN, infinite and absurd samples silent, keeps every other one, and says so', async () => {
    const damage = { 10: Number.NaN, 200: Number.POSITIVE_INFINITY, 300: Number.NEGATIVE_INFINITY, 400: -2.2e38, 500: 1e20 };
    const audio = await decodeAudio(floatFile(1000, damage), 'glitchy.wav');
    const channel = audio.channels[0] ?? new Float32Array();
    for (const at of Object.keys(damage).map(Number)) expect(channel[at]).toBe(0);
    expect(channel[11]).toBeCloseTo(Math.sin(1.1) * 0.5, 6);
    expect(audio.notes).toEqual(['5 damaged samples were made silent (not numbers, or far beyond full scale).']);
  });

  it('keeps float headroom above full scale up to +24 dBFS without a note', async () => {
    const audio = await decodeAudio(floatFile(100, { 5: 1.5, 6: -15.9 }), 'hot.wav');
    expect(audio.channels[0]?.[5]).toBe(1.5);
    expect(audio.channels[0]?.[6]).toBeCloseTo(-15.9, 5);
    expect(audio.notes).toBeUndefined();
  });

  it('refuses a file in which more than 1 sample in 100 is damaged: that is not float audio', async () => {
    const damage = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i * 5, 1e38]));
    const decoding = decodeAudio(floatFile(1000, damage), 'misread.wav');
    await expect(decoding).rejects.toThrow(GlowroomError);
    await expect(decoding).rejects.toThrow('misread.wav is damaged: 20 of its 1000 float samples are not numbers or lie far beyond full scale');
  });
});
