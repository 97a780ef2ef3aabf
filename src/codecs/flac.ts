import { FLACDecoder } from '@wasm-audio-decoders/flac';
import type { DecodedAudio } from './decoded-audio';
import { checkDecoded, damagedFile, formatSeconds, withDecoder } from './compressed';
import { GlowroomError } from '../std/errors';
import { hertz } from '../std/units';

/**
 * FLAC decoder: native FLAC streams ("fLaC" at the start of `bytes`; the caller strips any ID3v2
 * tag in front), decoded by libFLAC (WASM, @wasm-audio-decoders/flac).
 *
 * The stream is taken apart here, not by the package's `decodeFile`: STREAMINFO gives the bit
 * depth reported as `bitDepth` and the total length, and the audio is split into frames, each
 * checked by its header CRC-8 and frame CRC-16, before the frames go to `decodeFrames`. Two
 * reasons. The package's own splitter (codec-parser) drops the last frame of some valid files
 * (an ffmpeg-written 24-bit 96 kHz FLAC lost its final 6144 samples) and silently skips corrupt
 * frames, so both would arrive here as shortened audio without any error. And checking every
 * frame lets a damaged file be named for what it is: truncated, or corrupt at frame N.
 *
 * The decoder scales integers by 1 / (2^(bits - 1) - 1); they are put back on the grid the WAV
 * decoder uses, 1 / 2^(bits - 1), so a FLAC and the WAV it was made from decode identically.
 */
export async function decodeFlac(bytes: Uint8Array, name = '<unnamed>'): Promise<DecodedAudio> {
  const info = readStreamInfo(bytes, name);
  const audioStart = skipMetadata(bytes, name);
  const split = splitFrames(bytes, audioStart, info, name);
  if (info.totalSamples > 0 && split.samples < info.totalSamples) throw truncated(name, info, split.samples);
  const decoded = await withDecoder(() => new FLACDecoder(), 'FLAC', name, (decoder) => decoder.decodeFrames(split.frames));
  checkDecoded(decoded, 'FLAC', name);
  if (decoded.channelData.length !== info.channelCount || decoded.sampleRate !== info.sampleRate) {
    throw damagedFile(
      'FLAC',
      name,
      `its header says ${info.channelCount} channels at ${info.sampleRate} Hz but its frames hold ${decoded.channelData.length} at ${decoded.sampleRate} Hz`,
    );
  }
  if (decoded.samplesDecoded < split.samples) throw truncated(name, info, decoded.samplesDecoded);
  // 0 means "unknown" (a stream written without seeking back); then the frames are all there is.
  const frames = info.totalSamples > 0 ? info.totalSamples : decoded.samplesDecoded;
  return {
    format: 'flac',
    encoding: 'pcm',
    bitDepth: info.bitsPerSample,
    sampleRate: hertz(info.sampleRate),
    channels: decoded.channelData.map((channel) => requantize(channel, frames, info.bitsPerSample)),
  };
}

interface StreamInfo {
  readonly sampleRate: number;
  readonly channelCount: number;
  readonly bitsPerSample: number;
  /** Frames in the stream; 0 when the encoder did not know. */
  readonly totalSamples: number;
}

const STREAMINFO_LENGTH = 34;

/**
 * The mandatory first metadata block: "fLaC", a 4-byte block header (last-block flag and type 0),
 * then 34 bytes of which we read bytes 10..17: sample rate (20 bits), channels - 1 (3 bits),
 * bits per sample - 1 (5 bits), total samples (36 bits).
 */
function readStreamInfo(bytes: Uint8Array, name: string): StreamInfo {
  if (bytes.length < 4 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'fLaC') {
    throw new GlowroomError('bad-format', `not a FLAC file: ${name}`);
  }
  if (bytes.length < 8 + STREAMINFO_LENGTH) {
    throw new GlowroomError('bad-format', `truncated FLAC file: ${name} ends inside its STREAMINFO block`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = view.getUint8(4) & 0x7f;
  const length = view.getUint32(4, false) & 0xffffff;
  if (type !== 0 || length < STREAMINFO_LENGTH) {
    throw damagedFile('FLAC', name, 'it does not start with a STREAMINFO block');
  }
  const at = 8 + 10;
  const packed = view.getUint32(at, false);
  const sampleRate = packed >>> 12;
  const channelCount = ((packed >>> 9) & 0x7) + 1;
  const bitsPerSample = ((packed >>> 4) & 0x1f) + 1;
  const totalSamples = (packed & 0xf) * 2 ** 32 + view.getUint32(at + 4, false);
  if (sampleRate === 0 || bitsPerSample < 4) {
    throw damagedFile('FLAC', name, `its STREAMINFO block is inconsistent (${sampleRate} Hz, ${bitsPerSample} bits)`);
  }
  return { sampleRate, channelCount, bitsPerSample, totalSamples };
}

/** Where the audio frames start: after the metadata block with the last-block flag. */
function skipMetadata(bytes: Uint8Array, name: string): number {
  let pos = 4;
  for (;;) {
    if (pos + 4 > bytes.length) throw new GlowroomError('bad-format', `truncated FLAC file: ${name} ends inside its metadata`);
    const header = bytes[pos] ?? 0;
    const length = ((bytes[pos + 1] ?? 0) << 16) | ((bytes[pos + 2] ?? 0) << 8) | (bytes[pos + 3] ?? 0);
    pos += 4 + length;
    if (pos > bytes.length) throw new GlowroomError('bad-format', `truncated FLAC file: ${name} ends inside its metadata`);
    if (header & 0x80) return pos;
  }
}

/**
 * The frames of the stream, each ending where its CRC-16 (which covers the whole frame, its
 * stored CRC included, and so comes out 0) meets the next valid frame header or the end of the
 * file. An ID3v1 or APE tag after the last frame is ignored.
 */
function splitFrames(bytes: Uint8Array, start: number, info: StreamInfo, name: string): { frames: Uint8Array[]; samples: number } {
  const frames: Uint8Array[] = [];
  let samples = 0;
  for (let pos = start; pos < bytes.length && !isTrailer(bytes, pos); ) {
    const header = frameHeader(bytes, pos);
    if (!header) {
      throw damagedFile('FLAC', name, frames.length === 0 ? 'no audio frame follows its metadata' : `frame ${frames.length + 1} has no valid header`);
    }
    let crc = 0;
    let end = -1;
    let headerSeen = false;
    for (let i = pos; i < bytes.length; i++) {
      crc = ((crc << 8) ^ (crc16Table[(crc >>> 8) ^ (bytes[i] ?? 0)] ?? 0)) & 0xffff;
      const next = i + 1;
      if (next - pos < header.length + 3) continue;
      const boundary = next === bytes.length || isTrailer(bytes, next) || (bytes[next] === 0xff && frameHeader(bytes, next) !== undefined);
      if (boundary && crc === 0) {
        end = next;
        break;
      }
      if (boundary && next < bytes.length) headerSeen = true;
    }
    if (end < 0) {
      // No later frame header: the file stops inside this frame. Otherwise its bytes are wrong.
      if (!headerSeen) throw truncated(name, info, samples);
      throw damagedFile('FLAC', name, `frame ${frames.length + 1} fails its checksum`);
    }
    frames.push(bytes.subarray(pos, end));
    samples += header.blockSize;
    pos = end;
  }
  return { frames, samples };
}

/** Tags some taggers append after the audio: ID3v1 ("TAG", 128 bytes) or APEv2 ("APETAGEX"). */
function isTrailer(bytes: Uint8Array, at: number): boolean {
  if (bytes[at] !== 0x54 && bytes[at] !== 0x41) return false; // 'T', 'A': most bytes stop here
  const tag = String.fromCharCode(...bytes.subarray(at, at + 8));
  return (tag.startsWith('TAG') && bytes.length - at === 128) || tag === 'APETAGEX';
}

/**
 * A frame header at `at`: sync 0xFFF8/0xFFF9, block size and sample rate codes, channel
 * assignment, sample size, a UTF-8-style coded frame or sample number, optional explicit block
 * size and sample rate, and a CRC-8 over all of it.
 */
function frameHeader(bytes: Uint8Array, at: number): { length: number; blockSize: number } | undefined {
  const byte = (i: number): number => bytes[at + i] ?? 0;
  if (at + 6 > bytes.length || byte(0) !== 0xff || (byte(1) & 0xfe) !== 0xf8) return undefined;
  const sizeCode = byte(2) >> 4;
  const rateCode = byte(2) & 0xf;
  const channelCode = byte(3) >> 4;
  const depthCode = (byte(3) >> 1) & 7;
  if (sizeCode === 0 || rateCode === 15 || channelCode > 10 || depthCode === 3 || (byte(3) & 1) !== 0) return undefined;
  // The coded number: a first byte with n leading ones is followed by n - 1 bytes of 10xxxxxx.
  const lead = byte(4);
  const extra = lead < 0x80 ? 0 : lead >= 0xc0 && lead <= 0xfe ? Math.clz32(~(lead << 24)) - 1 : -1;
  if (extra < 0) return undefined;
  let length = 5 + extra;
  for (let i = 5; i < length; i++) if ((byte(i) & 0xc0) !== 0x80) return undefined;
  let blockSize = sizeCode === 1 ? 192 : sizeCode <= 5 ? 576 * 2 ** (sizeCode - 2) : sizeCode >= 8 ? 2 ** sizeCode : 0;
  if (sizeCode === 6) blockSize = byte(length++) + 1;
  else if (sizeCode === 7) {
    blockSize = byte(length) * 256 + byte(length + 1) + 1;
    length += 2;
  }
  if (rateCode === 12) length += 1;
  else if (rateCode === 13 || rateCode === 14) length += 2;
  if (at + length + 1 > bytes.length) return undefined;
  let crc = 0;
  for (let i = 0; i < length; i++) crc = crc8Table[crc ^ byte(i)] ?? 0;
  return crc === byte(length) ? { length: length + 1, blockSize } : undefined;
}

function truncated(name: string, info: StreamInfo, held: number): GlowroomError {
  const total = info.totalSamples > 0 ? info.totalSamples : undefined;
  const holds = `${formatSeconds(held / info.sampleRate)} s`;
  return new GlowroomError(
    'bad-format',
    total === undefined
      ? `truncated FLAC file: ${name} stops in the middle of a frame after ${holds} of audio`
      : `truncated FLAC file: ${name} declares ${formatSeconds(total / info.sampleRate)} s of audio but holds ${holds}`,
  );
}

/**
 * Puts the decoder's samples (integer / (2^(bits - 1) - 1)) back on the integer grid, integer /
 * 2^(bits - 1), and keeps exactly `frames` of them. Exact up to 24 bits, where a float still
 * holds the integer; wider samples are only rescaled.
 */
function requantize(channel: Float32Array, frames: number, bits: number): Float32Array {
  const out = new Float32Array(frames);
  const decoderScale = 2 ** (bits - 1) - 1;
  const gridStep = 2 ** -(bits - 1);
  const count = Math.min(frames, channel.length);
  if (bits <= 24) {
    for (let i = 0; i < count; i++) out[i] = Math.round((channel[i] ?? 0) * decoderScale) * gridStep;
  } else {
    for (let i = 0; i < count; i++) out[i] = (channel[i] ?? 0) * decoderScale * gridStep;
  }
  return out;
}

const crc8Table = makeCrcTable(0x07, 8);
const crc16Table = makeCrcTable(0x8005, 16);

/** Table for a non-reflected CRC of `width` bits, initial value 0 (FLAC's CRC-8 and CRC-16). */
function makeCrcTable(polynomial: number, width: 8 | 16): Uint16Array {
  const table = new Uint16Array(256);
  const top = 1 << (width - 1);
  const mask = (1 << width) - 1;
  for (let i = 0; i < 256; i++) {
    let r = i << (width - 8);
    for (let bit = 0; bit < 8; bit++) r = (r & top ? (r << 1) ^ polynomial : r << 1) & mask;
    table[i] = r;
  }
  return table;
}
