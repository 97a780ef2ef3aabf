import { OggVorbisDecoder, type OggVorbisDecodedAudio } from '@wasm-audio-decoders/ogg-vorbis';
import type { AudioFacts, DecodedAudio } from './decoded-audio';
import { checkErrors, checkLevels, checkNotEmpty, damagedFile, resetInPlace, ReusedDecoder, withDecoder } from './compressed';
import { collectPcm, peakOf, type PcmSink, type StreamedAudio } from './pcm-stream';
import { crc } from './crc';
import { checkShape } from './limits';
import { GlowroomError } from '../std/errors';
import { hertz } from '../std/units';

/**
 * This thread's idle Vorbis decoder (see compressed.ts `ReusedDecoder`): `flush` ends each file
 * with the package's `reset`, made new inside its WASM instance, so a file that decodes cleanly
 * leaves it ready for the next.
 */
const vorbisDecoder = new ReusedDecoder(reusableVorbisDecoder);

/**
 * A Vorbis decoder whose `reset` stays in its WASM instance (compressed.ts `resetInPlace`), with
 * a teardown that undoes two faults of the package's C one, harmless only in an instance thrown
 * away: it frees libvorbis's output array after `vorbis_dsp_clear` has freed it (so the pointer
 * it frees, in the `_outputBufferPtr` slot, is cleared first), and it clears the DSP state of a
 * decoder that never started (uninitialised memory in a heap that is not fresh: such a decoder
 * is left as it is). It also never clears the stream's setup, 70–90 KiB a file, which ran a kept
 * instance out of memory after 178–217 files; so every 8th file gets a fresh instance.
 */
function reusableVorbisDecoder(): OggVorbisDecoder {
  const decoder = new OggVorbisDecoder();
  const inner = (decoder as unknown as { _decoder?: { initDsp?: unknown } })._decoder;
  const initDsp = inner?.initDsp;
  let started = false;
  if (inner && typeof initDsp === 'function') {
    inner.initDsp = (...args: unknown[]) => {
      started = true;
      return (initDsp as (...args: unknown[]) => unknown).apply(inner, args);
    };
  }
  return resetInPlace(decoder, {
    filesPerInstance: 8,
    destroy: (exports, pointer, state) => {
      const heap = (exports as unknown as { HEAP?: unknown }).HEAP;
      const slot = (state._outputBufferPtr as { ptr?: unknown } | undefined)?.ptr;
      if (started && heap instanceof ArrayBuffer && typeof slot === 'number') {
        new DataView(heap).setUint32(slot, 0, true);
        exports.destroy_decoder?.(pointer);
      }
      started = false;
    },
  });
}

/**
 * Ogg Vorbis decoder over libvorbis (WASM, @wasm-audio-decoders/ogg-vorbis). Other codecs in an
 * Ogg container (Opus, FLAC, Speex) are refused as 'unsupported'.
 *
 * The pages are walked here before decoding, because the decoder quietly skips what it cannot
 * use: every page's CRC is checked, the page sequence of the audio stream must have no gaps, and
 * the stream must end with its end-of-stream page, so damaged and truncated files are refused
 * instead of decoding to shortened audio. The decoder trims the last packet to the final granule
 * position, which gives the same length as ffmpeg and sox.
 */
export async function decodeOggVorbis(bytes: Uint8Array, name = '<unnamed>'): Promise<DecodedAudio> {
  return collectPcm((sink) => streamOggVorbis(bytes, name, sink));
}

/** Bytes of pages handed to the decoder at a time (about 4 s at 128 kbit/s). */
const PAGES_CHUNK = 1 << 16;

/** `decodeOggVorbis` a chunk of pages at a time into `sink` (the same checks and samples). */
export async function streamOggVorbis(bytes: Uint8Array, name: string, sink: PcmSink): Promise<StreamedAudio> {
  const ident = checkPages(bytes, name);
  // Only the pages up to the end of the stream: a copy of a page after it is not part of the sound.
  const pages = bytes.subarray(0, ident.end);
  const result = await withDecoder(vorbisDecoder, 'Ogg Vorbis', name, async (decoder) => {
    let done = 0;
    let peak = 0;
    const take = (decoded: OggVorbisDecodedAudio): void => {
      checkErrors(decoded, 'Ogg Vorbis', name);
      if (decoded.samplesDecoded === 0) return;
      if (decoded.channelData.length !== ident.channelCount || decoded.sampleRate !== ident.sampleRate) {
        throw damagedFile(
          'Ogg Vorbis',
          name,
          `its header says ${ident.channelCount} channels at ${ident.sampleRate} Hz but it decodes to ${decoded.channelData.length} at ${decoded.sampleRate} Hz`,
        );
      }
      sink.write(decoded.channelData, decoded.samplesDecoded);
      peak = peakOf(decoded.channelData, 0, decoded.samplesDecoded, peak);
      done += decoded.samplesDecoded;
    };
    for (let at = 0; at < pages.length; at += PAGES_CHUNK) take(await decoder.decode(pages.subarray(at, at + PAGES_CHUNK)));
    take(await decoder.flush());
    return { done, peak };
  });
  checkNotEmpty(result.done, 'Ogg Vorbis', name);
  checkLevels(result.peak, 'Ogg Vorbis', name);
  return { format: 'ogg', encoding: 'lossy', bitDepth: 0, sampleRate: hertz(ident.sampleRate), channelCount: ident.channelCount, frames: result.done };
}

/** What an Ogg Vorbis file's pages say (all checked as `decodeOggVorbis` checks them): its length is the last granule position. */
export function oggVorbisFacts(bytes: Uint8Array, name = '<unnamed>'): AudioFacts {
  const stream = checkPages(bytes, name);
  return { format: 'ogg', bitDepth: 0, sampleRate: hertz(stream.sampleRate), channelCount: stream.channelCount, frames: stream.frames };
}

interface VorbisIdent {
  readonly channelCount: number;
  readonly sampleRate: number;
}

interface Stream extends VorbisIdent {
  /** Where the page with the end-of-stream flag ends. */
  readonly end: number;
  /** The granule position of that page: frames in the stream. */
  readonly frames: number;
}

/** First-packet signatures of the codecs people meet in Ogg files. */
const codecSignatures: readonly (readonly [string, string])[] = [
  ['\x01vorbis', 'Vorbis'],
  ['OpusHead', 'Opus'],
  ['\x7fFLAC', 'FLAC'],
  ['Speex   ', 'Speex'],
  ['\x80theora', 'Theora video'],
];

const PAGE_HEADER = 27;
const FLAG_BOS = 0x02;
const FLAG_EOS = 0x04;

/**
 * Walks every page: "OggS", version 0, flags, granule (8), serial (4), sequence (4), CRC (4),
 * segment count, segment table, body. Returns the Vorbis identification header of the first
 * (beginning-of-stream) page and where the stream ends. Pages of other logical streams are
 * checked but otherwise ignored.
 */
function checkPages(bytes: Uint8Array, name: string): Stream {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ident: VorbisIdent | undefined;
  let serial = 0;
  let sequence = 0;
  let ended = false;
  let streamEnd = 0;
  let frames = 0;
  for (let pos = 0, page = 0; pos < bytes.length; page++) {
    if (ended && !isPageStart(bytes, pos)) break; // trailing junk (an ID3v1 tag, say) after the end
    if (bytes.length - pos < PAGE_HEADER) throw truncated(name);
    if (!isPageStart(bytes, pos)) {
      if (page === 0) throw new GlowroomError('bad-format', `not an Ogg file: ${name}`);
      throw damagedFile('Ogg', name, `page ${page + 1} does not start where page ${page} ends`);
    }
    const flags = view.getUint8(pos + 5);
    const pageSerial = view.getUint32(pos + 14, true);
    const pageSequence = view.getUint32(pos + 18, true);
    const segments = view.getUint8(pos + 26);
    const bodyStart = pos + PAGE_HEADER + segments;
    if (bodyStart > bytes.length) throw truncated(name);
    let bodyLength = 0;
    for (let i = 0; i < segments; i++) bodyLength += view.getUint8(pos + PAGE_HEADER + i);
    const end = bodyStart + bodyLength;
    if (end > bytes.length) throw truncated(name);
    if (view.getUint8(pos + 4) !== 0) throw damagedFile('Ogg', name, `page ${page + 1} has an unknown version`);
    if (crc(32, bytes, pos, end, { start: pos + 22, end: pos + 26 }) !== view.getUint32(pos + 22, true)) {
      throw damagedFile('Ogg', name, `page ${page + 1} fails its checksum`);
    }
    if (page === 0) {
      if ((flags & FLAG_BOS) === 0) throw damagedFile('Ogg', name, 'its first page does not begin a stream');
      ident = identify(bytes.subarray(bodyStart, end), name);
      serial = pageSerial;
      sequence = pageSequence;
    } else if (pageSerial === serial && !ended) {
      if (pageSequence !== sequence + 1) throw damagedFile('Ogg', name, `pages ${sequence + 2} to ${pageSequence} are missing`);
      sequence = pageSequence;
    }
    if (pageSerial === serial && (flags & FLAG_EOS) !== 0 && !ended) {
      ended = true;
      streamEnd = end;
      frames = Math.max(0, Number(view.getBigInt64(pos + 6, true)));
    }
    pos = end;
  }
  if (!ident) throw new GlowroomError('bad-format', `not an Ogg file: ${name}`);
  if (!ended) throw truncated(name);
  return { ...ident, end: streamEnd, frames };
}

/** The codec from the first packet; Vorbis gives its channel count and sample rate. */
function identify(packet: Uint8Array, name: string): VorbisIdent {
  const head = String.fromCharCode(...packet.subarray(0, 8));
  const codec = codecSignatures.find(([signature]) => head.startsWith(signature))?.[1];
  if (codec !== 'Vorbis') {
    throw new GlowroomError(
      'unsupported',
      `${name} holds Ogg ${codec ?? 'data of an unknown codec'}, which is not supported yet; convert it to WAV, FLAC or Ogg Vorbis`,
    );
  }
  if (packet.length < 30) throw damagedFile('Ogg Vorbis', name, 'its identification header is too short');
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const channelCount = view.getUint8(11);
  const sampleRate = view.getUint32(12, true);
  if (view.getUint32(7, true) !== 0) throw damagedFile('Ogg Vorbis', name, 'its identification header is inconsistent');
  checkShape(sampleRate, channelCount, name);
  return { channelCount, sampleRate };
}

function isPageStart(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === 0x4f && bytes[at + 1] === 0x67 && bytes[at + 2] === 0x67 && bytes[at + 3] === 0x53;
}

function truncated(name: string): GlowroomError {
  return new GlowroomError('bad-format', `truncated Ogg file: ${name} ends before its last page`);
}
