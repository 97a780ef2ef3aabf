import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { decodeAudio, sniffFormat } from '../../../src/codecs/decode';
import type { DecodedAudio } from '../../../src/codecs/decoded-audio';
import { GlowroomError, type ErrorCode } from '../../../src/std/errors';
import { samplePack } from '../../support/paths';

// Every file of the CC0 sample pack goes through decodeAudio (by content, as the app does).
//
// Expected values were taken from the reference tools on 2025-11, not from this decoder:
// - rate, channels: `soxi -r`, `soxi -c` (ffprobe agrees).
// - frames: `soxi -s` for WAV, AIFF, FLAC and Ogg (ffprobe and the decoders of sox and ffmpeg
//   agree). For MP3 the number ffmpeg decodes (`ffmpeg -i f -f f32le - | wc -c` / 4 / channels):
//   ffmpeg honours the LAME tag's encoder delay and padding, `soxi -s` only estimates and sox
//   does not trim. bd_tek.mp3: soxi 12 657, sox 12 672, ffmpeg 10 595; bass_dnb_F.mp3: 41 454,
//   40 320, 38 391; compus_loop.mp3: 287 973, 288 000, 286 054.
// - sox: for lossless files, the first 16 hex digits of the SHA-256 of `sox f -t f32 -`, the
//   interleaved 32-bit float samples (little-endian). Decoding must match sox bit for bit.
// - ffmpeg: for lossy files, [frame, value] of channel 0 from `ffmpeg -i f -f f32le -` at
//   spread-out frames and at the peak and the frame after it (which catch any misalignment).
//   Different decoders of the same MP3 or Vorbis stream agree to about 4e-6.
// - peakDb: peak sample level in dBFS of the reference decode (sox or ffmpeg), to 0.01 dB.

const read = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(samplePack, file)));

interface Expected {
  format: DecodedAudio['format'];
  encoding: DecodedAudio['encoding'];
  bitDepth: number;
  rate: number;
  channels: number;
  frames: number;
  peakDb: number;
  sox?: string;
  ffmpeg?: [frame: number, value: number][];
}

const expected: [string, Expected][] = [
  ['Atmos/ambi_choir.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 69_305, peakDb: -4.03, sox: '32ed6d20bee81775' }],
  ['Atmos/ambi_drone.aif', { format: 'aiff', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 194_412, peakDb: -6.67, sox: 'e264f263175ff09e' }],
  ['Atmos/ambi_lunar_land.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 326_086, peakDb: -0.96, sox: 'f2de9fef3fd0790f' }],
  ['Bass/bass_dnb_F.mp3', { format: 'mp3', bitDepth: 0, encoding: 'lossy', rate: 44_100, channels: 2, frames: 38_391, peakDb: -5.17, ffmpeg: [[2742, 0.3005], [8226, -0.12312], [13711, 0.0508319], [19195, -0.270464], [24679, 0.0280101], [27261, -0.551707], [27262, -0.491503], [30164, 0.0159569], [35648, -0.131529]] }],
  ['Bass/bass_hard_C.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 66_150, peakDb: 0, sox: '5d7afb4eb790af20' }],
  ['Bass/bass_voxy_C.wav', { format: 'wav', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 274_950, peakDb: 0, sox: '340433bc66f92c32' }],
  ['Drums/Hats & Perc/hat_closed.wav', { format: 'wav', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 1, frames: 9126, peakDb: -0.86, sox: '34d8e39c946ac2b8' }],
  ['Drums/Hats & Perc/hat_open.ogg', { format: 'ogg', bitDepth: 0, encoding: 'lossy', rate: 44_100, channels: 1, frames: 79_573, peakDb: 0.93, ffmpeg: [[677, 1.11337], [678, 0.253213], [5683, 0.317147], [17051, 0.0707448], [28418, 0.00787259], [39786, 0.0238553], [51154, -0.00937573], [62521, 0.0111825], [73889, -0.00144035]] }],
  ['Drums/Hats & Perc/perc_bell.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 296_317, peakDb: -1.3, sox: 'd8020b1464d0b889' }],
  ['Drums/Hats & Perc/tabla_na_mono.wav', { format: 'wav', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 1, frames: 31_744, peakDb: 0, sox: 'b788f4c5dbc84b8a' }],
  ['Drums/Kicks/bd_boom.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 75_600, peakDb: -0.73, sox: '058f5bfddeb31cf0' }],
  ['Drums/Kicks/bd_fat_24bit.wav', { format: 'wav', bitDepth: 24, encoding: 'pcm', rate: 44_100, channels: 1, frames: 10_240, peakDb: -6.06, sox: 'b4f191ff1e8fc1a4' }],
  ['Drums/Kicks/bd_haus.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 9699, peakDb: 0, sox: 'd1be2ed8b0a54024' }],
  ['Drums/Kicks/bd_klub_48k.wav', { format: 'wav', bitDepth: 16, encoding: 'pcm', rate: 48_000, channels: 2, frames: 17_704, peakDb: 0, sox: 'ac9d992b74e6a690' }],
  ['Drums/Kicks/bd_tek.mp3', { format: 'mp3', bitDepth: 0, encoding: 'lossy', rate: 44_100, channels: 2, frames: 10_595, peakDb: -0.22, ffmpeg: [[756, -0.00922617], [992, -0.974724], [993, -0.945645], [2270, -0.637315], [3783, -0.248862], [5297, -0.444383], [6811, 0.0725156], [8324, 0.145802], [9838, -0.0131924]] }],
  ['Drums/Snares/sn_dolf.aiff', { format: 'aiff', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 16_652, peakDb: -0.24, sox: 'd152222bcf3a935c' }],
  ['Drums/Snares/sn_dub_8bit.wav', { format: 'wav', bitDepth: 8, encoding: 'pcm', rate: 44_100, channels: 2, frames: 12_265, peakDb: -0.14, sox: '27b6fc59a1bf43e5' }],
  ['Drums/Snares/sn_generic.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 24_055, peakDb: -0.1, sox: '876e9b8158dd859e' }],
  ['Drums/Snares/sn_zome_float.wav', { format: 'wav', bitDepth: 32, encoding: 'float', rate: 44_100, channels: 2, frames: 21_113, peakDb: -0.14, sox: 'd3ea0eb9ead5e111' }],
  ['Loops/amen_break_137bpm.wav', { format: 'wav', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 77_321, peakDb: -0.27, sox: '5a20fa329d415d9e' }],
  ['Loops/compus_loop.mp3', { format: 'mp3', bitDepth: 0, encoding: 'lossy', rate: 44_100, channels: 2, frames: 286_054, peakDb: -2.92, ffmpeg: [[20432, 0.0178706], [61297, 0.000864537], [102162, -0.0187017], [143027, 0.00035962], [183891, -0.00650723], [215594, 0.714157], [215595, 0.213056], [224756, -0.0137562], [265621, 0.00117461]] }],
  ['Loops/garzul_120bpm_Cmin_96k.wav', { format: 'wav', bitDepth: 24, encoding: 'pcm', rate: 96_000, channels: 2, frames: 768_000, peakDb: -0.89, sox: '00686473ff900544' }],
  ['Loops/industrial_loop.ogg', { format: 'ogg', bitDepth: 0, encoding: 'lossy', rate: 44_100, channels: 2, frames: 38_973, peakDb: 3.39, ffmpeg: [[2783, -0.259632], [8351, -0.0188888], [13918, 0.00394332], [19486, -0.010073], [19591, -1.23926], [19592, -0.173878], [25054, -0.225465], [30621, 0.118621], [36189, 0.086387]] }],
  ['Loops/loop_breakbeat.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 84_000, peakDb: -0.18, sox: 'df0f05834dfdd289' }],
  ['Loops/loop_mika.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 352_800, peakDb: 0, sox: '3d6be8936bd035ef' }],
  ['Vocal-ish FX/cineboom.ogg', { format: 'ogg', bitDepth: 0, encoding: 'lossy', rate: 44_100, channels: 2, frames: 349_390, peakDb: -3.17, ffmpeg: [[24956, -0.0060349], [73474, -0.683058], [73475, -0.574073], [74869, 0.118046], [124782, -0.0475685], [174695, -0.0254596], [224607, 0.101365], [274520, 0.044218], [324433, -0.00258296]] }],
  ['Vocal-ish FX/elec_chime.flac', { format: 'flac', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 1, frames: 100_440, peakDb: 0, sox: 'db7c13f761c05690' }],
  ['Vocal-ish FX/glitch_robot.wav', { format: 'wav', bitDepth: 16, encoding: 'pcm', rate: 44_100, channels: 2, frames: 45_118, peakDb: -0.1, sox: 'bd77876f15b7ebef' }],
];

/** The deliberately damaged files: each is refused, with this code and message fragment. */
const broken: [string, ErrorCode, string][] = [
  ['_broken/empty.wav', 'bad-format', 'not an audio file: empty.wav'],
  ['_broken/readme-not-audio.wav', 'bad-format', 'not an audio file: readme-not-audio.wav'],
  ['_broken/truncated.flac', 'bad-format', 'truncated FLAC file: truncated.flac declares 8.0 s of audio but holds 0.19 s'],
  ['_broken/truncated.wav', 'bad-format', 'truncated WAV file: truncated.wav declares 1.8 s of audio but holds 0.017 s'],
];

/**
 * In _broken/ but not damaged: an MP3 named .wav. decodeAudio reads the content and decodes it
 * exactly like its twin, with a note that the name lies and what to rename it to.
 */
const misnamed: [string, string][] = [['_broken/misnamed_mp3.wav', 'Drums/Kicks/bd_tek.mp3']];

/** Each pack file is decoded once and shared by the tests that look at it. */
const decodes = new Map<string, Promise<DecodedAudio>>();
const decode = (file: string): Promise<DecodedAudio> => {
  let decoded = decodes.get(file);
  if (!decoded) {
    decoded = decodeAudio(read(file), path.basename(file));
    // Rejections are awaited by the test that asked; keep the map from reporting them twice.
    decoded.catch(() => undefined);
    decodes.set(file, decoded);
  }
  return decoded;
};

function interleaved(audio: DecodedAudio): Uint8Array {
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const out = new Float32Array(frames * channels);
  audio.channels.forEach((channel, c) => channel.forEach((x, i) => (out[i * channels + c] = x)));
  return new Uint8Array(out.buffer);
}

function peakDb(audio: DecodedAudio): number {
  let peak = 0;
  for (const channel of audio.channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
  return 20 * Math.log10(peak);
}

async function expectRejection(run: Promise<unknown>, code: ErrorCode, fragment: string): Promise<void> {
  const error: unknown = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GlowroomError);
  expect((error as GlowroomError).code).toBe(code);
  expect((error as GlowroomError).message).toContain(fragment);
}

describe('decodeAudio on the sample pack', () => {
  it('has an expectation for every file in the pack', () => {
    const found = readdirSync(samplePack, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'LICENSE.txt')
      .map((entry) => path.relative(samplePack, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    const listed = [...expected.map(([file]) => file), ...broken.map(([file]) => file), ...misnamed.map(([file]) => file)];
    expect(found.sort()).toEqual(listed.sort());
  });

  it.each(expected)('decodes %s with the rate, channels and length of the reference tools', async (file, want) => {
    const audio = await decode(file);
    expect(audio).toMatchObject({ format: want.format, encoding: want.encoding, bitDepth: want.bitDepth, sampleRate: want.rate });
    expect(audio.channels.map((channel) => channel.length)).toEqual(Array(want.channels).fill(want.frames));
  });

  it.each(expected)('decodes %s to a plausible level, the reference peak', async (file, want) => {
    const peak = peakDb(await decode(file));
    // Lossless files cannot exceed full scale. Lossy decoders legitimately overshoot it where
    // the source was clipped or normalised to 0 dBFS (ffmpeg decodes industrial_loop.ogg to
    // +3.39 dBFS too); their check is the reference peak itself.
    expect(peak).toBeGreaterThan(-40);
    expect(peak).toBeLessThan(want.encoding === 'lossy' ? 6 : 0.1);
    expect(peak).toBeCloseTo(want.peakDb, 1);
  });

  it.each(expected.filter(([, want]) => want.sox))('decodes %s exactly as sox does', async (file, want) => {
    const digest = createHash('sha256').update(interleaved(await decode(file))).digest('hex');
    expect(digest.slice(0, 16)).toBe(want.sox);
  });

  it.each(expected.filter(([, want]) => want.ffmpeg))('decodes %s in step with ffmpeg', async (file, want) => {
    const channel = (await decode(file)).channels[0] ?? new Float32Array(0);
    for (const [frame, value] of want.ffmpeg ?? []) {
      expect(Math.abs((channel[frame] ?? NaN) - value), `frame ${frame}`).toBeLessThan(1e-4);
    }
  });

  it.each(broken)('refuses %s with a helpful error', async (file, code, fragment) => {
    await expectRejection(decode(file), code, fragment);
  });

  it.each(misnamed)('decodes %s, whose name lies, as what it holds (like %s), with a note naming the fix', async (file, twin) => {
    const [audio, renamed, reference] = await Promise.all([decode(file), decodeAudio(read(file), 'renamed.mp3'), decode(twin)]);
    expect(audio.format).toBe('mp3');
    expect(audio.channels).toEqual(reference.channels);
    expect(audio.notes).toEqual(['misnamed_mp3.wav holds MP3 audio although it is named .wav; it was opened as MP3. Rename it to end in .mp3 so other programs read it too.']);
    expect(renamed.notes).toBeUndefined();
  });
});

describe('decodeAudio refuses damaged copies of the pack files', () => {
  const truncatedMessage: Record<DecodedAudio['format'], string> = {
    wav: 'truncated WAV file',
    rf64: 'truncated WAV file',
    aiff: 'truncated AIFF file',
    aifc: 'truncated AIFF file',
    flac: 'truncated FLAC file',
    mp3: 'truncated MP3 file',
    ogg: 'truncated Ogg file',
  };

  it.each(expected)('%s cut short', async (file, want) => {
    const bytes = read(file);
    for (const keep of [0.5, 0.97]) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * keep));
      await expectRejection(decodeAudio(cut, 'cut'), 'bad-format', truncatedMessage[want.format]);
    }
  });

  it.each(expected.filter(([, want]) => want.format === 'flac' || want.format === 'ogg'))(
    '%s with corrupted audio fails its checksum',
    async (file) => {
      const bytes = read(file).slice();
      const middle = Math.floor(bytes.length / 2);
      for (let i = middle; i < middle + 16; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
      await expectRejection(decodeAudio(bytes, 'corrupt'), 'bad-format', 'fails its checksum');
    },
  );

  it('a FLAC file missing its last frame', async () => {
    const bytes = read('Drums/Kicks/bd_haus.flac');
    // The last frame starts at the last frame sync; the file then ends cleanly after the one before.
    let last = bytes.length - 2;
    while (!(bytes[last] === 0xff && bytes[last + 1] === 0xf8)) last--;
    await expectRejection(decodeAudio(bytes.subarray(0, last), 'short.flac'), 'bad-format', 'truncated FLAC file: short.flac declares 0.22 s');
  });
});

describe('decodeAudio reads ID3-tagged files and refuses other Ogg codecs', () => {
  /** An ID3v2.4 tag with a single TIT2 frame. */
  const id3 = (() => {
    const text = Uint8Array.from('\x03Glow', (char) => char.charCodeAt(0));
    const frame = Uint8Array.of(...[...'TIT2'].map((c) => c.charCodeAt(0)), 0, 0, 0, text.length, 0, 0, ...text);
    return Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, frame.length, ...frame);
  })();

  it('a FLAC file behind an ID3v2 tag decodes as FLAC', async () => {
    const flac = read('Drums/Kicks/bd_haus.flac');
    const tagged = new Uint8Array([...id3, ...flac]);
    expect(sniffFormat(tagged)).toBe('flac');
    expect((await decodeAudio(tagged, 'tagged.flac')).channels).toEqual((await decodeAudio(flac, 'plain.flac')).channels);
  });

  it('an MP3 file behind an ID3v2 tag decodes as MP3', async () => {
    const mp3 = read('Drums/Kicks/bd_tek.mp3');
    const tagged = new Uint8Array([...id3, ...mp3]);
    expect(sniffFormat(tagged)).toBe('mp3');
    expect((await decodeAudio(tagged, 'tagged.mp3')).channels).toEqual((await decodeAudio(mp3, 'plain.mp3')).channels);
  });

  /** One Ogg page (beginning of stream) holding one packet, with its CRC. */
  function oggPage(packet: Uint8Array): Uint8Array {
    const page = new Uint8Array(28 + packet.length);
    page.set([0x4f, 0x67, 0x67, 0x53, 0, 0x02]);
    page[26] = 1;
    page[27] = packet.length;
    page.set(packet, 28);
    let crc = 0;
    for (const byte of page) {
      crc ^= byte << 24;
      for (let bit = 0; bit < 8; bit++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
    }
    new DataView(page.buffer).setUint32(22, crc >>> 0, true);
    return page;
  }
  const bytesOf = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));

  it.each([
    ['OpusHead\x01\x02\x38\x01\x80\xbb\0\0\0\0\0', 'Ogg Opus'],
    ['\x7fFLAC\x01\x00\x00\x01fLaC', 'Ogg FLAC'],
    ['Speex   1.2', 'Ogg Speex'],
    ['\x00whatever', 'Ogg data of an unknown codec'],
  ])('an Ogg stream starting %j is unsupported', async (head, named) => {
    await expectRejection(decodeAudio(oggPage(bytesOf(head)), 'other.ogg'), 'unsupported', `other.ogg holds ${named}, which is not supported yet`);
  });

  it('the test page builder makes pages the decoder accepts', async () => {
    // A Vorbis identification header alone: the pages check out, then the stream ends early.
    const ident = bytesOf('\x01vorbis\0\0\0\0\x02\x44\xac\0\0\0\0\0\0\0\xf4\x01\0\0\0\0\0\0\xb8\x01');
    await expectRejection(decodeAudio(oggPage(ident), 'short.ogg'), 'bad-format', 'truncated Ogg file: short.ogg');
  });
});

describe('sniffFormat', () => {
  /** Seeded bytes so failures reproduce. */
  function random(length: number, seed: number): Uint8Array {
    let state = seed;
    return Uint8Array.from({ length }, () => {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state >>> 24;
    });
  }

  it('does not take random bytes for MP3, even when they start with a frame sync', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const bytes = random(2048, seed);
      bytes[0] = 0xff;
      bytes[1] = 0xe0 | (bytes[1] ?? 0);
      expect(sniffFormat(bytes)).toBe('unknown');
    }
  });

  it('does not take one valid MPEG frame header followed by garbage for MP3', () => {
    const bytes = random(4096, 99);
    bytes.set([0xff, 0xfb, 0x90, 0x64]); // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417 bytes
    bytes[417] = 0;
    expect(sniffFormat(bytes)).toBe('unknown');
    bytes.set([0xff, 0xfb, 0x90, 0x64], 417);
    expect(sniffFormat(bytes)).toBe('mp3');
  });

  it('recognises every pack file by its content', () => {
    const byExtension: Record<string, string> = { wav: 'wav', aif: 'aiff', aiff: 'aiff', flac: 'flac', mp3: 'mp3', ogg: 'ogg' };
    for (const [file] of expected) expect(sniffFormat(read(file)), file).toBe(byExtension[file.split('.').pop() ?? '']);
  });

  it('says "not an audio file" for random bytes', async () => {
    await expectRejection(decodeAudio(random(1000, 5), 'noise.bin'), 'bad-format', 'not an audio file: noise.bin');
  });
});
