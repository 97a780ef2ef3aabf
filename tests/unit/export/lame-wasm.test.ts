import { createLameEncoder } from '@glowroom/lame-wasm';
import { describe, expect, it } from 'vitest';
import { decodeMp3 } from '../../../src/codecs/mp3';

const RATE_HZ = 48_000;

/** A stereo chord with a slow swell and a little seeded noise, `seconds` long. */
function music(seconds: number): Float32Array[] {
  let state = 7;
  const noise = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32 - 0.5;
  return [0, 1].map((c) =>
    Float32Array.from({ length: Math.round(seconds * RATE_HZ) }, (_, i) => {
      const swell = 0.6 + 0.4 * Math.sin(i / 15_000);
      return 0.3 * swell * (Math.sin((2 * Math.PI * (220 + 55 * c) * i) / RATE_HZ) + 0.5 * Math.sin((2 * Math.PI * 1_320 * i) / RATE_HZ)) + 0.02 * noise();
    }),
  );
}

/** The whole stream, pushed `chunk` frames at a time. */
function encode(planes: readonly Float32Array[], options: Parameters<typeof createLameEncoder>[0], chunk: number): Uint8Array {
  const encoder = createLameEncoder(options);
  const parts: Uint8Array[] = [];
  const frames = planes[0]?.length ?? 0;
  for (let start = 0; start < frames; start += chunk) {
    const end = Math.min(frames, start + chunk);
    parts.push(encoder.encode(planes.map((plane) => plane.subarray(start, end)), end - start).slice());
  }
  parts.push(encoder.flush().slice());
  return Buffer.concat(parts);
}

/** Signal-to-error ratio in dB of `decoded` against `source` shifted by `delay` frames. */
function snrDb(source: Float32Array, decoded: Float32Array, delay: number): number {
  let signal = 0;
  let error = 0;
  for (let i = 0; i < source.length && i + delay < decoded.length; i++) {
    const s = source[i] as number;
    const d = (decoded[i + delay] as number) - s;
    signal += s * s;
    error += d * d;
  }
  return 10 * Math.log10(signal / error);
}

/** The shift of `decoded` (0 … 3,000 frames) that best matches `source`. */
function bestDelay(source: Float32Array, decoded: Float32Array): number {
  let best = 0;
  let bestSnr = -Infinity;
  for (let delay = 0; delay <= 3_000; delay++) {
    const snr = snrDb(source.subarray(0, 20_000), decoded, delay);
    if (snr > bestSnr) [best, bestSnr] = [delay, snr];
  }
  return best;
}

describe('@glowroom/lame-wasm', () => {
  const planes = music(6);

  it('writes the same bytes for the same sound, whatever the chunk sizes it is handed', () => {
    const options = { channels: 2, sampleRate: RATE_HZ, kbps: 320 } as const;
    const whole = encode(planes, options, planes[0]?.length ?? 0);
    expect(Buffer.compare(encode(planes, options, 65_536), whole)).toBe(0);
    expect(Buffer.compare(encode(planes, options, 1_000), whole)).toBe(0);
    // 6 s at 320 kbit/s, CBR: 240,000 bytes give or take the frames around the ends.
    expect(Math.abs(whole.length - 240_000)).toBeLessThan(3_000);
  });

  it('CBR 320, VBR and mono decode back to the sound they were given', async () => {
    const cases = [
      { options: { channels: 2, sampleRate: RATE_HZ, kbps: 320 }, input: planes, minSnrDb: 25 },
      { options: { channels: 2, sampleRate: RATE_HZ, vbrQuality: 2 }, input: planes, minSnrDb: 15 },
      { options: { channels: 1, sampleRate: 44_100, kbps: 128 }, input: planes.slice(0, 1), minSnrDb: 15 },
    ] as const;
    for (const { options, input, minSnrDb } of cases) {
      const decoded = await decodeMp3(encode(input, options, 65_536), 'test.mp3');
      expect(decoded.sampleRate).toBe(options.sampleRate);
      expect(decoded.channels).toHaveLength(options.channels);
      for (let c = 0; c < options.channels; c++) {
        const source = input[c] as Float32Array;
        const heard = decoded.channels[c] as Float32Array;
        expect(snrDb(source, heard, bestDelay(source, heard))).toBeGreaterThan(minSnrDb);
      }
    }
  });
});
