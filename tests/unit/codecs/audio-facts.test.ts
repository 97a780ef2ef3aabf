/**
 * readAudioFacts reads format, shape and length from headers alone; for every format Glowroom
 * reads it must agree with what decoding the whole file gives (files made here, in code).
 */
import { describe, expect, it } from 'vitest';
import { createOggEncoder } from 'wasm-media-encoders';
import { encodeAudio } from '../../../electron/services/export/encoders';
import { decodeAudio, readAudioFacts } from '../../../src/codecs/decode';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { encodeAiff16 } from '../../support/aiff-bytes';
import { encodeOggVorbis } from '../../support/ogg-bytes';

const rate = 48_000;
const tone = (seconds: number) => Float32Array.from({ length: Math.round(rate * seconds) }, (_, n) => 0.4 * Math.sin((2 * Math.PI * 440 * n) / rate));

async function ogg(planes: Float32Array[]): Promise<Uint8Array> {
  return encodeOggVorbis(await createOggEncoder(), planes, rate, 3);
}

const files: readonly [string, () => Promise<Uint8Array>][] = [
  ['pcm16.wav', async () => encodeWav({ sampleRate: rate, channels: [tone(0.7)] }, { bitDepth: 16 })],
  ['pcm24.wav', async () => encodeWav({ sampleRate: rate, channels: [tone(1.3), tone(1.3)] }, { bitDepth: 24 })],
  ['float.wav', async () => encodeWav({ sampleRate: rate, channels: [tone(0.25)] }, { bitDepth: 32, float: true })],
  ['stereo.aif', async () => encodeAiff16([tone(0.9), tone(0.9)], rate)],
  ['mono.flac', async () => encodeAudio([tone(2.1)], rate, { kind: 'flac', bits: 24 }, undefined)],
  ['cbr.mp3', async () => encodeAudio([tone(1.1), tone(1.1)], rate, { kind: 'mp3', mode: { cbrKbps: 192 } }, undefined)],
  ['vorbis.ogg', () => ogg([tone(1.7), tone(1.7)])],
  // Named for another format: read by content all the same.
  ['wav-inside.ogg', async () => encodeWav({ sampleRate: rate, channels: [tone(0.5)] }, { bitDepth: 16 })],
];

describe('readAudioFacts', () => {
  it.each(files)('agrees with the decoded %s on format, depth, rate, channels and length', async (name, make) => {
    const bytes = await make();
    const decoded = await decodeAudio(bytes, name);
    expect(readAudioFacts(bytes, name)).toEqual({
      format: decoded.format,
      bitDepth: decoded.bitDepth,
      sampleRate: decoded.sampleRate,
      channelCount: decoded.channels.length,
      frames: decoded.channels[0]?.length,
    });
  });

  it('refuses bytes that hold no audio, and damaged headers, as decoding does', async () => {
    const text = new TextEncoder().encode('Liner notes, not audio. '.repeat(40));
    expect(() => readAudioFacts(text, 'notes.wav')).toThrow(/not an audio file: notes\.wav/);
    const wav = encodeWav({ sampleRate: rate, channels: [tone(1)] }, { bitDepth: 16 });
    const cut = wav.subarray(0, 2_000);
    expect(() => readAudioFacts(cut, 'cut.wav')).toThrow(/truncated WAV file: cut\.wav/);
    await expect(decodeAudio(cut, 'cut.wav')).rejects.toThrow(/truncated WAV file: cut\.wav/);
  });
});
