import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { withNote, type AudioFacts, type DecodedAudio } from './decoded-audio';
import { checkErrors, checkNotEmpty, damagedFile, formatSeconds, resetInPlace, ReusedDecoder, withDecoder } from './compressed';
import { collectPcm, type PcmSink, type StreamedAudio } from './pcm-stream';
import { crc, crcTable } from './crc';
import { checkShape } from './limits';
import { GlowroomError } from '../std/errors';
import { hertz } from '../std/units';

/**
 * FLAC decoder: native FLAC streams ("fLaC" at the start of `bytes`; the caller strips any ID3v2
 * tag in front), decoded by libFLAC (WASM, @wasm-audio-decoders/flac).
 *
 * The stream is taken apart here, not by the package's `decodeFile`: the audio is split into
 * frames, each checked by its header CRC-8 and frame CRC-16 and by its number in the sequence,
 * before the frames go to `decodeFrames`; STREAMINFO gives the total length. What the stream is
 * (rate, channels, depth) is taken from the frame headers, which are checksummed, and checked
 * against STREAMINFO, which is not: a disagreement is decoded as the frames say, with a note.
 * A STREAMINFO total shorter than the frames is noted and everything is decoded. Two reasons
 * for splitting here. The package's own splitter (codec-parser) drops the last frame of some valid files
 * (an ffmpeg-written 24-bit 96 kHz FLAC lost its final 6144 samples) and silently skips corrupt
 * frames, so both would arrive here as shortened audio without any error. And checking every
 * frame lets a damaged file be named for what it is: truncated, or corrupt at frame N.
 *
 * The decoder scales integers by 1 / (2^(bits - 1) - 1); they are put back on the grid the WAV
 * decoder uses, 1 / 2^(bits - 1), so a FLAC and the WAV it was made from decode identically.
 */
export async function decodeFlac(bytes: Uint8Array, name = '<unnamed>'): Promise<DecodedAudio> {
  return collectPcm((sink) => streamFlac(bytes, name, sink));
}

/** This thread's idle FLAC decoder (see compressed.ts `ReusedDecoder`), made new after each file it decoded. */
const flacDecoder = new ReusedDecoder(() => resetInPlace(new FLACDecoder()), (decoder) => decoder.reset());

/** Frames handed to the decoder at a time: 128 Ki samples per channel at the usual 4096-sample blocks. */
const FRAMES_PER_BATCH = 32;

/** `decodeFlac` a batch of frames at a time into `sink` (the same checks, notes and samples). */
export async function streamFlac(bytes: Uint8Array, name: string, sink: PcmSink): Promise<StreamedAudio> {
  const info = readStreamInfo(bytes, name);
  const audioStart = skipMetadata(bytes, name);
  const split = splitFrames(bytes, audioStart, info, name);
  const shape = frameShape(split.frames, info, name);
  checkShape(shape.sampleRate, shape.channelCount, name);
  if (info.totalSamples > 0 && split.samples < info.totalSamples) throw truncated(name, info, split.samples);
  const decodedSamples = await withDecoder(flacDecoder, 'FLAC', name, async (decoder) => {
    let done = 0;
    let planes: Float32Array[] = [];
    for (let first = 0; first < split.frames.length; first += FRAMES_PER_BATCH) {
      const decoded = await decoder.decodeFrames(split.frames.slice(first, first + FRAMES_PER_BATCH).map((frame) => frame.bytes));
      checkErrors(decoded, 'FLAC', name);
      if (decoded.samplesDecoded === 0) continue;
      if (decoded.channelData.length !== shape.channelCount || decoded.sampleRate !== shape.sampleRate) {
        throw damagedFile(
          'FLAC',
          name,
          `its frames say ${shape.channelCount} channels at ${shape.sampleRate} Hz but decode to ${decoded.channelData.length} at ${decoded.sampleRate} Hz`,
        );
      }
      const count = Math.max(0, Math.min(decoded.samplesDecoded, split.samples - done));
      if ((planes[0]?.length ?? 0) < count) planes = decoded.channelData.map(() => new Float32Array(count));
      decoded.channelData.forEach((channel, c) => requantize(channel, count, shape.bitsPerSample, planes[c] as Float32Array));
      if (count > 0) sink.write(planes, count);
      done += decoded.samplesDecoded;
    }
    return done;
  });
  checkNotEmpty(decodedSamples, 'FLAC', name);
  if (decodedSamples < split.samples) throw truncated(name, info, decodedSamples);
  let audio: StreamedAudio = {
    format: 'flac',
    encoding: 'pcm',
    bitDepth: shape.bitsPerSample,
    sampleRate: hertz(shape.sampleRate),
    channelCount: shape.channelCount,
    frames: split.samples,
  };
  for (const note of shape.notes) audio = withNote(audio, note);
  // 0 means "unknown" (a stream written without seeking back); then the frames are all there is.
  if (info.totalSamples > 0 && split.samples > info.totalSamples) {
    const held = `${formatSeconds(split.samples / shape.sampleRate)} s`;
    audio = withNote(audio, `its header says ${formatSeconds(info.totalSamples / shape.sampleRate)} s of audio but its frames hold ${held}; all ${held} were decoded.`);
  }
  return audio;
}

/**
 * What a FLAC stream's STREAMINFO says (`bytes` as for `decodeFlac`); a stream that does not
 * know its length is measured by splitting its frames, as `decodeFlac` does.
 */
export function flacFacts(bytes: Uint8Array, name = '<unnamed>'): AudioFacts {
  const info = readStreamInfo(bytes, name);
  checkShape(info.sampleRate, info.channelCount, name);
  const frames = info.totalSamples > 0 ? info.totalSamples : splitFrames(bytes, skipMetadata(bytes, name), info, name).samples;
  return { format: 'flac', bitDepth: info.bitsPerSample, sampleRate: hertz(info.sampleRate), channelCount: info.channelCount, frames };
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

/** One frame of the stream and what its header says. */
interface Frame {
  readonly bytes: Uint8Array;
  readonly header: FrameHeader;
}

/**
 * The frames of the stream, each ending where its CRC-16 (which covers the whole frame, its
 * stored CRC included, and so comes out 0) meets the next valid frame header or the end of the
 * file. An ID3v1 or APE tag after the last frame is ignored. Frames must come in order: each
 * header's coded number (the frame number, or with variable block sizes the first sample's
 * number) continues from the one before, so a repeated or missing frame is found.
 */
function splitFrames(bytes: Uint8Array, start: number, info: StreamInfo, name: string): { frames: Frame[]; samples: number } {
  const frames: Frame[] = [];
  let samples = 0;
  for (let pos = start; pos < bytes.length && !isTrailer(bytes, pos); ) {
    const header = frameHeader(bytes, pos);
    if (!header) {
      throw damagedFile('FLAC', name, frames.length === 0 ? 'no audio frame follows its metadata' : `frame ${frames.length + 1} has no valid header`);
    }
    const expected = header.variableBlocks ? samples : frames.length;
    if (header.number !== expected) {
      throw damagedFile('FLAC', name, `frame ${frames.length + 1} is out of order (a frame is repeated or missing)`);
    }
    let sum = 0;
    let end = -1;
    let headerSeen = false;
    const table = crc16Table;
    const length = bytes.length;
    for (let i = pos; i < length; i++) {
      sum = ((sum << 8) ^ (table[(sum >>> 8) ^ (bytes[i] as number)] as number)) & 0xffff;
      const next = i + 1;
      if (next - pos < header.length + 3) continue;
      // A frame can end only before the file's end, a trailer ('T', 'A') or a frame header (0xFF):
      // most bytes are none of these, and this loop runs over every byte of the file.
      const following = bytes[next];
      if (next !== length && following !== 0xff && following !== 0x54 && following !== 0x41) continue;
      const boundary = next === length || isTrailer(bytes, next) || (following === 0xff && frameHeader(bytes, next) !== undefined);
      if (boundary && sum === 0) {
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
    frames.push({ bytes: bytes.subarray(pos, end), header });
    samples += header.blockSize;
    pos = end;
  }
  return { frames, samples };
}

/** What the stream is, by its frames (checksummed, so they win over STREAMINFO), with a note for each disagreement. */
interface Shape {
  readonly sampleRate: number;
  readonly channelCount: number;
  readonly bitsPerSample: number;
  readonly notes: readonly string[];
}

/**
 * Every frame header repeats the channel count and, unless it defers to STREAMINFO (code 0), the
 * sample rate and depth. Frames that disagree among themselves make the file damaged; frames
 * that agree with each other but not with STREAMINFO are decoded as the frames say, with a note,
 * because the frames are checksummed and the STREAMINFO block is not.
 */
function frameShape(frames: readonly Frame[], info: StreamInfo, name: string): Shape {
  const notes: string[] = [];
  const resolve = (field: 'sampleRate' | 'channelCount' | 'bitsPerSample', unit: string): number => {
    const first = frames[0]?.header[field] ?? 0;
    const odd = frames.findIndex((frame) => frame.header[field] !== first);
    if (odd >= 0) throw damagedFile('FLAC', name, `its frames disagree: frame 1 says ${first || info[field]} ${unit} but frame ${odd + 1} says ${frames[odd]?.header[field] || info[field]}`);
    if (first === 0 || first === info[field]) return info[field];
    notes.push(`its header says ${info[field]} ${unit} but its audio is ${first} ${unit}; decoded as ${first} ${unit}.`);
    return first;
  };
  const sampleRate = resolve('sampleRate', 'Hz');
  const channelCount = resolve('channelCount', 'channels');
  const bitsPerSample = resolve('bitsPerSample', 'bits');
  return { sampleRate, channelCount, bitsPerSample, notes };
}

/** Tags some taggers append after the audio: ID3v1 ("TAG", 128 bytes) or APEv2 ("APETAGEX"). */
function isTrailer(bytes: Uint8Array, at: number): boolean {
  // Compared byte by byte: the frame walk asks at every 'T' and 'A' in the audio.
  if (bytes[at] === 0x54) return bytes.length - at === 128 && bytes[at + 1] === 0x41 && bytes[at + 2] === 0x47;
  if (bytes[at] !== 0x41) return false;
  for (let i = 1; i < apeTag.length; i++) if (bytes[at + i] !== apeTag[i]) return false;
  return true;
}

/** "APETAGEX". */
const apeTag = [0x41, 0x50, 0x45, 0x54, 0x41, 0x47, 0x45, 0x58];

/** A frame header's fields; 0 for a rate or depth means "as in STREAMINFO". */
interface FrameHeader {
  /** Bytes of the header, its CRC-8 included. */
  readonly length: number;
  readonly blockSize: number;
  readonly sampleRate: number;
  readonly channelCount: number;
  readonly bitsPerSample: number;
  /** Variable block sizes: `number` counts samples; fixed: frames. */
  readonly variableBlocks: boolean;
  readonly number: number;
}

/** Sample rates of the header's rate codes 1..11 (0: STREAMINFO; 12..14 follow the header). */
const rateOfCode = [0, 88_200, 176_400, 192_000, 8000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000, 96_000];
/** Bits per sample of the depth codes (0: STREAMINFO; 3 is reserved). */
const depthOfCode = [0, 8, 12, 0, 16, 20, 24, 32];

/**
 * A frame header at `at`: sync 0xFFF8/0xFFF9 (the last bit: variable block sizes), block size and
 * sample rate codes, channel assignment, sample size, a UTF-8-style coded frame or sample number,
 * optional explicit block size and sample rate, and a CRC-8 over all of it.
 */
function frameHeader(bytes: Uint8Array, at: number): FrameHeader | undefined {
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
  let number = extra === 0 ? lead : lead & (0x3f >> extra);
  let length = 5 + extra;
  for (let i = 5; i < length; i++) {
    if ((byte(i) & 0xc0) !== 0x80) return undefined;
    number = number * 64 + (byte(i) & 0x3f);
  }
  let blockSize = sizeCode === 1 ? 192 : sizeCode <= 5 ? 576 * 2 ** (sizeCode - 2) : sizeCode >= 8 ? 2 ** sizeCode : 0;
  if (sizeCode === 6) blockSize = byte(length++) + 1;
  else if (sizeCode === 7) {
    blockSize = byte(length) * 256 + byte(length + 1) + 1;
    length += 2;
  }
  let sampleRate = rateOfCode[rateCode] ?? 0;
  if (rateCode === 12) sampleRate = byte(length++) * 1000;
  else if (rateCode === 13 || rateCode === 14) {
    sampleRate = (byte(length) * 256 + byte(length + 1)) * (rateCode === 13 ? 1 : 10);
    length += 2;
  }
  if (at + length + 1 > bytes.length) return undefined;
  if (crc(8, bytes, at, at + length) !== byte(length)) return undefined;
  return {
    length: length + 1,
    blockSize,
    sampleRate,
    channelCount: channelCode <= 7 ? channelCode + 1 : 2,
    bitsPerSample: depthOfCode[depthCode] ?? 0,
    variableBlocks: (byte(1) & 1) === 1,
    number,
  };
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
 * Puts the first `count` of the decoder's samples (integer / (2^(bits - 1) - 1)) back on the
 * integer grid, integer / 2^(bits - 1), into `out`. Exact up to 24 bits, where a float still
 * holds the integer; wider samples are only rescaled.
 */
function requantize(channel: Float32Array, count: number, bits: number, out: Float32Array): void {
  const decoderScale = 2 ** (bits - 1) - 1;
  const gridStep = 2 ** -(bits - 1);
  if (bits <= 24) {
    // floor(x + 0.5), not Math.round: the same for every x but those in [−0.5, 0), where
    // Math.round gives −0, and the decoder's x lie within a quarter of an integer (0 is +0);
    // V8's Math.round costs six times as much (9.5 against 1.6 ns a sample).
    for (let i = 0; i < count; i++) out[i] = Math.floor((channel[i] as number) * decoderScale + 0.5) * gridStep;
  } else {
    for (let i = 0; i < count; i++) out[i] = (channel[i] as number) * decoderScale * gridStep;
  }
}

/** FLAC's CRC-16, for the frame walk that checks the running sum at every byte. */
const crc16Table = crcTable(16);
