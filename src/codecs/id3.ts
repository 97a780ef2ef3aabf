/**
 * ID3v2.4 tags (id3.org "ID3 tag version 2.4.0 - Main Structure" and "- Native Frames"): the
 * writer used for MP3 files and for the `id3 ` chunk of WAV files, and a small reader for the
 * frames it writes. All text is UTF-8 (encoding byte 3), no unsynchronisation, no extended
 * header, no padding.
 */
import { GlowroomError } from '../std/errors';
import { shortKey, type AudioTags } from './audio-tags';

const UTF8 = 3;
const encoder = new TextEncoder();

/** The tag for `tags`, or an empty array when there is nothing to write. */
export function encodeId3v24(tags: AudioTags): Uint8Array {
  const frames: Uint8Array[] = [];
  const text = (id: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') frames.push(frame(id, concat([Uint8Array.of(UTF8), encoder.encode(value)])));
  };
  text('TIT2', tags.title);
  text('TPE1', tags.artist);
  text('TALB', tags.album);
  text('TCON', tags.genre);
  text('TDRC', tags.year);
  // TBPM is an integer by definition.
  if (tags.bpm !== undefined && Number.isFinite(tags.bpm) && tags.bpm > 0) text('TBPM', String(Math.round(tags.bpm)));
  if (tags.key) text('TKEY', shortKey(tags.key));
  if (tags.comment) {
    // Encoding, language, empty content descriptor (terminated), the text.
    frames.push(frame('COMM', concat([Uint8Array.of(UTF8), encoder.encode('eng'), Uint8Array.of(0), encoder.encode(tags.comment)])));
  }
  if (tags.cover) {
    // Encoding, MIME type (Latin-1, terminated), picture type 3 (front cover), empty description.
    frames.push(frame('APIC', concat([Uint8Array.of(UTF8), encoder.encode(tags.cover.mime), Uint8Array.of(0, 3, 0), tags.cover.bytes])));
  }
  if (frames.length === 0) return new Uint8Array(0);
  const body = concat(frames);
  if (body.length >= 2 ** 28) throw new GlowroomError('unsupported', 'the tags (with the cover) are over 256 MB');
  return concat([Uint8Array.of(0x49, 0x44, 0x33, 4, 0, 0), synchsafe(body.length), body]);
}

/** One frame read back: text frames give `text`; every frame gives its raw `data`. */
export interface Id3Frame {
  readonly id: string;
  readonly data: Uint8Array;
  readonly text?: string;
}

/**
 * The frames of an ID3v2.4 tag at the start of `bytes` (v2.3 sizes are read as plain integers).
 * Only what this writer produces needs to come back: no unsynchronisation, no compression.
 */
export function readId3v2(bytes: Uint8Array): Id3Frame[] {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) throw new GlowroomError('bad-format', 'no ID3v2 tag');
  const version = bytes[3] ?? 0;
  const size = unsynchsafe(bytes, 6);
  const end = Math.min(bytes.length, 10 + size);
  const frames: Id3Frame[] = [];
  const decoder = new TextDecoder();
  for (let at = 10; at + 10 <= end; ) {
    const id = String.fromCharCode(...bytes.subarray(at, at + 4));
    if (!/^[A-Z0-9]{4}$/.test(id)) break;
    const length = version >= 4 ? unsynchsafe(bytes, at + 4) : new DataView(bytes.buffer, bytes.byteOffset).getUint32(at + 4);
    const data = bytes.subarray(at + 10, at + 10 + length);
    const isText = id.startsWith('T') && id !== 'TXXX';
    frames.push(isText ? { id, data, text: decoder.decode(data.subarray(1)).replace(/\0+$/, '') } : { id, data });
    at += 10 + length;
  }
  return frames;
}

function frame(id: string, body: Uint8Array): Uint8Array {
  return concat([encoder.encode(id), synchsafe(body.length), Uint8Array.of(0, 0), body]);
}

/** 28 bits in four bytes of 7 bits each, as ID3v2.4 stores every size. */
function synchsafe(value: number): Uint8Array {
  return Uint8Array.of((value >>> 21) & 0x7f, (value >>> 14) & 0x7f, (value >>> 7) & 0x7f, value & 0x7f);
}

function unsynchsafe(bytes: Uint8Array, at: number): number {
  return (((bytes[at] ?? 0) & 0x7f) << 21) | (((bytes[at + 1] ?? 0) & 0x7f) << 14) | (((bytes[at + 2] ?? 0) & 0x7f) << 7) | ((bytes[at + 3] ?? 0) & 0x7f);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
