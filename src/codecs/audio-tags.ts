import { GlowroomError } from '../std/errors';

/** Cover art as it is embedded: the image file's bytes and its type. */
export interface CoverArt {
  readonly bytes: Uint8Array;
  readonly mime: 'image/jpeg' | 'image/png';
}

/**
 * What an exported file says about itself. Every field is optional; writers skip absent or empty
 * ones. `year` is a year or an ISO date ("2025", "2025-06-01"); `key` a musical key as the user
 * wrote it ("A minor", "F#m").
 */
export interface AudioTags {
  readonly title?: string;
  readonly artist?: string;
  readonly album?: string;
  readonly genre?: string;
  readonly year?: string;
  readonly bpm?: number;
  readonly key?: string;
  readonly comment?: string;
  readonly cover?: CoverArt;
}

/** The type of an image from its signature, or null when it is neither PNG nor JPEG. */
export function sniffImageMime(bytes: Uint8Array): CoverArt['mime'] | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Cover art from an image file's bytes; a clear error when they are not a PNG or JPEG image. */
export function coverFromBytes(bytes: Uint8Array, name: string): CoverArt {
  const mime = sniffImageMime(bytes);
  if (!mime) throw new GlowroomError('bad-format', `${name} is not a PNG or JPEG image, so it cannot be the cover.`);
  if (bytes.length > 16 * 1024 * 1024 - 1024) throw new GlowroomError('unsupported', `${name} is over 16 MB; use a smaller cover image.`);
  return { bytes, mime };
}

/** Width and height in pixels of a PNG or JPEG, or zeros when the header cannot be read. */
export function imageSize(cover: CoverArt): { width: number; height: number; depth: number } {
  const b = cover.bytes;
  const u16 = (at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
  const u32 = (at: number) => u16(at) * 65536 + u16(at + 2);
  if (cover.mime === 'image/png') {
    // IHDR: width, height, bit depth, colour type (2 RGB, 6 RGBA).
    const colourType = b[25] ?? 0;
    const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : colourType === 4 ? 2 : 1;
    return { width: u32(16), height: u32(20), depth: (b[24] ?? 8) * channels };
  }
  // JPEG: walk segments to the first start-of-frame marker.
  let at = 2;
  while (at + 9 < b.length && b[at] === 0xff) {
    const marker = b[at + 1] ?? 0;
    const length = u16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16(at + 7), height: u16(at + 5), depth: (b[at + 4] ?? 8) * (b[at + 9] ?? 3) };
    }
    at += 2 + length;
  }
  return { width: 0, height: 0, depth: 0 };
}

/**
 * A key in the short form of ID3 TKEY and Vorbis INITIALKEY ("A minor" → "Am", "F sharp major"
 * → "F#", "Bb minor" → "Bbm"); anything else is passed through, cut to 3 characters.
 */
export function shortKey(key: string): string {
  const match = /^\s*([A-Ga-g])\s*(#|♯|b|♭|sharp|flat)?\s*(major|maj|minor|min|m)?\s*$/i.exec(key);
  if (!match) return key.trim().slice(0, 3);
  const note = (match[1] ?? '').toUpperCase();
  const accidental = match[2] ? (/^(#|♯|sharp)$/i.test(match[2]) ? '#' : 'b') : '';
  const minor = match[3] !== undefined && /^(minor|min|m)$/.test(match[3].toLowerCase()) && match[3] !== 'M';
  return `${note}${accidental}${minor ? 'm' : ''}`;
}

/** True when no field would be written. */
export function tagsAreEmpty(tags: AudioTags | undefined): boolean {
  if (!tags) return true;
  return Object.values(tags).every((value) => value === undefined || value === '');
}
