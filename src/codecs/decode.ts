import { GlowroomError } from '../std/errors';
import type { DecodedAudio } from './decoded-audio';
import { decodeWav } from './wav';

/** What the first bytes of a file say it is, whatever its name claims. */
export type SniffedFormat = 'wav' | 'aiff' | 'flac' | 'mp3' | 'ogg' | 'unknown';

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (['RIFF', 'RIFX', 'RF64', 'BW64'].includes(tag) && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (tag === 'FORM') return 'aiff';
  if (tag === 'fLaC') return 'flac';
  if (tag === 'OggS') return 'ogg';
  if (tag.startsWith('ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  return 'unknown';
}

/**
 * Decodes a whole file to planar float PCM, choosing the decoder by content, not by extension.
 * `name` appears in error messages.
 */
export function decodeAudio(bytes: Uint8Array, name: string): DecodedAudio {
  const format = sniffFormat(bytes);
  switch (format) {
    case 'wav':
      return decodeWav(bytes, name);
    case 'unknown':
      throw new GlowroomError(
        'bad-format',
        `not an audio file: ${name} (expected WAV, AIFF, FLAC, MP3 or Ogg Vorbis data).`,
      );
    default:
      throw new GlowroomError(
        'unsupported',
        `${name} is ${format.toUpperCase()} audio, which this build cannot decode yet; convert it to WAV to use it now.`,
      );
  }
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}
