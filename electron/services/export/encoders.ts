/**
 * The encoders of an export, and the decoders that read the written bytes back so loudness is
 * measured on what the listener gets:
 * - WAV: src/codecs/wav-writer (TPDF dither from a fixed seed for 16/24-bit), LIST/INFO + `id3 `.
 * - FLAC: libFLAC (npm `libflacjs`, the Emscripten build, compression level 5) fed the same
 *   TPDF-dithered codes as WAV; tags and the finished STREAMINFO (MD5, frame sizes) are written by
 *   src/codecs/flac-metadata.
 * - MP3: LAME 3.100 compiled to WebAssembly (npm `wasm-media-encoders`), CBR or VBR, with an
 *   ID3v2.4 tag (src/codecs/id3) in front.
 * All three run in this process (no native builds); none is loaded until first used.
 */
import { createRequire } from 'node:module';
import { decodeFlac } from '../../../src/codecs/flac';
import { flacTagBlocks, rewriteFlacMetadata } from '../../../src/codecs/flac-metadata';
import type { AudioTags } from '../../../src/codecs/audio-tags';
import { concat, encodeId3v24 } from '../../../src/codecs/id3';
import { decodeMp3 } from '../../../src/codecs/mp3';
import { decodeWav } from '../../../src/codecs/wav';
import { wavMetadataChunks } from '../../../src/codecs/wav-metadata';
import { encodeWav } from '../../../src/codecs/wav-writer';
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

export async function encodeAudio(planes: readonly Float32Array[], sampleRate: number, format: ExportFormat, tags: AudioTags | undefined): Promise<Uint8Array> {
  switch (format.kind) {
    case 'wav':
      return encodeWav(
        { sampleRate, channels: planes },
        { ...(format.bits === '32f' ? { bitDepth: 32, float: true } : { bitDepth: format.bits, ditherSeed: DEFAULT_DITHER_SEED }), chunks: wavMetadataChunks(tags) },
      );
    case 'flac':
      return encodeFlac(planes, sampleRate, format.bits, tags);
    case 'mp3':
      return encodeMp3(planes, sampleRate, format.mode, tags);
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
  // The asm.js build: the WebAssembly one fetches its .wasm by URL, which Node's fetch refuses.
  libFlac ??= new Promise<LibFlac>((resolve) => {
    const flac = (createRequire(import.meta.url)('libflacjs') as (variant: string) => LibFlac)('min');
    if (flac.isReady()) resolve(flac);
    else flac.on('ready', () => resolve(flac));
  });
  return libFlac;
}

async function encodeFlac(planes: readonly Float32Array[], sampleRate: number, bits: 16 | 24, tags: AudioTags | undefined): Promise<Uint8Array> {
  const flac = await loadLibFlac();
  const channels = planes.length;
  const frames = planes[0]?.length ?? 0;
  const encoder = flac.create_libflac_encoder(sampleRate, channels, bits, 5, frames, false);
  if (!encoder) throw new GlowroomError('internal', 'could not create the FLAC encoder');
  const parts: Uint8Array[] = [];
  let info: { min_framesize: number; max_framesize: number; md5sum: string } | undefined;
  try {
    const status = flac.init_encoder_stream(encoder, (data, bytes) => parts.push(data.slice(0, bytes)), (metadata) => (info = metadata));
    if (status !== 0) throw new GlowroomError('internal', `the FLAC encoder did not start (status ${status})`);
    const dithers = planes.map((_, c) => new TpdfDither(DEFAULT_DITHER_SEED + c));
    const codes = planes.map(() => new Int32Array(CHUNK));
    const interleaved = new Int32Array(CHUNK * channels);
    for (let start = 0; start < frames; start += CHUNK) {
      const count = Math.min(CHUNK, frames - start);
      planes.forEach((plane, c) => quantizeWithTpdf(plane.subarray(start, start + count), bits, dithers[c] as TpdfDither, codes[c] as Int32Array));
      for (let c = 0; c < channels; c++) {
        const code = codes[c] as Int32Array;
        for (let i = 0; i < count; i++) interleaved[i * channels + c] = code[i] as number;
      }
      if (!flac.FLAC__stream_encoder_process_interleaved(encoder, interleaved.subarray(0, count * channels), count)) {
        throw new GlowroomError('internal', `the FLAC encoder failed (state ${flac.FLAC__stream_encoder_get_state(encoder)})`);
      }
    }
    if (!flac.FLAC__stream_encoder_finish(encoder)) throw new GlowroomError('internal', 'the FLAC encoder could not finish the stream');
  } finally {
    flac.FLAC__stream_encoder_delete(encoder);
  }
  const md5 = Uint8Array.from((info?.md5sum ?? '').match(/../g) ?? [], (hex) => parseInt(hex, 16));
  const patch = info && md5.length === 16 ? { minFrameBytes: info.min_framesize, maxFrameBytes: info.max_framesize, md5 } : undefined;
  return rewriteFlacMetadata(concat(parts), flacTagBlocks(tags, 'Glowroom (libFLAC 1.4)'), patch);
}

// ---- MP3 -----------------------------------------------------------------------------------

type Mp3Encoder = WasmMediaEncoder<'audio/mpeg'>;

async function encodeMp3(planes: readonly Float32Array[], sampleRate: number, mode: { cbrKbps: number } | { vbrQuality: number }, tags: AudioTags | undefined): Promise<Uint8Array> {
  if (!mp3Rates.includes(sampleRate)) throw new GlowroomError('unsupported', `MP3 is written at 32, 44.1 or 48 kHz, not ${sampleRate / 1000} kHz; choose one of those rates.`);
  const { createMp3Encoder } = await import('wasm-media-encoders');
  const encoder: Mp3Encoder = await createMp3Encoder();
  const channels = planes.length === 1 ? 1 : 2;
  const outputSampleRate = sampleRate as 32_000 | 44_100 | 48_000;
  if ('cbrKbps' in mode) encoder.configure({ channels, sampleRate, outputSampleRate, bitrate: mode.cbrKbps as 128 });
  else encoder.configure({ channels, sampleRate, outputSampleRate, vbrQuality: mode.vbrQuality });
  const tag = tags ? encodeId3v24(tags) : new Uint8Array(0);
  const parts: Uint8Array[] = [tag];
  const frames = planes[0]?.length ?? 0;
  for (let start = 0; start < frames; start += CHUNK) {
    const end = Math.min(frames, start + CHUNK);
    // The encoder owns the returned buffer until the next call: copy it.
    parts.push(encoder.encode(planes.slice(0, channels).map((plane) => plane.subarray(start, end))).slice());
  }
  parts.push(encoder.finalize().slice());
  return concat(parts);
}
