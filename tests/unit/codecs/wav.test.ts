import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { decodeWav } from '../../../src/codecs/wav';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { GlowroomError, type ErrorCode } from '../../../src/std/errors';

// Little byte builders, so every header in these tests is spelled out field by field.
const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const u16 = (n: number): Uint8Array => new Uint8Array(new Uint16Array([n]).buffer);
const u32 = (n: number): Uint8Array => new Uint8Array(new Uint32Array([n]).buffer);
const u64 = (n: number): Uint8Array => concat(u32(n % 2 ** 32), u32(Math.floor(n / 2 ** 32)));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
};
/** A chunk with its pad byte; `declared` overrides the size field. */
const chunk = (id: string, body: Uint8Array, declared = body.length): Uint8Array =>
  concat(ascii(id), u32(declared), body, new Uint8Array(body.length % 2));
const riff = (...chunks: Uint8Array[]): Uint8Array => {
  const body = concat(ascii('WAVE'), ...chunks);
  return concat(ascii('RIFF'), u32(body.length), body);
};

interface FmtFields {
  tag: number;
  channels: number;
  rate: number;
  bits: number;
}
const fmtBody = ({ tag, channels, rate, bits }: FmtFields): Uint8Array => {
  const blockAlign = channels * Math.ceil(bits / 8);
  const byteRate = rate * blockAlign;
  return concat(u16(tag), u16(channels), u32(rate), u32(byteRate), u16(blockAlign), u16(bits));
};
const fmt = (fields: FmtFields): Uint8Array => chunk('fmt ', fmtBody(fields));
const GUID_SUFFIX = [
  0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71,
];
/** WAVE_FORMAT_EXTENSIBLE: cbSize 22, valid bits, channel mask, then the subformat GUID. */
const extensibleFmt = (
  fields: Omit<FmtFields, 'tag'> & { subformat: number; validBits?: number; guidSuffix?: number[] },
): Uint8Array =>
  chunk(
    'fmt ',
    concat(
      fmtBody({ ...fields, tag: 0xfffe }),
      u16(22),
      u16(fields.validBits ?? fields.bits),
      u32((1 << fields.channels) - 1),
      u16(fields.subformat),
      Uint8Array.from(fields.guidSuffix ?? GUID_SUFFIX),
    ),
  );

/** The sample bytes of a PCM file written by encodeWav (its header is 44 bytes). */
const pcmData = (file: Uint8Array): Uint8Array => file.subarray(44);
const encodePcm = (rate: number, channels: Float32Array[], bitDepth: 16 | 24 | 32): Uint8Array =>
  encodeWav({ sampleRate: rate, channels }, { bitDepth });
/** Sample bytes as typed arrays hold them (little-endian, like every machine this runs on). */
const rawBytes = (samples: Float32Array | Float64Array): Uint8Array => new Uint8Array(samples.buffer);

/** Seeded values in [-1, 1) so failures reproduce. */
function noise(length: number, seed: number): Float32Array {
  let state = seed;
  return Float32Array.from({ length }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** Values exactly on the integer grid of `bits`, including both extremes. */
function grid(bits: number, length: number, seed: number): Float32Array {
  const scale = 2 ** (bits - 1);
  const values = noise(length, seed).map((x) => Math.floor(x * scale) / scale);
  values[0] = -1;
  values[1] = (scale - 1) / scale;
  values[2] = 0;
  return values;
}

function expectError(run: () => unknown, code: ErrorCode, fragment: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(GlowroomError);
  expect((caught as GlowroomError).code).toBe(code);
  expect((caught as GlowroomError).message).toContain(fragment);
}

describe('decodeWav round trips through encodeWav', () => {
  it.each([16, 24, 32] as const)('%i-bit PCM gives back every value on the grid', (bits) => {
    const channels = [grid(bits, 1000, 1), grid(bits, 1000, 2)];
    const decoded = decodeWav(encodePcm(44_100, channels, bits));
    expect(decoded).toMatchObject({ format: 'wav', encoding: 'pcm', bitDepth: bits, sampleRate: 44_100 });
    expect(decoded.channels).toEqual(channels);
  });

  it.each([16, 24] as const)('%i-bit PCM is within half a step of any input', (bits) => {
    const input = noise(5000, 3);
    const [output] = decodeWav(encodePcm(48_000, [input], bits)).channels;
    const worst = input.reduce((max, x, i) => Math.max(max, Math.abs(x - (output?.[i] ?? NaN))), 0);
    expect(worst).toBeLessThanOrEqual(2 ** -bits);
  });

  it('clips integer output to full scale and writes NaN as 0', () => {
    const decoded = decodeWav(encodePcm(8000, [Float32Array.from([1.5, -1.5, 1, -1, NaN])], 16));
    expect(Array.from(decoded.channels[0] ?? [])).toEqual([32767 / 32768, -1, 32767 / 32768, -1, 0]);
  });

  it('32-bit float is exact and keeps overs', () => {
    const channels = [Float32Array.from([1.5, -2, 0.25, 1e-30]), noise(4, 4)];
    const file = encodeWav({ sampleRate: 96_000, channels }, { bitDepth: 32, float: true });
    const decoded = decodeWav(file);
    expect(decoded).toMatchObject({ encoding: 'float', bitDepth: 32, sampleRate: 96_000 });
    expect(decoded.channels).toEqual(channels);
  });

  it('keeps six channels apart', () => {
    const channels = Array.from({ length: 6 }, (_, c) => grid(16, 300, 10 + c));
    expect(decodeWav(encodePcm(48_000, channels, 16)).channels).toEqual(channels);
  });

  it('refuses float at a depth other than 32', () => {
    const audio = { sampleRate: 48_000, channels: [new Float32Array(1)] };
    expectError(() => encodeWav(audio, { bitDepth: 16, float: true }), 'invalid-args', 'float');
  });
});

describe('decodeWav sample formats', () => {
  it('reads 8-bit PCM as unsigned around 128', () => {
    const file = riff(
      fmt({ tag: 1, channels: 2, rate: 22_050, bits: 8 }),
      chunk('data', Uint8Array.from([0, 255, 64, 128, 192, 129])),
    );
    const decoded = decodeWav(file);
    expect(decoded).toMatchObject({ encoding: 'pcm', bitDepth: 8, sampleRate: 22_050 });
    expect(decoded.channels.map((channel) => Array.from(channel))).toEqual([
      [-1, -0.5, 0.5],
      [127 / 128, 0, 1 / 128],
    ]);
  });

  it('reads 64-bit float, rounded to 32-bit', () => {
    const values = [0.1, -1, 1.25, 1 / 3];
    const file = riff(
      fmt({ tag: 3, channels: 1, rate: 44_100, bits: 64 }),
      chunk('data', rawBytes(Float64Array.from(values))),
    );
    const decoded = decodeWav(file);
    expect(decoded).toMatchObject({ encoding: 'float', bitDepth: 64 });
    expect(Array.from(decoded.channels[0] ?? [])).toEqual(values.map(Math.fround));
  });

  it.each([0, 1, 2, 3])('reads stereo 24-bit PCM as its bytes say, an odd frame count, the audio %i byte(s) past a word boundary', (shift) => {
    // Every byte pattern (full scale, sign bits, carries between bytes), wherever the words fall.
    const frames = 1001;
    const data = Uint8Array.from(noise(frames * 6, 11 + shift), (x) => Math.floor((x + 1) * 128) & 0xff);
    const file = riff(fmt({ tag: 1, channels: 2, rate: 48_000, bits: 24 }), chunk('data', data));
    const held = new Uint8Array(file.length + shift);
    held.set(file, shift);
    const sample = (frame: number, channel: number) => {
      const at = frame * 6 + channel * 3;
      const value = (data[at] as number) | ((data[at + 1] as number) << 8) | ((data[at + 2] as number) << 16);
      return (value >= 2 ** 23 ? value - 2 ** 24 : value) / 2 ** 23;
    };
    const decoded = decodeWav(held.subarray(shift));
    expect(decoded.channels.map((plane) => Array.from(plane))).toEqual([0, 1].map((channel) => Array.from({ length: frames }, (_, frame) => sample(frame, channel))));
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with a PCM subformat', () => {
    const channels = [grid(24, 200, 5), grid(24, 200, 6), grid(24, 200, 7)];
    const file = riff(
      extensibleFmt({ channels: 3, rate: 48_000, bits: 24, subformat: 1 }),
      chunk('data', pcmData(encodePcm(48_000, channels, 24))),
    );
    const decoded = decodeWav(file);
    expect(decoded).toMatchObject({ encoding: 'pcm', bitDepth: 24, sampleRate: 48_000 });
    expect(decoded.channels).toEqual(channels);
  });

  it('reads 20 valid bits left-justified in a 24-bit extensible container', () => {
    const channels = [grid(20, 100, 8)];
    const file = riff(
      extensibleFmt({ channels: 1, rate: 48_000, bits: 24, validBits: 20, subformat: 1 }),
      chunk('data', pcmData(encodePcm(48_000, channels, 24))),
    );
    expect(decodeWav(file).channels).toEqual(channels);
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with a float subformat', () => {
    const file = riff(
      extensibleFmt({ channels: 2, rate: 48_000, bits: 32, subformat: 3 }),
      chunk('data', rawBytes(Float32Array.from([0.5, -0.75, 1.5, 0]))),
    );
    expect(decodeWav(file).channels).toEqual([Float32Array.from([0.5, 1.5]), Float32Array.from([-0.75, 0])]);
  });

  it('rejects an extensible subformat that is not PCM or float', () => {
    const ambisonic = [0x21, 0x07, 0xd3, 0x11, 0x86, 0x44, 0xc8, 0xc1, 0xca, 0x00, 0x00, 0x00, 0x00, 0x00];
    const file = riff(
      extensibleFmt({ channels: 4, rate: 48_000, bits: 16, subformat: 1, guidSuffix: ambisonic }),
      chunk('data', new Uint8Array(8)),
    );
    expectError(() => decodeWav(file, 'bformat.wav'), 'unsupported', 'convert it to PCM WAV');
  });
});

describe('decodeWav chunk layout', () => {
  const tone = Float32Array.from([0.5, -0.5, 0.25, -0.25, 0]);
  const data = pcmData(encodePcm(8000, [tone], 16));
  const mono16 = fmt({ tag: 1, channels: 1, rate: 8000, bits: 16 });

  it('skips unknown chunks, honouring the pad byte of an odd size', () => {
    const file = riff(
      chunk('JUNK', ascii('odd')),
      mono16,
      chunk('bext', ascii('x')),
      chunk('data', data),
      chunk('LIST', ascii('tail!')),
    );
    expect(decodeWav(file).channels).toEqual([tone]);
  });

  it('reads an odd-sized data chunk followed by another chunk', () => {
    const file = riff(
      fmt({ tag: 1, channels: 1, rate: 8000, bits: 8 }),
      chunk('data', Uint8Array.from([128, 192, 64])),
      chunk('LIST', ascii('meta')),
    );
    expect(Array.from(decodeWav(file).channels[0] ?? [])).toEqual([0, 0.5, -0.5]);
  });

  it('finds a format chunk that comes after the data', () => {
    expect(decodeWav(riff(chunk('data', data), mono16)).channels).toEqual([tone]);
  });

  it.each([0, 0xffffffff])('reads data declared with size %i to the end, minus a partial frame', (size) => {
    const file = riff(mono16, ascii('data'), u32(size), data, Uint8Array.from([7]));
    expect(decodeWav(file).channels).toEqual([tone]);
  });

  it('ignores a RIFF size field that disagrees with the file', () => {
    const file = riff(mono16, chunk('data', data));
    file.set(u32(12), 4);
    expect(decodeWav(file).channels).toEqual([tone]);
  });

  it('tolerates a damaged chunk after the audio', () => {
    const file = riff(mono16, chunk('data', data), ascii('LIST'), u32(1000));
    expect(decodeWav(file).channels).toEqual([tone]);
  });

  const twoData = "damaged: it holds two audio ('data') chunks";

  it.each([
    ['right after the first', [mono16, chunk('data', data), chunk('data', data)]],
    ['after other chunks', [mono16, chunk('data', data), chunk('LIST', ascii('odd')), chunk('cue ', new Uint8Array(4)), chunk('data', data)]],
    ['before the format chunk', [chunk('data', data), chunk('data', data), mono16]],
  ])('refuses a second data chunk %s', (_where, chunks) => {
    const file = riff(...chunks);
    expectError(() => decodeWav(file, 'twice.wav'), 'bad-format', `twice.wav is ${twoData}`);
  });

  it('refuses the fuzz splice: a copy of the format chunk in the last bytes of the audio, a whole data chunk after it', () => {
    // Fuzz case 18070 (seed 1378379573): the first 'data' chunk declares its full size, but its
    // last 24 bytes are a copy of the 'fmt ' chunk; the real audio follows in a second chunk.
    const audio = pcmData(encodePcm(8000, [noise(40, 3)], 16));
    const spliced = concat(audio.subarray(0, audio.length - mono16.length), mono16);
    const file = riff(mono16, chunk('data', spliced), chunk('data', audio));
    expectError(() => decodeWav(file, 'spliced.wav'), 'bad-format', `spliced.wav is ${twoData}`);
  });

  it('does not look further than 64 chunks past the audio, nor past a size that leaves the file', () => {
    const many = Array.from({ length: 64 }, () => chunk('JUNK', new Uint8Array(2)));
    expect(decodeWav(riff(mono16, chunk('data', data), ...many, chunk('data', data))).channels).toEqual([tone]);
    expect(decodeWav(riff(mono16, chunk('data', data), ascii('LIST'), u32(1000), chunk('data', data))).channels).toEqual([tone]);
  });
});

describe('decodeWav RF64', () => {
  const tone = grid(24, 10, 9);
  const data = pcmData(encodePcm(48_000, [tone], 24));
  const mono24 = fmt({ tag: 1, channels: 1, rate: 48_000, bits: 24 });
  /** ds64: RIFF size, data size, sample count, then a table of other chunks' 64-bit sizes. */
  const ds64 = (dataSize: number, table: [string, number][] = []): Uint8Array => {
    const entries = table.flatMap(([id, size]) => [ascii(id), u64(size)]);
    return chunk('ds64', concat(u64(0), u64(dataSize), u64(0), u32(table.length), ...entries));
  };
  const rf64 = (...chunks: Uint8Array[]): Uint8Array =>
    concat(ascii('RF64'), u32(0xffffffff), ascii('WAVE'), ...chunks);
  const bigData = chunk('data', data, 0xffffffff);

  it('takes the data size from ds64, not from the end of the file', () => {
    const decoded = decodeWav(rf64(ds64(data.length), mono24, bigData, chunk('LIST', ascii('after'))));
    expect(decoded).toMatchObject({ format: 'rf64', encoding: 'pcm', bitDepth: 24, sampleRate: 48_000 });
    expect(decoded.channels).toEqual([tone]);
  });

  it('takes other chunk sizes from the ds64 table', () => {
    const junk = chunk('JUNK', ascii('padded'), 0xffffffff);
    expect(decodeWav(rf64(ds64(data.length, [['JUNK', 6]]), junk, mono24, bigData)).channels).toEqual([tone]);
  });

  it('accepts the BW64 magic', () => {
    const file = rf64(ds64(data.length), mono24, bigData);
    file.set(ascii('BW64'), 0);
    expect(decodeWav(file).channels).toEqual([tone]);
  });

  it('requires the ds64 chunk first', () => {
    expectError(() => decodeWav(rf64(mono24, chunk('data', data)), 'x.wav'), 'bad-format', "'ds64'");
  });

  it('reports a ds64 data size beyond the file as truncation', () => {
    const file = rf64(ds64(2 ** 33), mono24, bigData);
    expectError(() => decodeWav(file, 'big.wav'), 'bad-format', 'truncated WAV file: big.wav declares 59652.3 s');
  });

  it('rejects a 64-bit size missing from the ds64 table', () => {
    const file = rf64(ds64(data.length), chunk('JUNK', ascii('xx'), 0xffffffff), mono24, bigData);
    expectError(() => decodeWav(file, 'table.wav'), 'bad-format', "'JUNK'");
  });
});

describe('decodeWav errors', () => {
  const mono16 = fmt({ tag: 1, channels: 1, rate: 8000, bits: 16 });
  const silence = (bytes: number): Uint8Array => chunk('data', new Uint8Array(bytes));
  const id3Header = Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]);
  const mpegFrame = concat(Uint8Array.from([0xff, 0xfb, 0x90, 0x64]), new Uint8Array(400));

  it.each([
    ['empty', new Uint8Array(0)],
    ['text', ascii('hello, this is a README\n')],
    ['mp3 bytes', concat(id3Header, mpegFrame)],
    ['a bare MPEG frame', mpegFrame],
    ['an AVI file', concat(ascii('RIFF'), u32(4), ascii('AVI '))],
  ])('says %s is not a WAV file', (_, bytes) => {
    expectError(() => decodeWav(bytes, 'song.wav'), 'bad-format', 'not a WAV file: song.wav');
  });

  it('says how much audio a truncated file is missing', () => {
    const cut = encodePcm(8000, [new Float32Array(9600)], 16).subarray(0, 44 + 0.4 * 16_000);
    expectError(
      () => decodeWav(cut, 'cut.wav'),
      'bad-format',
      'truncated WAV file: cut.wav declares 1.2 s of audio but holds 0.4 s',
    );
  });

  it('reports a file that ends inside a chunk before the audio', () => {
    const file = riff(mono16, ascii('LIST'), u32(100), ascii('shrt'));
    expectError(() => decodeWav(file, 'meta.wav'), 'bad-format', 'truncated WAV file: meta.wav');
  });

  it.each([
    [0x0002, 'format tag 0x0002 (Microsoft ADPCM)'],
    [0x0007, 'format tag 0x0007 (µ-law)'],
    [0x1234, 'format tag 0x1234,'],
  ])('names unsupported format tag %i and suggests PCM', (tag, fragment) => {
    const file = riff(fmt({ tag, channels: 1, rate: 8000, bits: 8 }), silence(8));
    expectError(() => decodeWav(file, 'odd.wav'), 'unsupported', fragment);
    expectError(() => decodeWav(file, 'odd.wav'), 'unsupported', 'convert it to PCM WAV');
  });

  it('rejects float at an unsupported width', () => {
    const file = riff(fmt({ tag: 3, channels: 1, rate: 8000, bits: 16 }), silence(8));
    expectError(() => decodeWav(file, 'half.wav'), 'unsupported', '16-bit float');
  });

  it('rejects big-endian RIFX', () => {
    const file = concat(ascii('RIFX'), u32(4), ascii('WAVE'));
    expectError(() => decodeWav(file, 'mac.wav'), 'unsupported', 'RIFX');
  });

  // Stereo 24-bit frames are 6 bytes; this one claims 8.
  const stereo24 = fmtBody({ tag: 1, channels: 2, rate: 8000, bits: 24 });
  const wrongBlockAlign = concat(stereo24.subarray(0, 12), u16(8), u16(24));
  it.each([
    ['no format chunk', riff(silence(4)), "no format ('fmt ') chunk"],
    ['no data chunk', riff(mono16, chunk('LIST', ascii('info'))), "no audio ('data') chunk"],
    ['a short format chunk', riff(chunk('fmt ', new Uint8Array(12)), silence(4)), 'format chunk is too short'],
    ['zero channels', riff(fmt({ tag: 1, channels: 0, rate: 8000, bits: 16 }), silence(4)), 'inconsistent'],
    ['a wrong block align', riff(chunk('fmt ', wrongBlockAlign), silence(16)), 'inconsistent'],
  ])('reports %s as damage', (_, file, fragment) => {
    expectError(() => decodeWav(file, 'bad.wav'), 'bad-format', 'bad.wav is damaged: ');
    expectError(() => decodeWav(file, 'bad.wav'), 'bad-format', fragment);
  });

  it('never fails with anything but a GlowroomError on cut or corrupted input', () => {
    const tone = grid(16, 64, 11);
    const samples = pcmData(encodePcm(8000, [tone, tone], 16));
    const stereo16 = fmt({ tag: 1, channels: 2, rate: 8000, bits: 16 });
    const extensible = extensibleFmt({ channels: 2, rate: 8000, bits: 16, subformat: 1 });
    const ds64 = chunk('ds64', concat(u64(0), u64(samples.length), u64(64), u32(0)));
    const seeds = [
      encodePcm(8000, [tone, tone], 24),
      encodeWav({ sampleRate: 8000, channels: [tone] }, { bitDepth: 32, float: true }),
      riff(extensible, chunk('JUNK', ascii('odd')), chunk('data', samples)),
      riff(chunk('data', samples), extensible),
      concat(ascii('RF64'), u32(0xffffffff), ascii('WAVE'), ds64, stereo16, chunk('data', samples, 0xffffffff)),
    ];
    const random = noise(40_000, 12);
    let r = 0;
    const next = (): number => ((random[r++ % random.length] ?? 0) + 1) / 2;
    const variants = seeds.flatMap((file) => [
      ...Array.from({ length: file.length }, (_, length) => file.subarray(0, length)),
      ...Array.from({ length: 2000 }, () => {
        const damaged = file.slice();
        for (let hits = 1 + Math.floor(next() * 4); hits > 0; hits--) {
          damaged[Math.floor(next() * damaged.length)] = next() < 0.3 ? 0xff : Math.floor(next() * 256);
        }
        return next() < 0.5 ? damaged : damaged.subarray(0, Math.floor(next() * damaged.length));
      }),
    ]);
    for (const bytes of variants) {
      try {
        decodeWav(bytes, 'fuzz.wav');
      } catch (error) {
        expect(error).toBeInstanceOf(GlowroomError);
      }
    }
  });
});

describe('decodeWav on the sample pack', () => {
  const pack = path.resolve(__dirname, '../../../../shared/fixtures/sample-pack');
  const read = (file: string): Uint8Array => new Uint8Array(readFileSync(path.join(pack, file)));

  // file, then what `soxi -r`, `-c`, `-s`, `-b` and `-e` report for it.
  const expected = [
    ['Bass/bass_voxy_C.wav', 44_100, 2, 274_950, 16, 'pcm'],
    ['Drums/Hats & Perc/hat_closed.wav', 44_100, 1, 9126, 16, 'pcm'],
    ['Drums/Hats & Perc/tabla_na_mono.wav', 44_100, 1, 31_744, 16, 'pcm'],
    ['Drums/Kicks/bd_fat_24bit.wav', 44_100, 1, 10_240, 24, 'pcm'],
    ['Drums/Kicks/bd_klub_48k.wav', 48_000, 2, 17_704, 16, 'pcm'],
    ['Drums/Snares/sn_dub_8bit.wav', 44_100, 2, 12_265, 8, 'pcm'],
    ['Drums/Snares/sn_zome_float.wav', 44_100, 2, 21_113, 32, 'float'],
    ['Loops/amen_break_137bpm.wav', 44_100, 2, 77_321, 16, 'pcm'],
    ['Loops/garzul_120bpm_Cmin_96k.wav', 96_000, 2, 768_000, 24, 'pcm'],
    ['Vocal-ish FX/glitch_robot.wav', 44_100, 2, 45_118, 16, 'pcm'],
  ] as const;
  const broken = [
    ['_broken/empty.wav', 'bad-format', 'not a WAV file: empty.wav'],
    ['_broken/misnamed_mp3.wav', 'bad-format', 'not a WAV file: misnamed_mp3.wav'],
    ['_broken/readme-not-audio.wav', 'bad-format', 'not a WAV file: readme-not-audio.wav'],
    ['_broken/truncated.wav', 'bad-format', 'truncated.wav declares 1.8 s of audio but holds 0.017 s'],
  ] as const;

  it('has an expectation for every WAV file in the pack', () => {
    const found = readdirSync(pack, { recursive: true })
      .map((file) => String(file).split(path.sep).join('/'))
      .filter((file) => file.toLowerCase().endsWith('.wav'));
    const listed = [...expected, ...broken].map(([file]) => file);
    expect(found.sort()).toEqual(listed.sort());
  });

  it.each(expected)('decodes %s as soxi describes it', (file, sampleRate, channels, frames, bitDepth, encoding) => {
    const decoded = decodeWav(read(file), path.basename(file));
    expect(decoded).toMatchObject({ format: 'wav', sampleRate, bitDepth, encoding });
    expect(decoded.channels.map((channel) => channel.length)).toEqual(Array(channels).fill(frames));
  });

  it.each(broken)('refuses %s with a helpful error', (file, code, fragment) => {
    expectError(() => decodeWav(read(file), path.basename(file)), code, fragment);
  });
});
