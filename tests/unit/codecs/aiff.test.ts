import { describe, it, expect } from 'vitest';
import { decodeAiff } from '../../../src/codecs/aiff';
import { decodeAudio } from '../../../src/codecs/decode';
import { GlowroomError, type ErrorCode } from '../../../src/std/errors';

// Little byte builders, so every header in these tests is spelled out field by field.
// AIFF is big-endian throughout (only 'sowt' sample data is little-endian).
const ascii = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const be = (bytes: number, write: (view: DataView) => void): Uint8Array => {
  const out = new Uint8Array(bytes);
  write(new DataView(out.buffer));
  return out;
};
const i16 = (n: number): Uint8Array => be(2, (v) => v.setInt16(0, n, false));
const u32 = (n: number): Uint8Array => be(4, (v) => v.setUint32(0, n, false));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
};
/** A chunk with its pad byte; `declared` overrides the size field. */
const chunk = (id: string, body: Uint8Array, declared = body.length): Uint8Array =>
  concat(ascii(id), u32(declared), body, new Uint8Array(body.length % 2));
const form = (type: 'AIFF' | 'AIFC', ...chunks: Uint8Array[]): Uint8Array => {
  const body = concat(ascii(type), ...chunks);
  return concat(ascii('FORM'), u32(body.length), body);
};

/** 80-bit IEEE 754 extended: sign and 15-bit exponent (bias 16383), 64-bit mantissa with its integer bit. */
function extended(value: number): Uint8Array {
  if (value === 0) return new Uint8Array(10);
  const exponent = Math.floor(Math.log2(value));
  const mantissa = BigInt(value * 2 ** (52 - exponent)) << 11n;
  return be(10, (v) => {
    v.setUint16(0, 16383 + exponent, false);
    v.setBigUint64(2, mantissa, false);
  });
}

interface CommFields {
  channels: number;
  frames: number;
  bits: number;
  rate: number;
  /** AIFF-C only: the compression type and its Pascal-string name. */
  compression?: string;
}
const comm = ({ channels, frames, bits, rate, compression }: CommFields): Uint8Array => {
  const fields = concat(i16(channels), u32(frames), i16(bits), extended(rate));
  if (compression === undefined) return chunk('COMM', fields);
  const label = ascii('not compressed');
  return chunk('COMM', concat(fields, ascii(compression), Uint8Array.of(label.length), label));
};
const ssnd = (data: Uint8Array, offset = 0, blockSize = 0): Uint8Array =>
  chunk('SSND', concat(u32(offset), u32(blockSize), new Uint8Array(offset), data));
const fver = chunk('FVER', u32(0xa2805140));

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

/**
 * Interleaved sample bytes, written independently of the decoder: integers of `bytes` width
 * (left-justified: `bits` of significance), or IEEE floats of 4 or 8 bytes.
 */
function samples(
  channels: Float32Array[],
  kind: { int: 1 | 2 | 3 | 4; bits?: number; little?: boolean } | { float: 4 | 8 },
): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const width = 'int' in kind ? kind.int : kind.float;
  const out = new Uint8Array(frames * channels.length * width);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const x = channel[i] ?? 0;
      if ('float' in kind) {
        if (kind.float === 4) view.setFloat32(at, x, false);
        else view.setFloat64(at, x, false);
      } else {
        const bits = kind.bits ?? kind.int * 8;
        // Signed integer on `bits`, shifted up to fill the container.
        const scale = 2 ** (bits - 1);
        const value = BigInt(Math.max(-scale, Math.min(scale - 1, Math.round(x * scale)))) << BigInt(kind.int * 8 - bits);
        const unsigned = BigInt.asUintN(kind.int * 8, value);
        for (let b = 0; b < kind.int; b++) {
          const shift = BigInt(8 * (kind.little ? b : kind.int - 1 - b));
          out[at + b] = Number((unsigned >> shift) & 0xffn);
        }
      }
      at += width;
    }
  }
  return out;
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

describe('decodeAiff reads AIFF integer PCM', () => {
  it.each([8, 16, 24, 32] as const)('%i-bit big-endian PCM gives back every value on the grid', (bits) => {
    const channels = [grid(bits, 1000, 1), grid(bits, 1000, 2)];
    const bytes = bits / 8 as 1 | 2 | 3 | 4;
    const file = form('AIFF', comm({ channels: 2, frames: 1000, bits, rate: 44_100 }), ssnd(samples(channels, { int: bytes })));
    const decoded = decodeAiff(file, 'grid.aiff');
    expect(decoded).toMatchObject({ format: 'aiff', encoding: 'pcm', bitDepth: bits, sampleRate: 44_100 });
    expect(decoded.channels).toEqual(channels);
  });

  it('8-bit AIFF is signed, unlike 8-bit WAV', () => {
    const file = form('AIFF', comm({ channels: 1, frames: 4, bits: 8, rate: 8000 }), ssnd(Uint8Array.of(0x80, 0x7f, 0x00, 0xff)));
    expect(Array.from(decodeAiff(file).channels[0] ?? [])).toEqual([-1, 127 / 128, 0, -1 / 128]);
  });

  it.each([
    [12, 2],
    [20, 3],
  ] as const)('%i-bit PCM is read left-justified in %i bytes', (bits, bytes) => {
    const channel = grid(bits, 500, 4);
    const file = form('AIFF', comm({ channels: 1, frames: 500, bits, rate: 48_000 }), ssnd(samples([channel], { int: bytes, bits })));
    const decoded = decodeAiff(file);
    expect(decoded.bitDepth).toBe(bytes * 8);
    expect(decoded.channels).toEqual([channel]);
  });

  it('keeps every channel of a 6-channel file apart', () => {
    const channels = Array.from({ length: 6 }, (_, c) => grid(16, 100, 10 + c));
    const file = form('AIFF', comm({ channels: 6, frames: 100, bits: 16, rate: 48_000 }), ssnd(samples(channels, { int: 2 })));
    expect(decodeAiff(file).channels).toEqual(channels);
  });

  it('honours the SSND offset and ignores its block size', () => {
    const channel = grid(16, 64, 5);
    const file = form('AIFF', comm({ channels: 1, frames: 64, bits: 16, rate: 22_050 }), ssnd(samples([channel], { int: 2 }), 12, 4096));
    expect(decodeAiff(file).channels).toEqual([channel]);
  });

  it('finds COMM and SSND in any order, past odd-sized chunks, and ignores chunks after them', () => {
    const channel = grid(16, 33, 6);
    const data = ssnd(samples([channel], { int: 2 }));
    const header = comm({ channels: 1, frames: 33, bits: 16, rate: 44_100 });
    const name = chunk('NAME', ascii('odd'));
    const marker = chunk('MARK', i16(0));
    for (const file of [form('AIFF', name, data, header), form('AIFF', header, name, data, marker), form('AIFF', data, header, chunk('APPL', ascii('x')))]) {
      expect(decodeAiff(file).channels).toEqual([channel]);
    }
  });

  it('ignores a wrong FORM size', () => {
    const channel = grid(16, 10, 7);
    const file = form('AIFF', comm({ channels: 1, frames: 10, bits: 16, rate: 44_100 }), ssnd(samples([channel], { int: 2 })));
    file.set(u32(4), 4);
    expect(decodeAiff(file).channels).toEqual([channel]);
  });

  it('reads a file with no frames, with or without a sound chunk', () => {
    for (const file of [
      form('AIFF', comm({ channels: 2, frames: 0, bits: 16, rate: 44_100 })),
      form('AIFF', comm({ channels: 2, frames: 0, bits: 16, rate: 44_100 }), ssnd(new Uint8Array(0))),
    ]) {
      expect(decodeAiff(file).channels.map((channel) => channel.length)).toEqual([0, 0]);
    }
  });

  it('reads frames only as far as COMM says, even when SSND holds more', () => {
    const channel = grid(16, 20, 8);
    const file = form('AIFF', comm({ channels: 1, frames: 15, bits: 16, rate: 44_100 }), ssnd(samples([channel], { int: 2 })));
    expect(decodeAiff(file).channels).toEqual([channel.slice(0, 15)]);
  });
});

describe('decodeAiff reads the 80-bit extended sample rate', () => {
  it.each([8000, 11_025, 22_050, 44_100, 48_000, 88_200, 96_000, 176_400, 192_000, 384_000])('%i Hz', (rate) => {
    const file = form('AIFF', comm({ channels: 1, frames: 1, bits: 16, rate }), ssnd(new Uint8Array(2)));
    expect(decodeAiff(file).sampleRate).toBe(rate);
  });

  it('keeps a fractional rate, like the 22254.54 Hz of old Macintosh sounds', () => {
    const rate = 22_254.545_454_545_45;
    const file = form('AIFF', comm({ channels: 1, frames: 1, bits: 8, rate }), ssnd(new Uint8Array(1)));
    expect(decodeAiff(file).sampleRate).toBe(rate);
  });

  it('reads the bytes Apple writes for 44.1 kHz', () => {
    const bytes = Uint8Array.of(0x40, 0x0e, 0xac, 0x44, 0, 0, 0, 0, 0, 0);
    const body = concat(i16(1), u32(1), i16(16), bytes);
    const file = form('AIFF', chunk('COMM', body), ssnd(new Uint8Array(2)));
    expect(decodeAiff(file).sampleRate).toBe(44_100);
  });
});

describe('decodeAiff reads AIFF-C', () => {
  it.each([8, 16, 24, 32] as const)("'NONE' is big-endian %i-bit PCM", (bits) => {
    const channels = [grid(bits, 300, 20), grid(bits, 300, 21)];
    const file = form('AIFC', fver, comm({ channels: 2, frames: 300, bits, rate: 48_000, compression: 'NONE' }), ssnd(samples(channels, { int: (bits / 8) as 1 | 2 | 3 | 4 })));
    const decoded = decodeAiff(file, 'none.aifc');
    expect(decoded).toMatchObject({ format: 'aifc', encoding: 'pcm', bitDepth: bits, sampleRate: 48_000 });
    expect(decoded.channels).toEqual(channels);
  });

  it.each([8, 16, 24, 32] as const)("'sowt' is little-endian %i-bit PCM", (bits) => {
    const channels = [grid(bits, 300, 22), grid(bits, 300, 23)];
    const file = form('AIFC', fver, comm({ channels: 2, frames: 300, bits, rate: 44_100, compression: 'sowt' }), ssnd(samples(channels, { int: (bits / 8) as 1 | 2 | 3 | 4, little: true })));
    const decoded = decodeAiff(file);
    expect(decoded).toMatchObject({ format: 'aifc', encoding: 'pcm', bitDepth: bits });
    expect(decoded.channels).toEqual(channels);
  });

  it.each(['fl32', 'FL32'])("'%s' is big-endian 32-bit float, exact and keeping overs", (type) => {
    const channel = Float32Array.from([0.5, -0.25, 1.5, -2, 1e-30, 0]);
    const file = form('AIFC', comm({ channels: 1, frames: 6, bits: 32, rate: 96_000, compression: type }), ssnd(samples([channel], { float: 4 })));
    const decoded = decodeAiff(file);
    expect(decoded).toMatchObject({ format: 'aifc', encoding: 'float', bitDepth: 32, sampleRate: 96_000 });
    expect(decoded.channels).toEqual([channel]);
  });

  it.each(['fl64', 'FL64'])("'%s' is big-endian 64-bit float, rounded to 32-bit", (type) => {
    const values = [0.1, -0.3, 1 / 3, 1.25];
    const data = be(32, (v) => values.forEach((x, i) => v.setFloat64(i * 8, x, false)));
    const file = form('AIFC', comm({ channels: 1, frames: 4, bits: 64, rate: 44_100, compression: type }), ssnd(data));
    const decoded = decodeAiff(file);
    expect(decoded).toMatchObject({ format: 'aifc', encoding: 'float', bitDepth: 64 });
    expect(decoded.channels).toEqual([Float32Array.from(values)]);
  });

  it('takes the float width from the compression type, not the sample size field', () => {
    const file = form('AIFC', comm({ channels: 1, frames: 2, bits: 0, rate: 44_100, compression: 'fl32' }), ssnd(samples([Float32Array.from([0.5, -0.5])], { float: 4 })));
    expect(decodeAiff(file).channels).toEqual([Float32Array.from([0.5, -0.5])]);
  });
});

describe('decodeAiff refuses what it cannot read', () => {
  const tone = samples([grid(16, 100, 30)], { int: 2 });
  const mono16 = comm({ channels: 1, frames: 100, bits: 16, rate: 44_100 });

  it.each([
    ['ulaw', "'ulaw' (µ-law)"],
    ['alaw', "'alaw' (A-law)"],
    ['ima4', "'ima4' (IMA ADPCM)"],
    ['MAC3', "'MAC3' (MACE 3:1)"],
    ['abcd', "'abcd'"],
  ])("AIFF-C compression '%s' is unsupported, named, with a way out", (type, named) => {
    const file = form('AIFC', comm({ channels: 1, frames: 100, bits: 16, rate: 44_100, compression: type }), ssnd(tone));
    expectError(() => decodeAiff(file, 'packed.aifc'), 'unsupported', `packed.aifc uses AIFF-C compression ${named}`);
    expectError(() => decodeAiff(file, 'packed.aifc'), 'unsupported', 'convert it to PCM WAV or AIFF');
  });

  it('says "an unknown type" for a compression code that is not text', () => {
    const file = form('AIFC', comm({ channels: 1, frames: 100, bits: 16, rate: 44_100, compression: '\x00\x01\x02\x03' }), ssnd(tone));
    expectError(() => decodeAiff(file, 'x.aifc'), 'unsupported', 'compression an unknown type');
  });

  it.each([
    ['nothing', new Uint8Array(0)],
    ['a WAV file', concat(ascii('RIFF'), u32(4), ascii('WAVE'))],
    ['another IFF form', concat(ascii('FORM'), u32(4), ascii('8SVX'))],
    ['a header cut short', ascii('FORM\0\0\0')],
  ])('%s is not an AIFF file', (_, file) => {
    expectError(() => decodeAiff(file, 'x.aiff'), 'bad-format', 'not an AIFF file: x.aiff');
  });

  it('reports a truncated sound chunk with the durations', () => {
    const file = form('AIFF', comm({ channels: 2, frames: 44_100, bits: 16, rate: 44_100 }), ssnd(new Uint8Array(44_100 * 2)));
    expectError(() => decodeAiff(file, 'cut.aiff'), 'bad-format', 'truncated AIFF file: cut.aiff declares 1.0 s of audio but holds 0.5 s');
    const cut = form('AIFF', mono16, ssnd(tone)).subarray(0, 100);
    expectError(() => decodeAiff(cut, 'cut.aiff'), 'bad-format', 'truncated AIFF file: cut.aiff declares 0.0023 s of audio but holds 0.00052 s');
  });

  const twoSounds = "damaged: it holds two sound data ('SSND') chunks";

  it.each([
    ['right after the first', [mono16, ssnd(tone), ssnd(tone)]],
    ['after other chunks', [mono16, ssnd(tone), chunk('NAME', ascii('odd')), fver, ssnd(tone)]],
    ['before the common chunk', [ssnd(tone), ssnd(tone), mono16]],
  ])('refuses a second sound chunk %s', (_where, chunks) => {
    expectError(() => decodeAiff(form('AIFF', ...chunks), 'twice.aiff'), 'bad-format', `twice.aiff is ${twoSounds}`);
  });

  it('does not look further than 64 chunks past the sound, nor past a size that leaves the file', () => {
    const many = Array.from({ length: 64 }, () => chunk('APPL', new Uint8Array(2)));
    expect(decodeAiff(form('AIFF', mono16, ssnd(tone), ...many, ssnd(tone))).channels).toHaveLength(1);
    expect(decodeAiff(form('AIFF', mono16, ssnd(tone), ascii('NAME'), u32(1000), ssnd(tone))).channels).toHaveLength(1);
  });

  it('reports a file that ends inside another chunk', () => {
    const file = form('AIFF', chunk('NAME', ascii('a long name'), 400), mono16, ssnd(tone));
    expectError(() => decodeAiff(file, 'cut.aiff'), 'bad-format', "truncated AIFF file: cut.aiff ends inside its 'NAME' chunk");
  });

  const short = be(10, () => undefined);
  it.each([
    ['no common chunk', form('AIFF', ssnd(tone)), "no common ('COMM') chunk"],
    ['no sound chunk', form('AIFF', mono16), "no sound data ('SSND') chunk"],
    ['a short common chunk', form('AIFF', chunk('COMM', short), ssnd(tone)), 'common chunk is too short'],
    ['an AIFF-C common chunk without its compression type', form('AIFC', mono16, ssnd(tone)), 'common chunk is too short'],
    ['a short sound chunk', form('AIFF', mono16, chunk('SSND', u32(0))), 'sound data chunk is too short'],
    ['zero channels', form('AIFF', comm({ channels: 0, frames: 1, bits: 16, rate: 8000 }), ssnd(tone)), 'inconsistent (0 channels)'],
    ['negative channels', form('AIFF', comm({ channels: -2, frames: 1, bits: 16, rate: 8000 }), ssnd(tone)), 'inconsistent (-2 channels)'],
    ['zero bits', form('AIFF', comm({ channels: 1, frames: 1, bits: 0, rate: 8000 }), ssnd(tone)), 'inconsistent (0 bits per sample)'],
    ['33 bits', form('AIFF', comm({ channels: 1, frames: 1, bits: 33, rate: 8000 }), ssnd(tone)), 'inconsistent (33 bits per sample)'],
    ['a zero sample rate', form('AIFF', comm({ channels: 1, frames: 1, bits: 16, rate: 0 }), ssnd(tone)), 'sample rate is invalid (0 Hz; real audio runs at 8 to 384 kHz)'],
    ['an SSND offset past its end', form('AIFF', mono16, chunk('SSND', concat(u32(1000), u32(0), tone))), 'truncated AIFF file'],
  ])('reports %s', (_, file, fragment) => {
    expectError(() => decodeAiff(file, 'bad.aiff'), 'bad-format', fragment);
  });

  it('reports an infinite or NaN sample rate', () => {
    const infinity = be(10, (v) => v.setUint16(0, 0x7fff, false));
    const nan = be(10, (v) => {
      v.setUint16(0, 0x7fff, false);
      v.setUint32(2, 0xc0000000, false);
    });
    for (const rate of [infinity, nan]) {
      const file = form('AIFF', chunk('COMM', concat(i16(1), u32(1), i16(16), rate)), ssnd(tone));
      expectError(() => decodeAiff(file, 'bad.aiff'), 'bad-format', 'sample rate is invalid');
    }
  });

  it('never fails with anything but a GlowroomError on cut or corrupted input', () => {
    const stereo = samples([grid(16, 64, 40), grid(16, 64, 41)], { int: 2 });
    const seeds = [
      form('AIFF', chunk('NAME', ascii('odd')), comm({ channels: 2, frames: 64, bits: 16, rate: 8000 }), ssnd(stereo, 4)),
      form('AIFC', fver, comm({ channels: 2, frames: 32, bits: 32, rate: 8000, compression: 'fl32' }), ssnd(stereo)),
      form('AIFC', ssnd(stereo), comm({ channels: 1, frames: 48, bits: 24, rate: 8000, compression: 'sowt' })),
    ];
    const random = noise(40_000, 42);
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
        decodeAiff(bytes, 'fuzz.aiff');
      } catch (error) {
        expect(error).toBeInstanceOf(GlowroomError);
      }
    }
  });
});

describe('decodeAudio sends AIFF files to decodeAiff', () => {
  it('by content, when the name has no audio extension or a name that lies (with a note)', async () => {
    const channel = grid(16, 10, 50);
    const file = form('AIFC', comm({ channels: 1, frames: 10, bits: 16, rate: 32_000, compression: 'sowt' }), ssnd(samples([channel], { int: 2, little: true })));
    const decoded = await decodeAudio(file, 'take-3');
    expect(decoded).toMatchObject({ format: 'aifc', sampleRate: 32_000 });
    expect(decoded.channels).toEqual([channel]);
    expect(decoded.notes).toBeUndefined();
    const misnamed = await decodeAudio(file, 'looks-like.wav');
    expect(misnamed.channels).toEqual([channel]);
    expect(misnamed.notes).toEqual([expect.stringContaining('looks-like.wav holds AIFF audio although it is named .wav; it was opened as AIFF. Rename it to end in .aif')]);
  });

  it('passes its errors through', async () => {
    const file = form('AIFC', comm({ channels: 1, frames: 1, bits: 16, rate: 8000, compression: 'ulaw' }), ssnd(new Uint8Array(2)));
    await expect(decodeAudio(file, 'law.aifc')).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining("'ulaw'") });
  });
});
