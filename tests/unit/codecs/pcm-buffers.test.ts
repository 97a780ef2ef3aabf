import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAudio, decodeAudioInto } from '../../../src/codecs/decode';
import { PcmBuffers } from '../../../src/codecs/pcm-stream';
import { packFile } from '../../support/paths';

// A library import decodes file after file into one thread's reused planes (src/codecs/pcm-stream.ts).
const files = [
  'Loops/loop_mika.flac', // long stereo FLAC first: the planes grow to it
  'Drums/Kicks/bd_tek.mp3', // then shorter
  'Bass/bass_voxy_C.wav',
  'Drums/Hats & Perc/tabla_na_mono.wav', // mono WAV after stereo
  'Drums/Snares/sn_zome_float.wav', // float WAV
  'Loops/industrial_loop.ogg',
  'Atmos/ambi_drone.aif',
  'Loops/garzul_120bpm_Cmin_96k.wav', // longer again: the planes grow past what they held
  '_broken/misnamed_mp3.wav', // an MP3 named .wav: decoded by content, with a note
  'Loops/compus_loop.mp3',
];

describe('decodeAudioInto reused planes', () => {
  it('gives decodeAudio’s samples, shape and notes for every file, whatever was decoded into them before', async () => {
    const buffers = new PcmBuffers();
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(packFile(file)));
      const into = await decodeAudioInto(bytes, file, buffers);
      const whole = await decodeAudio(bytes, file);
      const { channels, ...facts } = into;
      const { channels: wholeChannels, ...wholeFacts } = whole;
      expect(facts, file).toEqual(wholeFacts);
      expect(channels.map((plane) => plane.length), file).toEqual(wholeChannels.map((plane) => plane.length));
      channels.forEach((plane, c) => expect(Buffer.from(plane.buffer, plane.byteOffset, plane.byteLength).equals(Buffer.from((wholeChannels[c] as Float32Array).buffer, (wholeChannels[c] as Float32Array).byteOffset, (wholeChannels[c] as Float32Array).byteLength)), `${file} channel ${c}`).toBe(true));
    }
  });

  it('hands out views of the same memory from file to file', async () => {
    const buffers = new PcmBuffers();
    const long = await decodeAudioInto(new Uint8Array(readFileSync(packFile('Loops/loop_mika.flac'))), 'mika.flac', buffers);
    const short = await decodeAudioInto(new Uint8Array(readFileSync(packFile('Bass/bass_voxy_C.wav'))), 'voxy.wav', buffers);
    expect(short.channels[0]?.buffer).toBe(long.channels[0]?.buffer);
  });

  it('passes a decoder’s refusal on', async () => {
    await expect(decodeAudioInto(new Uint8Array(readFileSync(packFile('_broken/truncated.flac'))), 'truncated.flac', new PcmBuffers())).rejects.toThrow(/truncated\.flac/);
  });
});
