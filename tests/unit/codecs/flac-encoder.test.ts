import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFlac } from '../../../src/codecs/flac';
import { BLOCK_SIZE, FlacStreamEncoder } from '../../../src/codecs/flac-encode/flac-encoder';
import { readFlacMetadata, rewriteFlacMetadata } from '../../../src/codecs/flac-metadata';
import { concat } from '../../../src/codecs/id3';
import { decodeWav } from '../../../src/codecs/wav';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { DEFAULT_DITHER_SEED, quantizeWithTpdf, SeededRandom, TpdfDither } from '../../../src/dsp/dither';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

const hasFlac = spawnSync('which', ['flac']).status === 0;

/** A whole FLAC file of `codes` (one integer array per channel), pushed `chunk` frames at a time. */
function encode(codes: readonly Int32Array[], bits: 16 | 24, chunk = 65_536, sampleRate = 48_000): Uint8Array {
  const frames = codes[0]?.length ?? 0;
  const md5 = createHash('md5');
  const parts: Uint8Array[] = [];
  const encoder = new FlacStreamEncoder({ sampleRate, channels: codes.length, bits, frames }, { update: (bytes) => md5.update(bytes), digest: () => md5.digest() }, (bytes) => parts.push(bytes.slice()));
  const header = encoder.header();
  for (let start = 0; start < frames; start += chunk) {
    const n = Math.min(chunk, frames - start);
    encoder.push(codes.map((plane) => plane.subarray(start, start + n)), n);
  }
  const patch = encoder.finish();
  return rewriteFlacMetadata(concat([header, ...parts]), [], patch);
}

/** The integer codes a FLAC file decodes to, through the decoder imports use (libFLAC). */
async function decodedCodes(bytes: Uint8Array, bits: 16 | 24): Promise<Int32Array[]> {
  const scale = 2 ** (bits - 1);
  return (await decodeFlac(bytes)).channels.map((plane) => Int32Array.from(plane, (v) => Math.round(v * scale)));
}

/** Whether two lists of integer planes are equal (compared as bytes: toEqual is slow on millions of elements). */
function sameCodes(a: readonly Int32Array[], b: readonly Int32Array[]): boolean {
  return a.length === b.length && a.every((plane, c) => Buffer.compare(Buffer.from(plane.buffer, plane.byteOffset, plane.byteLength), Buffer.from((b[c] as Int32Array).buffer, (b[c] as Int32Array).byteOffset, (b[c] as Int32Array).byteLength)) === 0);
}

/** `flac -t` (frame CRCs, the decoded samples' MD5 against STREAMINFO) on `bytes`; true when flac is missing. */
function flacTestPasses(bytes: Uint8Array): boolean {
  if (!hasFlac) return true;
  const file = path.join(tempDir(), 'test.flac');
  writeFileSync(file, bytes);
  const run = spawnSync('flac', ['-t', '-s', file], { encoding: 'utf8' });
  if (run.status !== 0) console.error(run.stderr);
  return run.status === 0;
}

function plane(frames: number, sample: (i: number) => number): Int32Array {
  return Int32Array.from({ length: frames }, (_, i) => sample(i));
}

/** Seeded TPDF-dithered music-like audio as the export writes it: decaying tones, a shared and a private part per channel. */
function dithered(frames: number, channels: number, bits: 16 | 24, seed: number): Int32Array[] {
  const random = new SeededRandom(seed);
  const shared = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const t = i / 48_000;
    const beat = t % 0.5;
    shared[i] = 0.3 * Math.exp(-6 * beat) * Math.sin(2 * Math.PI * 55 * t * (1 + beat)) + 0.1 * Math.sin(2 * Math.PI * 220 * t) + 0.02 * (random.nextFloat() - 0.5);
  }
  return Array.from({ length: channels }, (_, c) => {
    const own = Float32Array.from(shared, (v, i) => v * (1 - 0.3 * c) + 0.05 * Math.sin((2 * Math.PI * (330 + 110 * c) * i) / 48_000));
    return quantizeWithTpdf(own, bits, new TpdfDither(DEFAULT_DITHER_SEED + c), new Int32Array(frames));
  });
}

describe('FLAC encoder (src/codecs/flac-encode)', () => {
  let state = 12345;
  const random = () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
  const cases: readonly [string, 16 | 24, () => Int32Array[]][] = [
    ['24-bit stereo music-like audio, not a whole number of blocks', 24, () => dithered(3 * BLOCK_SIZE + 1234, 2, 24, 1)],
    ['16-bit stereo music-like audio', 16, () => dithered(5 * BLOCK_SIZE, 2, 16, 2)],
    ['16-bit mono', 16, () => dithered(2 * BLOCK_SIZE + 7, 1, 16, 3)],
    ['24-bit white noise at full scale (verbatim subframes)', 24, () => [0, 1].map(() => plane(2 * BLOCK_SIZE, () => Math.floor(random() * 2 ** 24) - 2 ** 23))],
    ['16-bit extremes alternating', 16, () => [0, 1].map((c) => plane(BLOCK_SIZE + 100, (i) => ((i + c) % 2 ? 32_767 : -32_768)))],
    ['silence and a constant (constant subframes)', 24, () => [plane(BLOCK_SIZE + 10, () => 0), plane(BLOCK_SIZE + 10, () => -5)]],
    ['near silence with full-scale spikes (long unary codes, RICE2 parameters)', 24, () => [0, 1].map((c) => plane(3 * BLOCK_SIZE, (i) => (i % 997 === 0 ? (c ? -(2 ** 23) : 2 ** 23 - 1) : Math.round((random() - 0.5) * 4))))],
    ['16-bit content in a 24-bit stream (wasted bits)', 24, () => dithered(2 * BLOCK_SIZE, 2, 16, 4).map((p) => p.map((v) => v * 256))],
    ['three frames', 24, () => [plane(3, (i) => i * 1000 - 1), plane(3, (i) => -i)]],
    ['one frame', 16, () => [plane(1, () => 123)]],
  ];
  for (const [what, bits, make] of cases) {
    it(`${what}: decodes to the same samples and passes \`flac -t\``, async () => {
      const codes = make();
      const bytes = encode(codes, bits);
      expect(sameCodes(await decodedCodes(bytes, bits), codes)).toBe(true);
      expect(flacTestPasses(bytes)).toBe(true);
    });
  }

  it('writes the same bytes however the samples are pushed', () => {
    const codes = dithered(2 * BLOCK_SIZE + 555, 2, 24, 5);
    const whole = encode(codes, 24, codes[0]?.length ?? 0);
    expect(Buffer.compare(encode(codes, 24, 1000), whole)).toBe(0);
    expect(Buffer.compare(encode(codes, 24, 1), whole)).toBe(0);
  });

  it('fills in STREAMINFO: rate, channels, depth, total, frame sizes and the MD5 of the samples', () => {
    const codes = dithered(4 * BLOCK_SIZE + 10, 2, 16, 6);
    const bytes = encode(codes, 16, 65_536, 44_100);
    const info = readFlacMetadata(bytes).blocks[0]?.data ?? new Uint8Array(0);
    const view = new DataView(info.buffer, info.byteOffset, info.byteLength);
    expect([view.getUint16(0), view.getUint16(2)]).toEqual([BLOCK_SIZE, BLOCK_SIZE]);
    const word = view.getUint32(10);
    expect([word >>> 12, ((word >>> 9) & 7) + 1, ((word >>> 4) & 31) + 1]).toEqual([44_100, 2, 16]);
    expect((word & 15) * 2 ** 32 + view.getUint32(14)).toBe(4 * BLOCK_SIZE + 10);
    const pcm = Buffer.alloc((codes[0]?.length ?? 0) * 4);
    for (let i = 0; i < (codes[0]?.length ?? 0); i++) for (let c = 0; c < 2; c++) pcm.writeInt16LE(codes[c]?.[i] ?? 0, i * 4 + c * 2);
    expect(Buffer.from(info.subarray(18, 34)).toString('hex')).toBe(createHash('md5').update(pcm).digest('hex'));
    const minFrame = (view.getUint16(4) << 8) | (info[6] ?? 0);
    const maxFrame = (view.getUint16(7) << 8) | (info[9] ?? 0);
    expect(minFrame).toBeGreaterThan(0);
    expect(maxFrame).toBeGreaterThanOrEqual(minFrame);
  });

  it('numbers frames past 127 (two-byte frame numbers) and past 2047 (three bytes)', { timeout: 120_000 }, async () => {
    const codes = [plane(2049 * BLOCK_SIZE, (i) => ((i * 7) % 61) - 30)];
    const bytes = encode(codes, 16);
    expect(sameCodes(await decodedCodes(bytes, 16), codes)).toBe(true);
    expect(flacTestPasses(bytes)).toBe(true);
  });

  it.runIf(hasFlac)('compresses within 2 % of `flac -5` on dithered music-like audio and on the factory samples', () => {
    const dir = tempDir();
    const sizes = (codes: Int32Array[], bits: 16 | 24, rate: number) => {
      const wav = path.join(dir, 'in.wav');
      const scale = 2 ** (bits - 1);
      writeFileSync(wav, encodeWav({ sampleRate: rate, channels: codes.map((p) => Float32Array.from(p, (v) => v / scale)) }, { bitDepth: bits }));
      const out = path.join(dir, 'native.flac');
      expect(spawnSync('flac', ['--silent', '-5', '-f', '--no-padding', '--no-seektable', '-o', out, wav]).status).toBe(0);
      return { ours: encode(codes, bits, 65_536, rate).length, native: statSync(out).size };
    };
    const inputs: { codes: Int32Array[]; bits: 16 | 24; rate: number }[] = [
      { codes: dithered(20 * BLOCK_SIZE, 2, 24, 7), bits: 24, rate: 48_000 },
      { codes: dithered(20 * BLOCK_SIZE, 2, 16, 8), bits: 16, rate: 48_000 },
    ];
    const factory = path.join(repoRoot, 'native-assets/factory/Drums');
    for (const name of ['Kicks/bd_fat_24bit.wav', 'Kicks/bd_klub_48k.wav', 'Hats & Perc/hat_closed.wav', 'Snares/sn_zome_float.wav']) {
      const wav = decodeWav(readFileSync(path.join(factory, name)));
      inputs.push({ codes: wav.channels.map((p) => Int32Array.from(p, (v) => Math.max(-(2 ** 23), Math.min(2 ** 23 - 1, Math.round(v * 2 ** 23))))), bits: 24, rate: wav.sampleRate });
    }
    let ours = 0;
    let native = 0;
    for (const { codes, bits, rate } of inputs) {
      const size = sizes(codes, bits, rate);
      ours += size.ours;
      native += size.native;
    }
    expect(ours / native).toBeLessThan(1.02);
  });
});
