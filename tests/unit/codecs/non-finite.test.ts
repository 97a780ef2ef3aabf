import { describe, expect, it } from 'vitest';
import { decodeAudio } from '../../../src/codecs/decode';
import { encodeWav } from '../../../src/codecs/wav-writer';

describe('decodeAudio and corrupt float samples', () => {
  it('turns NaN and infinities in float files into silence, keeping every other sample', async () => {
    const samples = Float32Array.of(0.5, Number.NaN, -0.25, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1.5);
    const bytes = encodeWav({ sampleRate: 48_000, channels: [samples] }, { bitDepth: 32, float: true });
    const audio = await decodeAudio(bytes, 'poisoned.wav');
    expect(Array.from(audio.channels[0] ?? [])).toEqual([0.5, 0, -0.25, 0, 0, 1.5]);
  });
});
