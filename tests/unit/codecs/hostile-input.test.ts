import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkErrors } from '../../../src/codecs/compressed';
import { decodeAudio } from '../../../src/codecs/decode';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { GlowroomError } from '../../../src/std/errors';
import { fixOggChecksums, layoutOf, writeField, type Container } from '../../fuzz/decode/layout';
import { packFile } from '../../support/paths';

// The decoder fuzzer's findings, one by one: each mutation is made at a named field of a pack file.
const read = (file: string): Uint8Array => new Uint8Array(readFileSync(packFile(file)));

function withField(file: string, container: Container, field: string, value: number): Uint8Array {
  const bytes = read(file);
  const target = layoutOf(container, bytes).fields.find((candidate) => candidate.name === field);
  if (!target) throw new Error(`${file} has no field ${field}`);
  writeField(bytes, target, value);
  return bytes;
}

function insert(bytes: Uint8Array, at: number, extra: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes.subarray(0, at));
  out.set(extra, at);
  out.set(bytes.subarray(at), at + extra.length);
  return out;
}

async function refusal(decoding: Promise<unknown>): Promise<GlowroomError> {
  const error = await decoding.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GlowroomError);
  return error as GlowroomError;
}

const internalText = /Invariant failed|is not defined|DataView|MPG123|FLAC__|RangeError/;

describe('FLAC with tags after its last frame', () => {
  it('decodes the same sound with an ID3v1 or an APEv2 tag appended, and refuses other bytes there', async () => {
    const bytes = read('Drums/Kicks/bd_haus.flac');
    const plain = await decodeAudio(bytes, 'haus.flac');
    const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
    const id3v1 = new Uint8Array(128);
    id3v1.set(ascii('TAGTitle'));
    const ape = new Uint8Array(64);
    ape.set(ascii('APETAGEX'));
    for (const tag of [id3v1, ape]) {
      const tagged = await decodeAudio(insert(bytes, bytes.length, tag), 'haus.flac');
      expect(tagged.channels).toEqual(plain.channels);
    }
    // Not a trailer: 'TAG' but not the last 128 bytes, and 'APETAGEY'.
    const notId3 = new Uint8Array(129);
    notId3.set(ascii('TAG'));
    const notApe = new Uint8Array(64);
    notApe.set(ascii('APETAGEY'));
    for (const junk of [notId3, notApe]) await refusal(decodeAudio(insert(bytes, bytes.length, junk), 'haus.flac'));
  });
});

describe('FLAC whose STREAMINFO disagrees with its frames', () => {
  const file = 'Drums/Kicks/bd_haus.flac';

  it('decodes a wrong bit depth as the frames say (16-bit), with a note, instead of garbage', async () => {
    const original = await decodeAudio(read(file), 'haus.flac');
    const audio = await decodeAudio(withField(file, 'flac', 'STREAMINFO bits - 1', 19), 'haus.flac');
    expect(audio.bitDepth).toBe(16);
    expect(audio.channels).toEqual(original.channels);
    expect(audio.notes).toEqual(['its header says 20 bits but its audio is 16 bits; decoded as 16 bits.']);
  });

  it('decodes every frame when the total-sample count is too small, with a note', async () => {
    const original = await decodeAudio(read(file), 'haus.flac');
    const audio = await decodeAudio(withField(file, 'flac', 'STREAMINFO total samples', 4849), 'haus.flac');
    expect(audio.channels).toEqual(original.channels);
    expect(audio.notes).toEqual(['its header says 0.11 s of audio but its frames hold 0.22 s; all 0.22 s were decoded.']);
  });

  it('refuses a repeated frame instead of playing it twice', async () => {
    const bytes = read(file);
    const frame = layoutOf('flac', bytes).regions.find((region) => region.name === 'frame 2');
    if (!frame) throw new Error('no frame 2');
    const error = await refusal(decodeAudio(insert(bytes, frame.end, bytes.slice(frame.start, frame.end)), 'haus.flac'));
    expect(error.message).toBe('damaged FLAC file: haus.flac (frame 3 is out of order (a frame is repeated or missing))');
  });
});

describe('MP3 with damaged or stray frames', () => {
  const file = 'Bass/bass_dnb_F.mp3';

  it('does not take the file for 48 kHz when its last frame header says so: that frame is missing', async () => {
    const error = await refusal(decodeAudio(withField(file, 'mp3', 'last frame rate', 1), 'bass.mp3'));
    expect(error.message).toBe('truncated MP3 file: bass.mp3 declares 0.87 s of audio but holds 0.86 s');
  });

  it('skips junk with a frame sync between frames, decoding the exact sound with a note', async () => {
    const bytes = read(file);
    const boundary = layoutOf('mp3', bytes).boundaries[10] ?? 0;
    const junk = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) % 256);
    junk.set([0xff, 0xfb, 0x94, 0x64]); // a plausible 48 kHz MPEG-1 layer III header
    const original = await decodeAudio(bytes, 'bass.mp3');
    const audio = await decodeAudio(insert(bytes, boundary, junk), 'bass.mp3');
    expect(audio.sampleRate).toBe(44_100);
    expect(audio.channels).toEqual(original.channels);
    expect(audio.notes).toEqual(['1000 bytes of damaged data between its frames were skipped.']);
  });

  it('does not lock onto a stray header in junk before the first frame: the whole file keeps the stream\'s rate', async () => {
    // Before the fix one damaged header decided the rate of the whole file (the probe: values up to 5.9 million).
    const bytes = read(file);
    const junk = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37 + 11) % 256);
    junk.set([0xff, 0xfb, 0x94, 0x64]); // a plausible 48 kHz MPEG-1 layer III header
    // An empty ID3v2 tag first, so the file is still taken for MP3 with junk before its first frame.
    const tagged = insert(insert(bytes, 0, junk), 0, Uint8Array.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]));
    const original = await decodeAudio(bytes, 'bass.mp3');
    const audio = await decodeAudio(tagged, 'bass.mp3');
    expect(audio.sampleRate).toBe(44_100);
    expect(audio.channels).toEqual(original.channels);
  });

  it('decodes every frame when the Xing frame count is too small, with a note', async () => {
    const original = await decodeAudio(read('Drums/Kicks/bd_tek.mp3'), 'tek.mp3');
    const audio = await decodeAudio(withField('Drums/Kicks/bd_tek.mp3', 'mp3', 'Xing frame count', 5), 'tek.mp3');
    expect(audio.channels).toEqual(original.channels);
    expect(audio.notes).toEqual(['its header says 0.084 s of audio but it holds 0.24 s; all of it was decoded.']);
  });

  it('says where the audio is corrupt, keeping the decoder status text out of the message', () => {
    const decoded = { channelData: [new Float32Array(10)], samplesDecoded: 10, sampleRate: 44_100, errors: [{ message: '-1 MPG123_ERR', outputSamples: 66_150 }] };
    let error: unknown;
    try {
      checkErrors(decoded, 'MP3', 'bass.mp3');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GlowroomError);
    expect((error as GlowroomError).message).toBe('damaged MP3 file: bass.mp3 (its audio data is corrupt after 1.5 s)');
    expect((error as GlowroomError).message).not.toMatch(internalText);
    expect((error as GlowroomError).cause).toBe('-1 MPG123_ERR');
  });
});

describe('Ogg Vorbis', () => {
  it('does not decode a copy of a page after the end of the stream', async () => {
    const bytes = read('Loops/industrial_loop.ogg');
    const page = layoutOf('ogg', bytes).regions.find((region) => region.name === 'page 4');
    if (!page) throw new Error('no page 4');
    const original = await decodeAudio(bytes, 'loop.ogg');
    const audio = await decodeAudio(insert(bytes, bytes.length, bytes.slice(page.start, page.end)), 'loop.ogg');
    expect(audio.channels).toEqual(original.channels);
  });

  it('refuses a 1 MHz identification header with a reason', async () => {
    const bytes = withField('Drums/Hats & Perc/hat_open.ogg', 'ogg', 'Vorbis rate', 1_000_000);
    fixOggChecksums(bytes);
    const error = await refusal(decodeAudio(bytes, 'hat.ogg'));
    expect(error.message).toBe('hat.ogg is damaged: its sample rate is invalid (1000000 Hz; real audio runs at 8 to 384 kHz).');
  });
});

describe('WAV headers outside what real audio is', () => {
  const file = 'Drums/Kicks/bd_klub_48k.wav';

  it.each([
    ['fmt rate', 1, 'bad-format', 'klub.wav is damaged: its sample rate is invalid (1 Hz; real audio runs at 8 to 384 kHz).'],
    ['fmt rate', 2 ** 32 - 1, 'bad-format', 'klub.wav is damaged: its sample rate is invalid (4294967295 Hz; real audio runs at 8 to 384 kHz).'],
  ] as const)('refuses %s = %d at the decoder', async (field, value, code, message) => {
    const error = await refusal(decodeAudio(withField(file, 'wav', field, value), 'klub.wav'));
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it('refuses 255 channels as a file to split, not with "Invariant failed" later', async () => {
    const channels = Array.from({ length: 255 }, () => new Float32Array(16));
    const error = await refusal(decodeAudio(encodeWav({ sampleRate: 48_000, channels }, { bitDepth: 16 }), 'wide.wav'));
    expect([error.code, error.message]).toEqual(['unsupported', 'wide.wav has 255 channels; Glowroom reads files of 1 to 32 channels. Split it into mono or stereo files first.']);
  });
});
