import { MPEGDecoder } from 'mpg123-decoder';
import { withNote, type AudioFacts, type DecodedAudio } from './decoded-audio';
import { checkErrors, checkLevels, checkNotEmpty, damagedFile, formatSeconds, resetInPlace, ReusedDecoder, withDecoder } from './compressed';
import { collectPcm, type PcmSink, type StreamedAudio } from './pcm-stream';
import { GlowroomError } from '../std/errors';
import { hertz } from '../std/units';

/**
 * MP3 (MPEG-1/2/2.5 audio layer III, and layer II) decoder over mpg123 (WASM, mpg123-decoder).
 *
 * Length (gapless): encoders add silence at both ends. LAME records how much in the LAME tag of
 * its Xing/Info frame: the encoder delay (usually 576) at the start, to which every decoder adds
 * 529 samples of its own delay, and the padding to whole frames at the end. ffmpeg honours the
 * tag when its encoder string starts "LAME", "Lavf" or "Lavc": it skips delay + 529 samples and
 * keeps frames × samples per frame − delay − padding. sox (libmad) does not: for the pack's
 * bd_tek.mp3, `soxi -s` estimates 12 657 frames, sox decodes 12 672 (11 frames × 1152), ffmpeg
 * 10 595 = 12 672 − 576 − 1501.
 *
 * mpg123's own gapless mode (the package default, `enableGapless: true`) agrees with ffmpeg on
 * LAME-tagged files, but not elsewhere: with a Xing header and no LAME tag it still drops 529
 * samples at the start (ffmpeg drops none), and it reads delay and padding whatever the encoder
 * string says. So it is turned off and the trimming is done here, by ffmpeg's rule, from the raw
 * output of every frame (the Xing frame itself decodes to nothing). The frame count of the Xing
 * header also catches truncated files, which mpg123 decodes as far as they go without an error.
 *
 * mpg123-decoder always returns two channels; a mono stream (channel mode 3 in the first frame
 * header) comes back duplicated, so only the first channel is kept.
 */
export async function decodeMp3(bytes: Uint8Array, name = '<unnamed>'): Promise<DecodedAudio> {
  return collectPcm((sink) => streamMp3(bytes, name, sink));
}

/**
 * This thread's idle MP3 decoder (see compressed.ts `ReusedDecoder`), made new after each file it
 * decoded. The package's `free` frees the C decoder a second time after `mpeg_frame_decoder_destroy`
 * has freed it, harmless in an instance thrown away but not in one kept, so the renewal destroys it once.
 */
const mpegDecoder = new ReusedDecoder(
  () => resetInPlace(new MPEGDecoder({ enableGapless: false }), { destroy: (exports, pointer) => void exports.mpeg_frame_decoder_destroy?.(pointer) }),
  (decoder) => decoder.reset(),
);

/** Bytes of the frame chain handed to the decoder at a time (about 3 s at 160 kbit/s). */
const CHAIN_CHUNK = 1 << 16;
/**
 * Frames of decoded output whose levels are checked only at the end: the sound kept may end up
 * to 529 − 4095 (the LAME tag's largest padding) frames before the decoded output ends, so
 * anything earlier is kept for sure and checked as it comes.
 */
const TAIL_FRAMES = 4096;

/** `decodeMp3` a chunk of frames at a time into `sink` (the same checks, notes and samples). */
export async function streamMp3(bytes: Uint8Array, name: string, sink: PcmSink): Promise<StreamedAudio> {
  const stream = frameChain(bytes);
  if (!stream) throw new GlowroomError('bad-format', `not an MP3 file: ${name} (no MPEG audio frames found)`);
  const header = stream.frame;
  const info = stream.runs[0] ? readXing(stream.runs[0], 0, header) : undefined;
  const { start, frames: declared } = info ? trimmed(info, header) : { start: 0, frames: Infinity };
  const levels = new TailLevels(header.mono ? 1 : 2, start);
  const decodedSamples = await withDecoder(mpegDecoder, 'MP3', name, (decoder) => {
    let done = 0;
    const chunks = stream.runs.flatMap((run) => Array.from({ length: Math.ceil(run.length / CHAIN_CHUNK) }, (_, i) => run.subarray(i * CHAIN_CHUNK, (i + 1) * CHAIN_CHUNK)));
    for (const chunk of chunks) {
      const decoded = decoder.decode(chunk);
      checkErrors(decoded, 'MP3', name);
      if (decoded.samplesDecoded === 0) continue;
      if (decoded.sampleRate !== header.sampleRate) {
        throw damagedFile('MP3', name, `its frames say ${header.sampleRate} Hz but decode at ${decoded.sampleRate} Hz`);
      }
      // mpg123-decoder always returns two channels; a mono stream's second is a copy.
      const planes = header.mono ? decoded.channelData.slice(0, 1) : decoded.channelData;
      const skip = Math.max(0, Math.min(decoded.samplesDecoded, start - done));
      if (skip < decoded.samplesDecoded) sink.write(skip === 0 ? planes : planes.map((plane) => plane.subarray(skip)), decoded.samplesDecoded - skip);
      levels.add(planes, done, decoded.samplesDecoded);
      done += decoded.samplesDecoded;
    }
    return done;
  });
  checkNotEmpty(decodedSamples, 'MP3', name);
  const notes: string[] = [];
  if (stream.skipped > 0) notes.push(`${stream.skipped} bytes of damaged data between its frames were skipped.`);
  let frames = info ? declared : decodedSamples;
  if (info) {
    const raw = info.frames * header.samplesPerFrame;
    if (decodedSamples < raw) {
      const held = formatSeconds(Math.max(0, decodedSamples - start) / header.sampleRate);
      throw new GlowroomError('bad-format', `truncated MP3 file: ${name} declares ${formatSeconds(frames / header.sampleRate)} s of audio but holds ${held} s`);
    }
    if (decodedSamples > raw) {
      // The header undercounts: the frames are all there, so all of them are the sound.
      const said = formatSeconds(Math.max(0, frames) / header.sampleRate);
      frames += decodedSamples - raw;
      notes.push(`its header says ${said} s of audio but it holds ${formatSeconds(frames / header.sampleRate)} s; all of it was decoded.`);
    }
  }
  // As slicing the decoded output from `start` would keep them.
  const kept = Math.max(0, Math.min(decodedSamples, start + Math.max(0, frames)) - start);
  checkLevels(levels.peak(start + kept), 'MP3', name);
  let audio: StreamedAudio = { format: 'mp3', encoding: 'lossy', bitDepth: 0, sampleRate: hertz(header.sampleRate), channelCount: header.mono ? 1 : 2, frames: kept };
  for (const note of notes) audio = withNote(audio, note);
  return audio;
}

/**
 * The peak of the decoded output from `start` to an end known only when decoding ends, which
 * lies within `TAIL_FRAMES` of the output's end: frames older than that are folded into the
 * peak as they come, the last `TAIL_FRAMES` are kept (as each frame's loudest channel) until then.
 */
class TailLevels {
  private sure = 0;
  /** Each frame's largest magnitude, by frame index modulo TAIL_FRAMES. */
  private readonly tail = new Float64Array(TAIL_FRAMES);
  private seen = 0;

  constructor(
    private readonly channelCount: number,
    private readonly start: number,
  ) {}

  /** Frames [0, frames) of `planes` are decoded frames [at, at + frames). */
  add(planes: readonly Float32Array[], at: number, frames: number): void {
    const left = planes[0] as Float32Array;
    const right = (this.channelCount > 1 ? planes[1] : left) as Float32Array;
    const end = at + frames;
    // Frames before `sure` will be more than TAIL_FRAMES old: kept if at or after the start.
    const sure = end - TAIL_FRAMES;
    for (let position = Math.max(this.seen - TAIL_FRAMES, this.start); position < Math.min(this.seen, sure); position++) {
      this.sure = Math.max(this.sure, this.tail[position % TAIL_FRAMES] as number);
    }
    const tailFrom = Math.max(0, Math.min(frames, sure - at));
    for (let i = Math.max(0, this.start - at); i < tailFrom; i++) this.sure = Math.max(this.sure, Math.abs(left[i] as number), Math.abs(right[i] as number));
    for (let i = tailFrom; i < frames; i++) this.tail[(at + i) % TAIL_FRAMES] = Math.max(Math.abs(left[i] as number), Math.abs(right[i] as number));
    this.seen = end;
  }

  /** The peak of decoded frames [start, end), `end` within TAIL_FRAMES of the frames seen. */
  peak(end: number): number {
    let peak = this.sure;
    for (let position = Math.max(this.start, this.seen - TAIL_FRAMES); position < Math.min(end, this.seen); position++) {
      peak = Math.max(peak, this.tail[position % TAIL_FRAMES] as number);
    }
    return peak;
  }
}

/**
 * What an MP3 file's frame headers say without decoding: the length from the Xing/Info header
 * (trimmed as `decodeMp3` trims it), or else estimated from the first frame's bitrate and the
 * bytes that follow it.
 */
export function mp3Facts(bytes: Uint8Array, name = '<unnamed>'): AudioFacts {
  const found = lockStream(bytes);
  if (!found) throw new GlowroomError('bad-format', `not an MP3 file: ${name} (no MPEG audio frames found)`);
  const { frame } = found.lock;
  const first = frameAt(bytes, found.start);
  const info = first && sameStream(first, frame) ? readXing(bytes, found.start, first) : undefined;
  const frames = info ? trimmed(info, frame).frames : Math.round((bytes.length - found.lock.at) / frame.length) * frame.samplesPerFrame;
  return { format: 'mp3', bitDepth: 0, sampleRate: hertz(frame.sampleRate), channelCount: frame.mono ? 1 : 2, frames };
}

/** Where the sound starts in the decoder's output and how long it is, by ffmpeg's rule for the LAME tag. */
function trimmed(info: XingInfo, frame: MpegFrame): { start: number; frames: number } {
  const raw = info.frames * frame.samplesPerFrame;
  const gap = info.gapless && info.gapless.delay + info.gapless.padding < raw ? info.gapless : undefined;
  return gap ? { start: gap.delay + DECODER_DELAY, frames: raw - gap.delay - gap.padding } : { start: 0, frames: raw };
}

/** Samples every layer III decoder outputs before the encoder's first one (ffmpeg: 528 + 1). */
const DECODER_DELAY = 529;

/** Bytes taken by the ID3v2 tag at `at` (header, body, optional footer), or 0 if there is none. */
export function id3v2Length(bytes: Uint8Array, at = 0): number {
  if (bytes.length < at + 10 || bytes[at] !== 0x49 || bytes[at + 1] !== 0x44 || bytes[at + 2] !== 0x33) return 0;
  const size = bytes.subarray(at + 6, at + 10);
  // Sizes are "syncsafe": 4 × 7 bits, the top bit of each byte clear.
  if (size.some((byte) => byte >= 0x80)) return 0;
  const body = size.reduce((sum, byte) => sum * 128 + byte, 0);
  const footer = ((bytes[at + 5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return Math.min(10 + body + footer, bytes.length - at);
}

/**
 * True if `bytes` start like an MP3 file: an ID3v2 tag, or an MPEG audio layer II/III frame header
 * followed by a second one where the first frame ends (or the file ending exactly there). Random
 * bytes pass the first test about once in 10^4 tries and both about once in 10^8.
 */
export function looksLikeMp3(bytes: Uint8Array): boolean {
  if (id3v2Length(bytes) > 0) return true;
  return confirmedFrameAt(bytes, 0) !== undefined;
}

interface MpegFrame {
  readonly version: 1 | 2 | 2.5;
  readonly layer: 2 | 3;
  readonly sampleRate: number;
  readonly samplesPerFrame: number;
  /** Bytes in the frame, header included. */
  readonly length: number;
  readonly mono: boolean;
}

const bitrates = {
  v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
} as const;
const sampleRates = { 1: [44_100, 48_000, 32_000], 2: [22_050, 24_000, 16_000], 2.5: [11_025, 12_000, 8000] } as const;

/**
 * The 4-byte MPEG audio frame header at `at`: 11 sync bits, version (not the reserved value),
 * layer II or III, a bitrate index other than 0 (free format) and 15, a sample-rate index
 * other than 3.
 */
function frameAt(bytes: Uint8Array, at: number): MpegFrame | undefined {
  if (at + 4 > bytes.length) return undefined;
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  const b3 = bytes[at + 3] ?? 0;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return undefined;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || (layerBits !== 1 && layerBits !== 2) || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) {
    return undefined;
  }
  const version = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = layerBits === 1 ? 3 : 2;
  const table = version !== 1 ? bitrates.v2 : layer === 2 ? bitrates.v1l2 : bitrates.v1l3;
  const bitrate = (table[bitrateIndex] ?? 0) * 1000;
  const sampleRate = sampleRates[version][rateIndex] ?? 0;
  const samplesPerFrame = layer === 3 && version !== 1 ? 576 : 1152;
  const padding = (b2 >> 1) & 1;
  const length = Math.floor(((samplesPerFrame / 8) * bitrate) / sampleRate) + padding;
  return { version, layer, sampleRate, samplesPerFrame, length, mono: b3 >> 6 === 3 };
}

/** Frames with the same version, layer, rate and channel count belong to one stream. */
function sameStream(a: MpegFrame, b: MpegFrame): boolean {
  return a.version === b.version && a.layer === b.layer && a.sampleRate === b.sampleRate && a.mono === b.mono;
}

/**
 * A frame header at `at` followed by `run - 1` more of the same stream (and of `like`'s, if
 * given), each where the one before ends, or the file ending exactly after one of them. Random
 * bytes pass the first test about once in 10^4 tries and two in a row about once in 10^8.
 */
function confirmedFrameAt(bytes: Uint8Array, at: number, run = 2, like?: MpegFrame): MpegFrame | undefined {
  const frame = frameAt(bytes, at);
  if (!frame || (like && !sameStream(frame, like))) return undefined;
  for (let pos = at + frame.length, seen = 1; seen < run; seen++) {
    if (pos === bytes.length) return frame;
    const next = frameAt(bytes, pos);
    if (!next || !sameStream(next, frame)) return undefined;
    pos += next.length;
  }
  return frame;
}

/** Consistent frames in a row that lock the stream's format: a stray header in junk never makes four. */
const LOCK_RUN = 4;

/**
 * The audio stream: after any ID3v2 tags, the first run of `LOCK_RUN` consistent frames locks the
 * version, layer, rate and channel count; from there frames are followed end to end, and bytes
 * that are no frame of that stream (junk, a damaged header) are skipped up to the next frame that
 * continues it (confirmed by the frame after it, so a stray header in the junk is not taken for
 * one). Junk that starts with a header of the very stream right where a frame ends cannot be told
 * from a frame and is decoded as one. The frames alone, back to back, are what the decoder gets
 * (as `runs`, views of the file's contiguous stretches of frames, not a copy): mpg123 would otherwise
 * take a stray header in the junk for a format change and report the wrong rate for the file.
 * `skipped` counts junk between frames; what follows the last frame (ID3v1, APE tags) is not junk.
 */
function frameChain(bytes: Uint8Array): { frame: MpegFrame; runs: Uint8Array[]; skipped: number } | undefined {
  const found = lockStream(bytes);
  if (!found) return undefined;
  const { start, lock } = found;
  const parts: Uint8Array[] = [];
  let skipped = 0;
  let pos = lock.at;
  // A frame of the locked stream right where the audio starts is the first frame even when junk
  // follows it (it is often the Xing frame, which holds the length).
  const first = frameAt(bytes, start);
  if (start < lock.at && first && sameStream(first, lock.frame)) {
    parts.push(bytes.subarray(start, start + first.length));
    pos = start + first.length;
  }
  while (pos < bytes.length) {
    // A frame where the previous one ends continues the stream, whatever follows it.
    const frame = frameAt(bytes, pos);
    if (frame && sameStream(frame, lock.frame) && pos + frame.length <= bytes.length) {
      parts.push(bytes.subarray(pos, pos + frame.length));
      pos += frame.length;
      continue;
    }
    let next = pos + 1;
    while (next + 4 <= bytes.length && (bytes[next] !== 0xff || !confirmedFrameAt(bytes, next, 2, lock.frame))) next++;
    if (next + 4 > bytes.length) {
      // The last frame has no successor to confirm it (tags may follow, or the file is cut short
      // inside it); the decoder gets what it holds.
      const last = frameAt(bytes, pos);
      if (last && sameStream(last, lock.frame)) parts.push(bytes.subarray(pos, pos + last.length));
      break;
    }
    skipped += next - pos;
    pos = next;
  }
  return { frame: lock.frame, runs: contiguous(bytes, parts), skipped };
}

/** `parts` (views on `bytes`, in order) joined where one ends where the next starts: without junk, one view of the whole stream. */
function contiguous(bytes: Uint8Array, parts: readonly Uint8Array[]): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let start = -1;
  let end = -1;
  for (const part of parts) {
    const from = part.byteOffset - bytes.byteOffset;
    if (from !== end) {
      if (start >= 0) runs.push(bytes.subarray(start, end));
      start = from;
    }
    end = from + part.length;
  }
  if (start >= 0) runs.push(bytes.subarray(start, end));
  return runs;
}

/** Where the audio starts (after ID3v2 tags), and the first run of `LOCK_RUN` frames that locks the stream. */
function lockStream(bytes: Uint8Array): { start: number; lock: { at: number; frame: MpegFrame } } | undefined {
  let start = 0;
  for (let tag = id3v2Length(bytes, start); tag > 0; tag = id3v2Length(bytes, start)) start += tag;
  for (let at = start; at + 4 <= bytes.length; at++) {
    const frame = bytes[at] === 0xff ? confirmedFrameAt(bytes, at, LOCK_RUN) : undefined;
    if (frame) return { start, lock: { at, frame } };
  }
  return undefined;
}

/**
 * The Xing/Info header of the first frame: its frame count (the frames after it), and the encoder
 * delay and padding of a LAME tag written by LAME or ffmpeg (others are ignored, as ffmpeg does);
 * undefined without a frame count. Layout: after the 4-byte header and the side information (17
 * or 32 bytes for MPEG-1, 9 or 17 for MPEG-2/2.5), "Xing" or "Info", 4 bytes of flags (1 frames,
 * 2 bytes, 4 TOC, 8 quality), the fields those flags announce, then the LAME tag: 9 bytes of
 * encoder name, and at offset 21 the delay (12 bits) and padding (12 bits).
 */
interface XingInfo {
  readonly frames: number;
  /** From a LAME tag written by LAME or ffmpeg. */
  readonly gapless: { readonly delay: number; readonly padding: number } | undefined;
}

function readXing(bytes: Uint8Array, at: number, frame: MpegFrame): XingInfo | undefined {
  if (frame.layer !== 3) return undefined;
  const sideInfo = frame.version === 1 ? (frame.mono ? 17 : 32) : frame.mono ? 9 : 17;
  const tag = at + 4 + sideInfo;
  const end = Math.min(at + frame.length, bytes.length);
  if (tag + 12 > end) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = ascii(bytes, tag, 4);
  const flags = view.getUint32(tag + 4, false);
  if ((id !== 'Xing' && id !== 'Info') || (flags & 1) === 0) return undefined;
  const frames = view.getUint32(tag + 8, false);
  let lame = tag + 12;
  if (flags & 2) lame += 4;
  if (flags & 4) lame += 100;
  if (flags & 8) lame += 4;
  if (lame + 24 > end || !['LAME', 'Lavf', 'Lavc'].includes(ascii(bytes, lame, 4))) return { frames, gapless: undefined };
  const delay = ((bytes[lame + 21] ?? 0) << 4) | ((bytes[lame + 22] ?? 0) >> 4);
  const padding = (((bytes[lame + 22] ?? 0) & 0x0f) << 8) | (bytes[lame + 23] ?? 0);
  return { frames, gapless: { delay, padding } };
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}
