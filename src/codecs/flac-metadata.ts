/**
 * FLAC metadata blocks (RFC 9639 §8): VORBIS_COMMENT with the usual field names and a PICTURE
 * block for the cover, and a rewrite of an encoded stream's metadata section, so any FLAC
 * encoder's output can be tagged and its STREAMINFO completed (an encoder writing to a stream
 * cannot seek back to fill in the MD5 and frame sizes).
 */
import { GlowroomError } from '../std/errors';
import { imageSize, shortKey, type AudioTags, type CoverArt } from './audio-tags';
import { concat } from './id3';

const STREAMINFO = 0;
const PADDING = 1;
const VORBIS_COMMENT = 4;
const PICTURE = 6;
const encoder = new TextEncoder();

/** The Vorbis comment fields for `tags`, in writing order (https://xiph.org/vorbis/doc/v-comment.html and common practice for BPM and INITIALKEY). */
export function vorbisFields(tags: AudioTags): [string, string][] {
  const fields: [string, string | undefined][] = [
    ['TITLE', tags.title],
    ['ARTIST', tags.artist],
    ['ALBUM', tags.album],
    ['GENRE', tags.genre],
    ['DATE', tags.year],
    ['BPM', tags.bpm !== undefined && Number.isFinite(tags.bpm) && tags.bpm > 0 ? String(Math.round(tags.bpm * 100) / 100) : undefined],
    ['INITIALKEY', tags.key ? shortKey(tags.key) : undefined],
    ['COMMENT', tags.comment],
  ];
  return fields.filter((field): field is [string, string] => field[1] !== undefined && field[1].trim() !== '');
}

/** The data of a VORBIS_COMMENT block (little-endian lengths, UTF-8). */
export function vorbisCommentData(tags: AudioTags, vendor: string): Uint8Array {
  const entries = vorbisFields(tags).map(([key, value]) => encoder.encode(`${key}=${value}`));
  const vendorBytes = encoder.encode(vendor);
  const out = new Uint8Array(4 + vendorBytes.length + 4 + entries.reduce((sum, e) => sum + 4 + e.length, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  view.setUint32(at, vendorBytes.length, true);
  out.set(vendorBytes, (at += 4));
  at += vendorBytes.length;
  view.setUint32(at, entries.length, true);
  at += 4;
  for (const entry of entries) {
    view.setUint32(at, entry.length, true);
    out.set(entry, at + 4);
    at += 4 + entry.length;
  }
  return out;
}

/** The data of a PICTURE block: the front cover (type 3), big-endian fields. */
export function pictureData(cover: CoverArt): Uint8Array {
  const mime = encoder.encode(cover.mime);
  const { width, height, depth } = imageSize(cover);
  const out = new Uint8Array(4 + 4 + mime.length + 4 + 0 + 16 + 4 + cover.bytes.length);
  const view = new DataView(out.buffer);
  let at = 0;
  view.setUint32(at, 3);
  view.setUint32((at += 4), mime.length);
  out.set(mime, (at += 4));
  at += mime.length;
  view.setUint32(at, 0); // description length
  view.setUint32((at += 4), width);
  view.setUint32((at += 4), height);
  view.setUint32((at += 4), depth);
  view.setUint32((at += 4), 0); // colours: 0 for non-indexed pictures
  view.setUint32((at += 4), cover.bytes.length);
  out.set(cover.bytes, at + 4);
  return out;
}

/** What the encoder learned only at the end, to complete STREAMINFO. */
export interface StreamInfoPatch {
  readonly minFrameBytes: number;
  readonly maxFrameBytes: number;
  /** Samples per channel in the stream (its 36-bit total). */
  readonly frames: number;
  /** 16 bytes. */
  readonly md5: Uint8Array;
}

export interface FlacBlock {
  readonly type: number;
  readonly data: Uint8Array;
}

/** The metadata blocks of a FLAC stream and where its audio frames start. */
export function readFlacMetadata(bytes: Uint8Array): { blocks: FlacBlock[]; audioStart: number } {
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'fLaC') throw new GlowroomError('bad-format', 'not a FLAC stream');
  const blocks: FlacBlock[] = [];
  let at = 4;
  for (;;) {
    if (at + 4 > bytes.length) throw new GlowroomError('bad-format', 'FLAC metadata runs past the end');
    const head = bytes[at] ?? 0;
    const length = ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    blocks.push({ type: head & 0x7f, data: bytes.subarray(at + 4, at + 4 + length) });
    at += 4 + length;
    if (head & 0x80) return { blocks, audioStart: at };
  }
}

/**
 * `flac` with its metadata replaced: STREAMINFO first (completed by `patch`), then `extra` blocks
 * (e.g. a VORBIS_COMMENT and a PICTURE); the encoder's own VORBIS_COMMENT, PICTURE and PADDING
 * blocks are dropped, any other block (SEEKTABLE, APPLICATION…) is kept.
 */
export function rewriteFlacMetadata(flac: Uint8Array, extra: readonly FlacBlock[], patch?: StreamInfoPatch): Uint8Array {
  const { blocks, audioStart } = readFlacMetadata(flac);
  const streamInfo = blocks[0];
  if (!streamInfo || streamInfo.type !== STREAMINFO || streamInfo.data.length !== 34) throw new GlowroomError('bad-format', 'FLAC stream does not start with STREAMINFO');
  const info = streamInfo.data.slice();
  if (patch) {
    info.set(u24(patch.minFrameBytes), 4);
    info.set(u24(patch.maxFrameBytes), 7);
    info[13] = ((info[13] as number) & 0xf0) | (Math.floor(patch.frames / 2 ** 32) & 0x0f);
    new DataView(info.buffer, info.byteOffset + 14, 4).setUint32(0, patch.frames >>> 0);
    info.set(patch.md5.subarray(0, 16), 18);
  }
  const kept = blocks.slice(1).filter((b) => b.type !== VORBIS_COMMENT && b.type !== PICTURE && b.type !== PADDING);
  const all: FlacBlock[] = [{ type: STREAMINFO, data: info }, ...kept, ...extra];
  const parts: Uint8Array[] = [encoder.encode('fLaC')];
  all.forEach((block, i) => {
    if (block.data.length >= 2 ** 24) throw new GlowroomError('unsupported', 'a FLAC metadata block (the cover?) is over 16 MB');
    const head = u24(block.data.length);
    parts.push(Uint8Array.of((i === all.length - 1 ? 0x80 : 0) | block.type, ...head), block.data);
  });
  parts.push(flac.subarray(audioStart));
  return concat(parts);
}

/** The VORBIS_COMMENT and PICTURE blocks for `tags`. */
export function flacTagBlocks(tags: AudioTags | undefined, vendor: string): FlacBlock[] {
  const blocks: FlacBlock[] = [{ type: VORBIS_COMMENT, data: vorbisCommentData(tags ?? {}, vendor) }];
  if (tags?.cover) blocks.push({ type: PICTURE, data: pictureData(tags.cover) });
  return blocks;
}

/** The comments of a VORBIS_COMMENT block's data, for tests and tools. */
export function readVorbisComment(data: Uint8Array): { vendor: string; fields: [string, string][] } {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const decoder = new TextDecoder();
  const vendorLength = view.getUint32(0, true);
  const vendor = decoder.decode(data.subarray(4, 4 + vendorLength));
  let at = 4 + vendorLength;
  const count = view.getUint32(at, true);
  at += 4;
  const fields: [string, string][] = [];
  for (let i = 0; i < count; i++) {
    const length = view.getUint32(at, true);
    const text = decoder.decode(data.subarray(at + 4, at + 4 + length));
    const eq = text.indexOf('=');
    fields.push([text.slice(0, eq), text.slice(eq + 1)]);
    at += 4 + length;
  }
  return { vendor, fields };
}

function u24(value: number): Uint8Array {
  return Uint8Array.of((value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}
