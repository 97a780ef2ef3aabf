/**
 * The encoders of an export, and the decoders that read the written bytes back so loudness is
 * measured on what the listener gets:
 * - WAV: src/codecs/wav-writer (TPDF dither from a fixed seed for 16/24-bit), LIST/INFO + `id3 `.
 * - FLAC: libFLAC (npm `libflacjs`, the Emscripten WebAssembly build, compression level 5) fed the
 *   same TPDF-dithered codes as WAV; tags and the finished STREAMINFO (MD5, frame sizes) are
 *   written by src/codecs/flac-metadata.
 * - MP3: LAME 3.100 compiled to WebAssembly (npm `wasm-media-encoders`), CBR or VBR, with an
 *   ID3v2.4 tag (src/codecs/id3) in front.
 * Each encodes a stream a chunk at a time into a `ByteSink` (a file, or memory), so an export
 * never holds its whole file; a file written in chunks has the same bytes as one written whole.
 * For WAV and FLAC the encoder also hands over each sample exactly as a decoder will read it back
 * (`heard`), so the written file's loudness is measured without decoding it. All three run in
 * this process (no native builds); none is loaded until first used.
 */
import { createRequire } from 'node:module';
import { decodeFlac } from '../../../src/codecs/flac';
import { flacTagBlocks, rewriteFlacMetadata } from '../../../src/codecs/flac-metadata';
import type { AudioTags } from '../../../src/codecs/audio-tags';
import { concat, encodeId3v24 } from '../../../src/codecs/id3';
import { decodeMp3 } from '../../../src/codecs/mp3';
import { decodeWav } from '../../../src/codecs/wav';
import { wavMetadataChunks } from '../../../src/codecs/wav-metadata';
import { WavFrameWriter, wavHeader, type WavEncodeOptions } from '../../../src/codecs/wav-writer';
import { DEFAULT_DITHER_SEED, quantizeWithTpdf, TpdfDither } from '../../../src/dsp/dither';
import { GlowroomError } from '../../../src/std/errors';
import type { WasmMediaEncoder } from 'wasm-media-encoders';
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

/** An encoder writing a `frames`-frame file of `format` to `out`. */
export async function openEncoder(format: ExportFormat, sampleRate: number, channels: number, frames: number, tags: AudioTags | undefined, out: ByteSink): Promise<StreamEncoder> {
  switch (format.kind) {
    case 'wav': {
      const options: WavEncodeOptions = { ...(format.bits === '32f' ? { bitDepth: 32, float: true } : { bitDepth: format.bits, ditherSeed: DEFAULT_DITHER_SEED }), chunks: wavMetadataChunks(tags) };
      return new WavEncoder(wavHeader(sampleRate, channels, frames, options), new WavFrameWriter(channels, options), frames, out);
    }
    case 'flac':
      return FlacEncoder.open(await loadLibFlac(), sampleRate, channels, format.bits, frames, tags, out);
    case 'mp3':
      return Mp3Encoder.open(sampleRate, channels, format.mode, tags, out);
  }
}

/** A whole file in memory: `planes` encoded as `format`. */
export async function encodeAudio(planes: readonly Float32Array[], sampleRate: number, format: ExportFormat, tags: AudioTags | undefined): Promise<Uint8Array> {
  const frames = planes[0]?.length ?? 0;
  const out = new MemorySink();
  const encoder = await openEncoder(format, sampleRate, planes.length, frames, tags, out);
  for (let start = 0; start < frames; start += CHUNK) {
    const end = Math.min(frames, start + CHUNK);
    encoder.push(planes.map((plane) => plane.subarray(start, end)), end - start);
  }
  await encoder.finish();
  return out.bytes();
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

/** The written file's samples, decoded by the same decoders imports use. */
export async function decodeWritten(bytes: Uint8Array, format: ExportFormat): Promise<readonly Float32Array[]> {
  switch (format.kind) {
    case 'wav':
      return decodeWav(bytes, 'export').channels;
    case 'flac':
      return (await decodeFlac(bytes, 'export')).channels;
    case 'mp3':
      return (await decodeMp3(bytes, 'export')).channels;
  }
}

// ---- FLAC ----------------------------------------------------------------------------------

/** The part of libflacjs's API used here. */
interface LibFlac {
  isReady(): boolean;
  on(event: 'ready', listener: () => void): void;
  create_libflac_encoder(rate: number, channels: number, bps: number, level: number, totalSamples: number, verify: boolean): number;
  init_encoder_stream(encoder: number, write: (data: Uint8Array, bytes: number) => void, metadata: (info: { min_framesize: number; max_framesize: number; md5sum: string }) => void): number;
  FLAC__stream_encoder_process_interleaved(encoder: number, samples: Int32Array, frames: number): boolean;
  FLAC__stream_encoder_finish(encoder: number): boolean;
  FLAC__stream_encoder_delete(encoder: number): void;
  FLAC__stream_encoder_get_state(encoder: number): number;
}

let libFlac: Promise<LibFlac> | undefined;

function loadLibFlac(): Promise<LibFlac> {
  libFlac ??= new Promise<LibFlac>((resolve) => {
    // The WebAssembly build (3× the asm.js one's speed) fetches its .wasm by URL when `fetch`
    // exists, which Node's fetch refuses for a file path; without `fetch` it reads the file with
    // Node's fs. So `fetch` is hidden for the moment the module starts loading its binary.
    const fetch = globalThis.fetch;
    Reflect.deleteProperty(globalThis, 'fetch');
    let flac: LibFlac;
    try {
      flac = (createRequire(import.meta.url)('libflacjs') as (variant: string) => LibFlac)('min.wasm');
    } finally {
      globalThis.fetch = fetch;
    }
    if (flac.isReady()) resolve(flac);
    else flac.on('ready', () => resolve(flac));
  });
  return libFlac;
}

class FlacEncoder implements StreamEncoder {
  private readonly dithers: TpdfDither[];
  private readonly codes: Int32Array[];
  private readonly interleaved: Int32Array;
  private info: { min_framesize: number; max_framesize: number; md5sum: string } | undefined;
  /** The metadata as written first (STREAMINFO still without its MD5 and frame sizes), and the tags after it. */
  private header: Uint8Array = new Uint8Array(0);
  private readonly tagBlocks;

  private constructor(
    private readonly flac: LibFlac,
    private readonly encoder: number,
    private readonly channels: number,
    private readonly bits: 16 | 24,
    tags: AudioTags | undefined,
    private readonly out: ByteSink,
  ) {
    this.dithers = Array.from({ length: channels }, (_, c) => new TpdfDither(DEFAULT_DITHER_SEED + c));
    this.codes = Array.from({ length: channels }, () => new Int32Array(CHUNK));
    this.interleaved = new Int32Array(CHUNK * channels);
    this.tagBlocks = flacTagBlocks(tags, 'Glowroom (libFLAC 1.4)');
  }

  static open(flac: LibFlac, sampleRate: number, channels: number, bits: 16 | 24, frames: number, tags: AudioTags | undefined, out: ByteSink): FlacEncoder {
    const encoder = flac.create_libflac_encoder(sampleRate, channels, bits, 5, frames, false);
    if (!encoder) throw new GlowroomError('internal', 'could not create the FLAC encoder');
    const stream = new FlacEncoder(flac, encoder, channels, bits, tags, out);
    // libFLAC writes the whole metadata section while it starts, and only frames after that.
    const metadata: Uint8Array[] = [];
    let started = false;
    const status = flac.init_encoder_stream(
      encoder,
      (data, bytes) => (started ? out.append(data.subarray(0, bytes)) : metadata.push(data.slice(0, bytes))),
      (info) => (stream.info = info),
    );
    if (status !== 0) {
      flac.FLAC__stream_encoder_delete(encoder);
      throw new GlowroomError('internal', `the FLAC encoder did not start (status ${status})`);
    }
    started = true;
    stream.header = concat(metadata);
    out.append(rewriteFlacMetadata(stream.header, stream.tagBlocks));
    return stream;
  }

  push(planes: readonly Float32Array[], frames: number, heard?: readonly Float32Array[]): void {
    const { channels, interleaved, flac, encoder } = this;
    const scale = this.bits === 16 ? 32768 : 8388608;
    for (let c = 0; c < channels; c++) {
      const code = quantizeWithTpdf((planes[c] as Float32Array).subarray(0, frames), this.bits, this.dithers[c] as TpdfDither, this.codes[c] as Int32Array);
      for (let i = 0, j = c; i < frames; i++, j += channels) interleaved[j] = code[i] as number;
      const decoded = heard?.[c];
      if (decoded) for (let i = 0; i < frames; i++) decoded[i] = (code[i] as number) / scale;
    }
    if (!flac.FLAC__stream_encoder_process_interleaved(encoder, interleaved.subarray(0, frames * channels), frames)) {
      const state = flac.FLAC__stream_encoder_get_state(encoder);
      flac.FLAC__stream_encoder_delete(encoder);
      throw new GlowroomError('internal', `the FLAC encoder failed (state ${state})`);
    }
  }

  async finish(): Promise<void> {
    const { flac, encoder } = this;
    try {
      if (!flac.FLAC__stream_encoder_finish(encoder)) throw new GlowroomError('internal', 'the FLAC encoder could not finish the stream');
    } finally {
      flac.FLAC__stream_encoder_delete(encoder);
    }
    const info = this.info;
    const md5 = Uint8Array.from((info?.md5sum ?? '').match(/../g) ?? [], (hex) => parseInt(hex, 16));
    if (info && md5.length === 16) this.out.patch(0, rewriteFlacMetadata(this.header, this.tagBlocks, { minFrameBytes: info.min_framesize, maxFrameBytes: info.max_framesize, md5 }));
    await Promise.resolve();
  }
}

// ---- WAV -----------------------------------------------------------------------------------

class WavEncoder implements StreamEncoder {
  private bytes = new Uint8Array(0);
  private written = 0;

  constructor(
    header: Uint8Array,
    private readonly writer: WavFrameWriter,
    private readonly frames: number,
    private readonly out: ByteSink,
  ) {
    out.append(header);
  }

  push(planes: readonly Float32Array[], frames: number, heard?: readonly Float32Array[]): void {
    const length = frames * this.writer.frameBytes;
    if (this.bytes.length < length) this.bytes = new Uint8Array(length);
    this.writer.write(planes, frames, this.bytes, heard);
    this.out.append(this.bytes.subarray(0, length));
    this.written += frames;
  }

  async finish(): Promise<void> {
    if (this.written !== this.frames) throw new GlowroomError('internal', `the WAV encoder was given ${this.written} frames for a ${this.frames}-frame file`);
    // RIFF chunks are padded to an even size.
    if ((this.frames * this.writer.frameBytes) % 2 === 1) this.out.append(new Uint8Array(1));
    await Promise.resolve();
  }
}

// ---- MP3 -----------------------------------------------------------------------------------

type LameEncoder = WasmMediaEncoder<'audio/mpeg'>;

class Mp3Encoder implements StreamEncoder {
  private constructor(
    private readonly encoder: LameEncoder,
    private readonly channels: number,
    private readonly out: ByteSink,
  ) {}

  static async open(sampleRate: number, channelCount: number, mode: { cbrKbps: number } | { vbrQuality: number }, tags: AudioTags | undefined, out: ByteSink): Promise<Mp3Encoder> {
    if (!mp3Rates.includes(sampleRate)) throw new GlowroomError('unsupported', `MP3 is written at 32, 44.1 or 48 kHz, not ${sampleRate / 1000} kHz; choose one of those rates.`);
    const { createMp3Encoder } = await import('wasm-media-encoders');
    const encoder: LameEncoder = await createMp3Encoder();
    const channels = channelCount === 1 ? 1 : 2;
    const outputSampleRate = sampleRate as 32_000 | 44_100 | 48_000;
    if ('cbrKbps' in mode) encoder.configure({ channels, sampleRate, outputSampleRate, bitrate: mode.cbrKbps as 128 });
    else encoder.configure({ channels, sampleRate, outputSampleRate, vbrQuality: mode.vbrQuality });
    out.append(tags ? encodeId3v24(tags) : new Uint8Array(0));
    return new Mp3Encoder(encoder, channels, out);
  }

  push(planes: readonly Float32Array[], frames: number): void {
    // The encoder owns the returned bytes until its next call; the sink copies them now.
    this.out.append(this.encoder.encode(planes.slice(0, this.channels).map((plane) => plane.subarray(0, frames))));
  }

  async finish(): Promise<void> {
    this.out.append(this.encoder.finalize());
    await Promise.resolve();
  }
}
