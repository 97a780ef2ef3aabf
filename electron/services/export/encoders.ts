/**
 * The encoders of an export, and the decoders that read the written bytes back so loudness is
 * measured on what the listener gets:
 * - WAV: src/codecs/wav-writer (TPDF dither from a fixed seed for 16/24-bit), LIST/INFO + `id3 `.
 * - FLAC: our own encoder (src/codecs/flac-encode, coding as libFLAC's level 5 does, at 2–3× the
 *   speed of libFLAC's WebAssembly build) fed the same TPDF-dithered codes as WAV (stereo through
 *   the two-channel WebAssembly quantizer, src/dsp/wasm/tpdf-stereo), its MD5 from
 *   Node's hasher; tags and the finished STREAMINFO (MD5, frame sizes) are written by
 *   src/codecs/flac-metadata.
 * - MP3: LAME 3.100 compiled to WebAssembly with SIMD (packages/lame-wasm, its own LGPL package),
 *   CBR or VBR, with an ID3v2.4 tag (src/codecs/id3) in front. A song of 10 s or more is encoded
 *   as two pieces at once, the first on a thread of its own, joined at an MP3 frame boundary
 *   (packages/lame-wasm/split.mjs): its bytes are held until the first piece is done. The file's
 *   first frame is our Xing/Info frame with a LAME tag (src/codecs/mp3-info-frame: length, seek
 *   table, encoder delay and padding, so players show the right duration and decode it gapless),
 *   reserved at open and completed by finish from the frames written.
 * Each encodes a stream a chunk at a time into a `ByteSink` (a file, or memory), so an export
 * never holds its whole file; a file written in chunks has the same bytes as one written whole.
 * For WAV and FLAC the encoder also hands over each sample exactly as a decoder will read it back
 * (`heard`), so the written file's loudness is measured without decoding it. All three run in
 * this process (no native builds, the MP3 one partly on a second thread); the MP3 one is loaded
 * when first used. Decoding a written file back is in decode-written.ts, so the encode worker does
 * not load the decoders.
 */
import { createHash } from 'node:crypto';
import { FlacStreamEncoder } from '../../../src/codecs/flac-encode/flac-encoder';
import { flacTagBlocks, rewriteFlacMetadata } from '../../../src/codecs/flac-metadata';
import type { AudioTags } from '../../../src/codecs/audio-tags';
import { concat, encodeId3v24 } from '../../../src/codecs/id3';
import { wavMetadataChunks } from '../../../src/codecs/wav-metadata';
import { WavFrameWriter, wavHeader, type WavEncodeOptions } from '../../../src/codecs/wav-writer';
import { DEFAULT_DITHER_SEED, quantizeWithTpdf, TpdfDither } from '../../../src/dsp/dither';
import { StereoTpdfQuantizer } from '../../../src/dsp/wasm/tpdf-stereo';
import { Mp3InfoFrame, type Mp3Mode } from '../../../src/codecs/mp3-info-frame';
import { GlowroomError } from '../../../src/std/errors';
import type { SplitLameEncoder } from '@glowroom/lame-wasm/split';
import type { ExportFormat } from './export-job';

export const extensionOf = (format: ExportFormat): string => format.kind;

/** Rates LAME writes as MPEG-1 Layer III (what every player and platform takes). */
export const mp3Rates: readonly number[] = [32_000, 44_100, 48_000];
export const mp3CbrKbps: readonly number[] = [128, 160, 192, 224, 256, 320];

/** Frames per encoder call: bounds the temporary buffers. */
const CHUNK = 1 << 16;

/** Where encoded bytes go, in order. `bytes` is valid only during the call: a sink copies what it keeps. */
export interface ByteSink {
  append(bytes: Uint8Array): void;
  /** Rewrites bytes already appended, from `position` (a header completed at the end). */
  patch(position: number, bytes: Uint8Array): void;
}

/** One file being encoded, a chunk at a time. */
export interface StreamEncoder {
  /**
   * Encodes frames [0, frames) of `planes` (frames ≤ 65,536). For WAV and FLAC, `heard` (planes
   * as long) receives the samples as a decoder reads them from the file; MP3 leaves it untouched.
   */
  push(planes: readonly Float32Array[], frames: number, heard?: readonly Float32Array[]): void;
  /** Ends the stream and completes the file's headers. */
  finish(): Promise<void>;
}

/** Whether `format`'s encoder reports the decoded samples (`StreamEncoder.push`'s `heard`): lossless formats do. */
export const reportsHeard = (format: ExportFormat): boolean => format.kind !== 'mp3';

/**
 * An encoder writing a `frames`-frame file of `format` to `out`; with `frames` null, a file as
 * long as what is pushed, its headers completed by `finish` (the same bytes as when the length was given).
 * `leastFrames` (default `frames`): what the file has at least, from which an MP3 places the seam of its two-thread encode.
 */
export async function openEncoder(format: ExportFormat, sampleRate: number, channels: number, frames: number | null, tags: AudioTags | undefined, out: ByteSink, leastFrames?: number): Promise<StreamEncoder> {
  switch (format.kind) {
    case 'wav': {
      const options: WavEncodeOptions = { ...(format.bits === '32f' ? { bitDepth: 32, float: true } : { bitDepth: format.bits, ditherSeed: DEFAULT_DITHER_SEED }), chunks: wavMetadataChunks(tags) };
      return new WavEncoder((length) => wavHeader(sampleRate, channels, length, options), new WavFrameWriter(channels, options), frames, out);
    }
    case 'flac':
      return new FlacEncoder(sampleRate, channels, format.bits, frames, tags, out);
    case 'mp3':
      return Mp3Encoder.open(sampleRate, channels, leastFrames ?? frames, format.mode, tags, out);
  }
}

/** A whole file in memory: `planes` encoded as `format`. */
export async function encodeAudio(planes: readonly Float32Array[], sampleRate: number, format: ExportFormat, tags: AudioTags | undefined): Promise<Uint8Array> {
  const out = new MemorySink();
  await encodeInto(planes, sampleRate, format, tags, out);
  return out.bytes();
}

/** `planes` encoded as `format` into `out`, a chunk at a time. */
export async function encodeInto(planes: readonly Float32Array[], sampleRate: number, format: ExportFormat, tags: AudioTags | undefined, out: ByteSink): Promise<void> {
  const frames = planes[0]?.length ?? 0;
  const encoder = await openEncoder(format, sampleRate, planes.length, frames, tags, out);
  for (let start = 0; start < frames; start += CHUNK) {
    const end = Math.min(frames, start + CHUNK);
    encoder.push(planes.map((plane) => plane.subarray(start, end)), end - start);
  }
  await encoder.finish();
}

/** Bytes kept in memory, for a whole file as one array. */
export class MemorySink implements ByteSink {
  private readonly parts: Uint8Array[] = [];

  append(bytes: Uint8Array): void {
    this.parts.push(bytes.slice());
  }

  patch(position: number, bytes: Uint8Array): void {
    // Encoders patch only their header, which is always the whole first part.
    const first = this.parts[0];
    if (position !== 0 || !first || first.length !== bytes.length) throw new GlowroomError('internal', 'an encoder patched bytes other than its header');
    this.parts[0] = bytes.slice();
  }

  bytes(): Uint8Array {
    return concat(this.parts);
  }
}

// ---- FLAC ----------------------------------------------------------------------------------

class FlacEncoder implements StreamEncoder {
  private readonly stereo: StereoTpdfQuantizer | null;
  private readonly dithers: TpdfDither[];
  private readonly codes: Int32Array[];
  private readonly stream: FlacStreamEncoder;
  /** The metadata as written first (STREAMINFO still without its MD5 and frame sizes). */
  private readonly header: Uint8Array;
  private readonly tagBlocks;

  constructor(
    sampleRate: number,
    channels: number,
    private readonly bits: 16 | 24,
    frames: number | null,
    tags: AudioTags | undefined,
    private readonly out: ByteSink,
  ) {
    // Stereo (every mix) is dithered by one two-channel kernel giving the same codes as a TpdfDither per channel.
    this.stereo = channels === 2 ? new StereoTpdfQuantizer(bits, DEFAULT_DITHER_SEED) : null;
    this.dithers = this.stereo ? [] : Array.from({ length: channels }, (_, c) => new TpdfDither(DEFAULT_DITHER_SEED + c));
    this.codes = Array.from({ length: channels }, () => new Int32Array(CHUNK));
    this.tagBlocks = flacTagBlocks(tags, 'Glowroom');
    const md5 = createHash('md5');
    this.stream = new FlacStreamEncoder({ sampleRate, channels, bits, frames }, { update: (bytes) => md5.update(bytes), digest: () => md5.digest() }, (bytes) => out.append(bytes));
    this.header = this.stream.header();
    out.append(rewriteFlacMetadata(this.header, this.tagBlocks));
  }

  push(planes: readonly Float32Array[], frames: number, heard?: readonly Float32Array[]): void {
    // One code step as a float: a power of two, so the product is exact (as a division would be, at less cost).
    const step = this.bits === 16 ? 2 ** -15 : 2 ** -23;
    const { codes, stereo } = this;
    if (stereo) stereo.quantize(planes[0] as Float32Array, planes[1] as Float32Array, frames, codes[0] as Int32Array, codes[1] as Int32Array);
    for (let c = 0; c < codes.length; c++) {
      const code = codes[c] as Int32Array;
      if (!stereo) quantizeWithTpdf((planes[c] as Float32Array).subarray(0, frames), this.bits, this.dithers[c] as TpdfDither, code);
      const decoded = heard?.[c];
      if (decoded) for (let i = 0; i < frames; i++) decoded[i] = (code[i] as number) * step;
    }
    this.stream.push(codes, frames);
  }

  async finish(): Promise<void> {
    const patch = this.stream.finish();
    this.out.patch(0, rewriteFlacMetadata(this.header, this.tagBlocks, patch));
    await Promise.resolve();
  }
}

// ---- WAV -----------------------------------------------------------------------------------

class WavEncoder implements StreamEncoder {
  private bytes = new Uint8Array(0);
  private written = 0;

  /** `header` gives the header of a file of so many frames (its length does not depend on them). */
  constructor(
    private readonly header: (frames: number) => Uint8Array,
    private readonly writer: WavFrameWriter,
    private readonly frames: number | null,
    private readonly out: ByteSink,
  ) {
    out.append(header(frames ?? 0));
  }

  push(planes: readonly Float32Array[], frames: number, heard?: readonly Float32Array[]): void {
    const length = frames * this.writer.frameBytes;
    if (this.bytes.length < length) this.bytes = new Uint8Array(length);
    this.writer.write(planes, frames, this.bytes, heard);
    this.out.append(this.bytes.subarray(0, length));
    this.written += frames;
  }

  async finish(): Promise<void> {
    if (this.frames === null) this.out.patch(0, this.header(this.written));
    else if (this.written !== this.frames) throw new GlowroomError('internal', `the WAV encoder was given ${this.written} frames for a ${this.frames}-frame file`);
    // RIFF chunks are padded to an even size.
    if ((this.written * this.writer.frameBytes) % 2 === 1) this.out.append(new Uint8Array(1));
    await Promise.resolve();
  }
}

// ---- MP3 -----------------------------------------------------------------------------------

class Mp3Encoder implements StreamEncoder {
  /** Samples per channel pushed. */
  private pushed = 0;

  private constructor(
    private readonly encoder: SplitLameEncoder,
    private readonly tag: Uint8Array,
    private readonly info: Mp3InfoFrame,
    private readonly out: ByteSink,
  ) {}

  static async open(sampleRate: number, channelCount: number, frames: number | null, mode: Mp3Mode, tags: AudioTags | undefined, out: ByteSink): Promise<Mp3Encoder> {
    if (!mp3Rates.includes(sampleRate)) throw new GlowroomError('unsupported', `MP3 is written at 32, 44.1 or 48 kHz, not ${sampleRate / 1000} kHz; choose one of those rates.`);
    const { createSplitLameEncoder } = await import('@glowroom/lame-wasm/split');
    const channels = channelCount === 1 ? 1 : 2;
    const encoder = createSplitLameEncoder('cbrKbps' in mode ? { channels, sampleRate, kbps: mode.cbrKbps, frames } : { channels, sampleRate, vbrQuality: mode.vbrQuality, frames });
    const tag = tags ? encodeId3v24(tags) : new Uint8Array(0);
    const info = new Mp3InfoFrame(channels, sampleRate, mode);
    // The ID3v2 tag and room for the info frame, completed by finish.
    out.append(concat([tag, new Uint8Array(info.size)]));
    return new Mp3Encoder(encoder, tag, info, out);
  }

  push(planes: readonly Float32Array[], frames: number): void {
    // The encoder owns the returned bytes until its next call; the sink copies them now.
    this.pushed += frames;
    this.write(this.encoder.encode(planes, frames));
  }

  async finish(): Promise<void> {
    try {
      for (const part of await this.encoder.finish()) this.write(part);
    } finally {
      this.encoder.close();
    }
    this.out.patch(0, concat([this.tag, this.info.frame(this.pushed)]));
  }

  private write(bytes: Uint8Array): void {
    this.info.observe(bytes);
    this.out.append(bytes);
  }
}
