import { crc } from '../../../src/codecs/crc';

/**
 * Where the fields and units of a fixture are, so mutations can hit headers on purpose instead of
 * waiting for a random flip to land there. Each is read from the intact fixture once; the fuzzer
 * mutates copies at these offsets.
 *
 * Every field and unit says what a correct decoder may return once it is changed (`Expectation`):
 * - 'same': the sound cannot legitimately change (the field is a redundant description, the unit is
 *   a repeat of one already there, or a checksum guards it), so the decoder returns the fixture's
 *   exact samples, possibly with a note, or refuses;
 * - 'not-shorter': the audio is all still there (a frame count that says less than the frames
 *   hold), so the decoder returns at least the fixture's length, or refuses;
 * - 'any': the bytes now say something else that is valid (a WAV rate field), judged only by the
 *   invariants every decode must keep.
 */
export type Expectation = 'same' | 'not-shorter' | 'any';

export type FieldKind = 'size' | 'count' | 'rate' | 'channels' | 'bits' | 'code';

/** A number in the file: `width` bits from bit `bitOffset` (from the top) of byte `at`, big-endian; or whole little-endian bytes. */
export interface Field {
  readonly name: string;
  readonly kind: FieldKind;
  readonly at: number;
  readonly bitOffset: number;
  readonly width: number;
  readonly littleEndian: boolean;
  readonly expect: Expectation;
}

/** A unit of the file that can be repeated: a chunk, a metadata block, a frame, a page. */
export interface Region {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly expect: Expectation;
}

export interface Layout {
  readonly fields: readonly Field[];
  readonly regions: readonly Region[];
  /** Offsets between units, where inserted bytes split nothing. */
  readonly boundaries: readonly number[];
}

export type Container = 'wav' | 'aiff' | 'flac' | 'mp3' | 'ogg';

export function layoutOf(container: Container, bytes: Uint8Array): Layout {
  switch (container) {
    case 'wav':
      return riffLayout(bytes);
    case 'aiff':
      return aiffLayout(bytes);
    case 'flac':
      return flacLayout(bytes);
    case 'mp3':
      return mpegLayout(bytes);
    case 'ogg':
      return oggLayout(bytes);
  }
}

const le = (name: string, kind: FieldKind, at: number, bytes: number, expect: Expectation): Field => ({
  name, kind, at, bitOffset: 0, width: bytes * 8, littleEndian: true, expect,
});
const be = (name: string, kind: FieldKind, at: number, bitOffset: number, width: number, expect: Expectation): Field => ({
  name, kind, at, bitOffset, width, littleEndian: false, expect,
});
const fourcc = (bytes: Uint8Array, at: number): string => String.fromCharCode(...bytes.subarray(at, at + 4));
const u32be = (bytes: Uint8Array, at: number): number => readField(bytes, be('', 'size', at, 0, 32, 'any'));

function riffLayout(bytes: Uint8Array): Layout {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: Field[] = [le('RIFF size', 'size', 4, 4, 'same')];
  const regions: Region[] = [];
  const boundaries: number[] = [];
  for (let pos = 12; pos + 8 <= bytes.length; ) {
    const id = fourcc(bytes, pos);
    const size = view.getUint32(pos + 4, true);
    const end = Math.min(bytes.length, pos + 8 + size + (size % 2));
    boundaries.push(pos);
    fields.push(le(`'${id}' size`, 'size', pos + 4, 4, 'any'));
    regions.push({ name: `'${id}' chunk`, start: pos, end, expect: 'same' });
    if (id === 'fmt ') {
      const body = pos + 8;
      fields.push(
        le('fmt tag', 'code', body, 2, 'any'),
        le('fmt channels', 'channels', body + 2, 2, 'any'),
        le('fmt rate', 'rate', body + 4, 4, 'any'),
        // Bytes per second is derivable from the other fields; decoders ignore it.
        le('fmt byte rate', 'count', body + 8, 4, 'same'),
        le('fmt block align', 'count', body + 12, 2, 'any'),
        le('fmt bits', 'bits', body + 14, 2, 'any'),
      );
      if (size >= 40) fields.push(le('fmt subformat', 'code', body + 24, 2, 'any'));
    }
    pos = end;
  }
  return { fields, regions, boundaries };
}

function aiffLayout(bytes: Uint8Array): Layout {
  const fields: Field[] = [be('FORM size', 'size', 4, 0, 32, 'same')];
  const regions: Region[] = [];
  const boundaries: number[] = [];
  const aifc = fourcc(bytes, 8) === 'AIFC';
  for (let pos = 12; pos + 8 <= bytes.length; ) {
    const id = fourcc(bytes, pos);
    const size = u32be(bytes, pos + 4);
    const end = Math.min(bytes.length, pos + 8 + size + (size % 2));
    const body = pos + 8;
    boundaries.push(pos);
    fields.push(be(`'${id}' size`, 'size', pos + 4, 0, 32, 'any'));
    regions.push({ name: `'${id}' chunk`, start: pos, end, expect: 'same' });
    if (id === 'COMM') {
      fields.push(
        be('COMM channels', 'channels', body, 0, 16, 'any'),
        be('COMM frames', 'count', body + 2, 0, 32, 'any'),
        be('COMM bits', 'bits', body + 6, 0, 16, 'any'),
        be('COMM rate', 'rate', body + 8, 0, 80, 'any'),
      );
      if (aifc) fields.push(be('COMM compression', 'code', body + 18, 0, 32, 'any'));
    }
    if (id === 'SSND') fields.push(be('SSND offset', 'size', body, 0, 32, 'any'), be('SSND block size', 'count', body + 4, 0, 32, 'same'));
    pos = end;
  }
  return { fields, regions, boundaries };
}

/**
 * FLAC: every metadata field is a description the frames repeat (rate, channels, depth in each
 * frame header) or only a hint (block and frame sizes, the total), and every frame carries CRCs,
 * so nothing here can legitimately change the sound: every FLAC mutation expects 'same'.
 */
function flacLayout(bytes: Uint8Array): Layout {
  const fields: Field[] = [
    be('STREAMINFO min block', 'count', 8, 0, 16, 'same'),
    be('STREAMINFO max block', 'count', 10, 0, 16, 'same'),
    be('STREAMINFO min frame', 'size', 12, 0, 24, 'same'),
    be('STREAMINFO max frame', 'size', 15, 0, 24, 'same'),
    be('STREAMINFO rate', 'rate', 18, 0, 20, 'same'),
    be('STREAMINFO channels - 1', 'channels', 20, 4, 3, 'same'),
    be('STREAMINFO bits - 1', 'bits', 20, 7, 5, 'same'),
    be('STREAMINFO total samples', 'count', 21, 4, 36, 'same'),
  ];
  const regions: Region[] = [];
  let pos = 4;
  for (let last = false; !last && pos + 4 <= bytes.length; ) {
    last = ((bytes[pos] ?? 0) & 0x80) !== 0;
    const length = readField(bytes, be('', 'size', pos + 1, 0, 24, 'any'));
    fields.push(be(`metadata block ${regions.length + 1} type`, 'code', pos, 0, 8, 'same'));
    fields.push(be(`metadata block ${regions.length + 1} length`, 'size', pos + 1, 0, 24, 'same'));
    regions.push({ name: `metadata block ${regions.length + 1}`, start: pos, end: pos + 4 + length, expect: 'same' });
    pos += 4 + length;
  }
  const starts: number[] = [];
  for (let at = pos; at + 6 <= bytes.length; at++) {
    if (bytes[at] === 0xff && ((bytes[at + 1] ?? 0) & 0xfe) === 0xf8 && flacHeaderCrcHolds(bytes, at)) starts.push(at);
  }
  starts.forEach((start, i) => regions.push({ name: `frame ${i + 1}`, start, end: starts[i + 1] ?? bytes.length, expect: 'same' }));
  return { fields, regions, boundaries: [pos, ...starts] };
}

/** A frame header's CRC-8 matches for some plausible header length (5 to 16 bytes). */
function flacHeaderCrcHolds(bytes: Uint8Array, at: number): boolean {
  for (let length = 5; length <= 16 && at + length < bytes.length; length++) {
    if (crc(8, bytes, at, at + length) === bytes[at + length]) return true;
  }
  return false;
}

/**
 * MP3: the frame chain from the first header after any ID3v2 tag. Header fields of the first
 * frame and two later ones, the Xing frame count (which may only shorten what a decoder returns
 * if it refuses) and the LAME delay and padding.
 */
function mpegLayout(bytes: Uint8Array): Layout {
  const fields: Field[] = [];
  const id3 = bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33 ? 10 + syncsafe(bytes, 6) : 0;
  if (id3 > 0) fields.push(be('ID3v2 size', 'size', 6, 0, 32, 'any'));
  const starts: number[] = [];
  let at = id3;
  while (at < bytes.length && mpegFrameLength(bytes, at) === 0) at++;
  for (let length = mpegFrameLength(bytes, at); length > 0; at += length, length = mpegFrameLength(bytes, at)) starts.push(at);
  const sampled = [starts[0], starts[Math.floor(starts.length / 2)], starts[starts.length - 1]];
  for (const [i, frame] of sampled.entries()) {
    if (frame === undefined) continue;
    const name = ['first', 'middle', 'last'][i] ?? '';
    fields.push(
      be(`${name} frame version`, 'code', frame + 1, 3, 2, 'any'),
      be(`${name} frame layer`, 'code', frame + 1, 5, 2, 'any'),
      be(`${name} frame bitrate`, 'code', frame + 2, 0, 4, 'any'),
      be(`${name} frame rate`, 'rate', frame + 2, 4, 2, 'any'),
      be(`${name} frame channel mode`, 'channels', frame + 3, 0, 2, 'any'),
    );
  }
  const first = starts[0];
  if (first !== undefined) {
    const stereo = (bytes[first + 3] ?? 0) >> 6 !== 3;
    const mpeg1 = (((bytes[first + 1] ?? 0) >> 3) & 3) === 3;
    const tag = first + 4 + (mpeg1 ? (stereo ? 32 : 17) : stereo ? 17 : 9);
    if (['Xing', 'Info'].includes(fourcc(bytes, tag))) {
      const flags = u32be(bytes, tag + 4);
      fields.push(be('Xing frame count', 'count', tag + 8, 0, 32, 'not-shorter'));
      const lame = tag + 12 + (flags & 2 ? 4 : 0) + (flags & 4 ? 100 : 0) + (flags & 8 ? 4 : 0);
      fields.push(be('LAME delay', 'count', lame + 21, 0, 12, 'any'), be('LAME padding', 'count', lame + 22, 4, 12, 'any'));
    }
  }
  const regions = starts.map((start, i): Region => ({ name: `frame ${i + 1}`, start, end: starts[i + 1] ?? bytes.length, expect: 'not-shorter' }));
  return { fields, regions, boundaries: starts };
}

function syncsafe(bytes: Uint8Array, at: number): number {
  return [0, 1, 2, 3].reduce((sum, i) => sum * 128 + ((bytes[at + i] ?? 0) & 0x7f), 0);
}

const mpegKbps = {
  v1l2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  v1l3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};

/** Bytes in the MPEG audio layer II/III frame at `at`, 0 if no valid header is there. */
function mpegFrameLength(bytes: Uint8Array, at: number): number {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || ((bytes[at + 1] ?? 0) & 0xe0) !== 0xe0) return 0;
  const version = ((bytes[at + 1] ?? 0) >> 3) & 3;
  const layer = ((bytes[at + 1] ?? 0) >> 1) & 3;
  const bitrateIndex = (bytes[at + 2] ?? 0) >> 4;
  const rateIndex = ((bytes[at + 2] ?? 0) >> 2) & 3;
  if (version === 1 || (layer !== 1 && layer !== 2) || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return 0;
  const mpeg1 = version === 3;
  const rate = [44_100, 48_000, 32_000][rateIndex]! / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const kbps = (mpeg1 ? (layer === 2 ? mpegKbps.v1l2 : mpegKbps.v1l3) : mpegKbps.v2)[bitrateIndex]!;
  const samples = layer === 1 && !mpeg1 ? 576 : 1152;
  return Math.floor((samples / 8) * kbps * 1000 / rate) + (((bytes[at + 2] ?? 0) >> 1) & 1);
}

/** Ogg: page header fields of the first pages and the Vorbis identification header. */
function oggLayout(bytes: Uint8Array): Layout {
  const fields: Field[] = [];
  const regions: Region[] = [];
  const starts: number[] = [];
  for (let pos = 0; pos + 27 <= bytes.length && fourcc(bytes, pos) === 'OggS'; ) {
    const segments = bytes[pos + 26] ?? 0;
    let end = pos + 27 + segments;
    for (let i = 0; i < segments; i++) end += bytes[pos + 27 + i] ?? 0;
    const page = starts.length + 1;
    starts.push(pos);
    if (page <= 3 || end >= bytes.length) {
      fields.push(
        be(`page ${page} flags`, 'code', pos + 5, 0, 8, 'any'),
        le(`page ${page} granule`, 'count', pos + 6, 4, 'any'),
        le(`page ${page} sequence`, 'count', pos + 18, 4, 'any'),
        be(`page ${page} segments`, 'count', pos + 26, 0, 8, 'any'),
        be(`page ${page} first lacing value`, 'size', pos + 27, 0, 8, 'any'),
      );
    }
    if (page === 1) {
      const body = pos + 27 + segments;
      fields.push(
        be('Vorbis channels', 'channels', body + 11, 0, 8, 'any'),
        le('Vorbis rate', 'rate', body + 12, 4, 'any'),
        be('Vorbis block sizes', 'code', body + 28, 0, 8, 'any'),
      );
    }
    regions.push({ name: `page ${page}`, start: pos, end, expect: 'same' });
    pos = end;
  }
  return { fields, regions, boundaries: starts };
}

/** Recomputes the CRC of every page that still parses; what no longer parses is left alone. */
export function fixOggChecksums(bytes: Uint8Array): void {
  for (let pos = 0; pos + 27 <= bytes.length && fourcc(bytes, pos) === 'OggS'; ) {
    const segments = bytes[pos + 26] ?? 0;
    let end = pos + 27 + segments;
    for (let i = 0; i < segments; i++) end += bytes[pos + 27 + i] ?? 0;
    if (end > bytes.length) return;
    const sum = crc(32, bytes, pos, end, { start: pos + 22, end: pos + 26 });
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(pos + 22, sum, true);
    pos = end;
  }
}

export function readField(bytes: Uint8Array, field: Field): number {
  if (field.littleEndian) {
    let value = 0;
    for (let i = field.width / 8 - 1; i >= 0; i--) value = value * 256 + (bytes[field.at + i] ?? 0);
    return value;
  }
  let value = 0;
  for (let bit = field.bitOffset; bit < field.bitOffset + field.width; bit++) {
    value = value * 2 + (((bytes[field.at + (bit >> 3)] ?? 0) >> (7 - (bit & 7))) & 1);
  }
  return value;
}

/** Writes `value` modulo 2^width; an 80-bit field takes the value as an IEEE extended float (AIFF's rate). */
export function writeField(bytes: Uint8Array, field: Field, value: number): void {
  if (field.width === 80) return writeExtended(bytes, field.at, value);
  const modulus = 2 ** field.width;
  let rest = ((Math.floor(value) % modulus) + modulus) % modulus;
  if (field.littleEndian) {
    for (let i = 0; i < field.width / 8; i++, rest = Math.floor(rest / 256)) if (field.at + i < bytes.length) bytes[field.at + i] = rest % 256;
    return;
  }
  for (let bit = field.bitOffset + field.width - 1; bit >= field.bitOffset; bit--, rest = Math.floor(rest / 2)) {
    const at = field.at + (bit >> 3);
    if (at >= bytes.length) continue;
    const mask = 1 << (7 - (bit & 7));
    bytes[at] = rest % 2 ? (bytes[at] ?? 0) | mask : (bytes[at] ?? 0) & ~mask;
  }
}

function writeExtended(bytes: Uint8Array, at: number, value: number): void {
  const out = new Uint8Array(10);
  if (value !== 0) {
    const magnitude = Math.abs(value);
    const exponent = Number.isFinite(magnitude) ? Math.floor(Math.log2(magnitude)) : 16384;
    const mantissa = Number.isFinite(magnitude) ? magnitude / 2 ** exponent : 1;
    const biased = Math.min(0x7fff, Math.max(0, exponent + 16383)) | (value < 0 ? 0x8000 : 0);
    out[0] = biased >> 8;
    out[1] = biased & 0xff;
    const high = Math.floor(mantissa * 2 ** 31) >>> 0;
    for (let i = 0; i < 4; i++) out[2 + i] = (high >>> (24 - 8 * i)) & 0xff;
  }
  out.forEach((byte, i) => {
    if (at + i < bytes.length) bytes[at + i] = byte;
  });
}
