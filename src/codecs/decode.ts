import { GlowroomError } from '../std/errors';
import { decodeAiff } from './aiff';
import type { DecodedAudio } from './decoded-audio';
import { decodeFlac } from './flac';
import { decodeMp3, id3v2Length, looksLikeMp3 } from './mp3';
import { decodeOggVorbis } from './ogg-vorbis';
import { decodeWav } from './wav';

/** What the first bytes of a file say it is, whatever its name claims. */
export type SniffedFormat = 'wav' | 'aiff' | 'flac' | 'mp3' | 'ogg' | 'unknown';

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  const tag = ascii(bytes, 0, 4);
  if (['RIFF', 'RIFX', 'RF64', 'BW64'].includes(tag) && ascii(bytes, 8, 4) === 'WAVE') return 'wav';
  if (tag === 'FORM' && ['AIFF', 'AIFC'].includes(ascii(bytes, 8, 4))) return 'aiff';
  if (tag === 'fLaC') return 'flac';
  if (tag === 'OggS') return 'ogg';
  // Some taggers put an ID3v2 tag in front of FLAC too.
  const id3 = id3v2Length(bytes);
  if (id3 > 0 && ascii(bytes, id3, 4) === 'fLaC') return 'flac';
  if (looksLikeMp3(bytes)) return 'mp3';
  return 'unknown';
}

/** The format each audio file extension promises. */
const formatOfExtension: Readonly<Record<string, SniffedFormat>> = {
  wav: 'wav', wave: 'wav', aif: 'aiff', aiff: 'aiff', aifc: 'aiff', flac: 'flac', mp3: 'mp3', ogg: 'ogg', oga: 'ogg',
};

/**
 * Decodes a whole file to planar float PCM, choosing the decoder by content. `name` appears in
 * error messages, and its extension must agree with the content: a file whose name lies about
 * its format (an MP3 renamed .wav) is refused with the fix, because other programs (and export
 * tags, and collaborators) would trip over it. Asynchronous because the FLAC, MP3 and Ogg Vorbis
 * decoders are WASM modules that are instantiated on first use.
 */
export async function decodeAudio(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  const format = sniffFormat(bytes);
  const extension = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const promised = formatOfExtension[extension];
  if (promised && format !== 'unknown' && promised !== format) {
    throw new GlowroomError(
      'bad-format',
      `${name} holds ${format.toUpperCase()} audio but is named .${extension}; rename it to end in .${format === 'aiff' ? 'aif' : format} to use it.`,
    );
  }
  switch (format) {
    case 'wav':
      return withoutNonFinite(decodeWav(bytes, name));
    case 'aiff':
      return withoutNonFinite(decodeAiff(bytes, name));
    case 'flac':
      return decodeFlac(bytes.subarray(id3v2Length(bytes)), name);
    case 'mp3':
      return decodeMp3(bytes, name);
    case 'ogg':
      return decodeOggVorbis(bytes, name);
    case 'unknown':
      throw new GlowroomError(
        'bad-format',
        `not an audio file: ${name} (expected WAV, AIFF, FLAC, MP3 or Ogg Vorbis data).`,
      );
  }
}

/**
 * Float files can carry NaN or infinity (a crashed plug-in, a corrupt write). One such sample
 * would poison every sum it enters, so they become silence here, once, for every consumer.
 */
function withoutNonFinite(audio: DecodedAudio): DecodedAudio {
  if (audio.encoding !== 'float') return audio;
  for (const channel of audio.channels) {
    for (let i = 0; i < channel.length; i++) if (!Number.isFinite(channel[i])) channel[i] = 0;
  }
  return audio;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}
