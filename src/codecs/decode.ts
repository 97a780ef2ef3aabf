import { GlowroomError } from '../std/errors';
import { aiffFacts, decodeAiff } from './aiff';
import { withNote, type AudioFacts, type DecodedAudio } from './decoded-audio';
import { decodeFlac, flacFacts, streamFlac } from './flac';
import { decodeMp3, id3v2Length, looksLikeMp3, mp3Facts, streamMp3 } from './mp3';
import { decodeOggVorbis, oggVorbisFacts, streamOggVorbis } from './ogg-vorbis';
import { streamWhole, type PcmBuffers, type PcmSink, type StreamedAudio } from './pcm-stream';
import { isDamagedFloat } from './limits';
import { decodeWav, wavFacts } from './wav';

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
 * error messages and notes. A file whose name lies about its format (real packs ship WAV data
 * named .ogg and AIFF named .wav) is decoded as what it holds, with a note naming the fix: the
 * content is unambiguous, and refusing it would lose a sound the producer paid for. Asynchronous
 * because the FLAC, MP3 and Ogg Vorbis decoders are WASM modules instantiated on first use.
 */
export async function decodeAudio(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  return typedErrors(name, () => decodeByContent(bytes, name));
}

/**
 * `decodeAudio` into `buffers`, reused from file to file (see `PcmBuffers`): the same samples,
 * notes and errors, but the channels are views valid only until the next decode into `buffers`.
 */
export async function decodeAudioInto(bytes: Uint8Array, name: string, buffers: PcmBuffers): Promise<DecodedAudio> {
  return buffers.collect((sink) => streamAudio(bytes, name, sink));
}

/** Passes on a GlowroomError; anything else is a bug in a parser, reported to the user as a sentence. */
async function typedErrors<T>(name: string, decode: () => Promise<T>): Promise<T> {
  try {
    return await decode();
  } catch (error) {
    if (error instanceof GlowroomError) throw error;
    // The parsers check every length they read, so this is a bug; the user still gets a sentence.
    const wrapped = new GlowroomError('bad-format', `${name} could not be read: it is damaged in a way Glowroom does not recognise. Re-export it from the program that made it.`);
    wrapped.cause = error;
    throw wrapped;
  }
}

/**
 * What a whole file's headers say (format, shape, length), chosen by content as `decodeAudio`
 * chooses, without decoding the audio: a fraction of the cost, for listing files at once. Throws
 * what `decodeAudio` throws for bytes that are no audio or whose headers are damaged; damage in
 * the audio itself shows only when it is decoded.
 */
export function readAudioFacts(bytes: Uint8Array, name: string): AudioFacts {
  const format = sniffFormat(bytes);
  switch (format) {
    case 'wav':
      return wavFacts(bytes, name);
    case 'aiff':
      return aiffFacts(bytes, name);
    case 'flac':
      return flacFacts(bytes.subarray(id3v2Length(bytes)), name);
    case 'mp3':
      return mp3Facts(bytes, name);
    case 'ogg':
      return oggVorbisFacts(bytes, name);
    case 'unknown':
      throw notAudio(name);
  }
}

/**
 * `decodeAudio` into `sink` a chunk at a time: FLAC, MP3 and Ogg Vorbis never whole in memory
 * (their compressed bytes are), WAV and AIFF decoded whole and handed over in one chunk (readers
 * that want those in blocks read them from disk: `wavSampleLayout`, `aiffSampleLayout`). The
 * same samples, notes and errors as `decodeAudio`.
 */
export async function streamAudio(bytes: Uint8Array, name: string, sink: PcmSink): Promise<StreamedAudio> {
  return typedErrors(name, () => byContent(bytes, name, async (format) => {
    switch (format) {
      case 'flac':
        return streamFlac(bytes.subarray(id3v2Length(bytes)), name, sink);
      case 'mp3':
        return streamMp3(bytes, name, sink);
      case 'ogg':
        return streamOggVorbis(bytes, name, sink);
      default:
        return streamWhole(await decodeFormat(format, bytes, name), sink);
    }
  }));
}

async function decodeByContent(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  return byContent(bytes, name, (format) => decodeFormat(format, bytes, name));
}

/** Decodes `bytes` as what they hold, with a note when the name promises another format. */
async function byContent<T extends { readonly notes?: readonly string[] }>(bytes: Uint8Array, name: string, decode: (format: SniffedFormat) => Promise<T>): Promise<T> {
  const format = sniffFormat(bytes);
  const extension = /\.([^.\\/]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const promised = formatOfExtension[extension];
  const audio = await decode(format);
  if (!promised || promised === format) return audio;
  return withNote(audio, `${name} holds ${format.toUpperCase()} audio although it is named .${extension}; it was opened as ${format.toUpperCase()}. Rename it to end in .${format === 'aiff' ? 'aif' : format} so other programs read it too.`);
}

async function decodeFormat(format: SniffedFormat, bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  switch (format) {
    case 'wav':
      return repairFloat(decodeWav(bytes, name), name);
    case 'aiff':
      return repairFloat(decodeAiff(bytes, name), name);
    case 'flac':
      return decodeFlac(bytes.subarray(id3v2Length(bytes)), name);
    case 'mp3':
      return decodeMp3(bytes, name);
    case 'ogg':
      return decodeOggVorbis(bytes, name);
    case 'unknown':
      throw notAudio(name);
  }
}

function notAudio(name: string): GlowroomError {
  return new GlowroomError('bad-format', `not an audio file: ${name} (expected WAV, AIFF, FLAC, MP3 or Ogg Vorbis data).`);
}

/**
 * Float files can carry NaN or infinity (a crashed plug-in, a corrupt write) or absurd values (a
 * flipped exponent bit turns a quiet sample into 1e38). One such sample would poison every sum
 * it enters or blow up the mix, so the rule, once for every consumer:
 * - a few damaged samples (at most 1 in 100) are made silent and the result says so: the rest is
 *   the producer's sound, and a click-sized hole is better than losing the file;
 * - more than that is not a recording with glitches but bytes that are not float audio (a
 *   misaligned or mislabelled file): refused, because silencing them would hand back holes and
 *   keeping them would be a blast.
 * Values between 1 and `floatCeiling` (+24 dBFS) are legitimate float headroom and kept.
 */
function repairFloat(audio: DecodedAudio, name: string): DecodedAudio {
  if (audio.encoding !== 'float') return audio;
  let damaged = 0;
  let total = 0;
  for (const channel of audio.channels) {
    total += channel.length;
    for (const sample of channel) if (isDamagedFloat(sample)) damaged++;
  }
  if (damaged === 0) return audio;
  if (damaged * 100 > total) {
    throw new GlowroomError(
      'bad-format',
      `${name} is damaged: ${damaged} of its ${total} float samples are not numbers or lie far beyond full scale. Re-export it from the program that made it.`,
    );
  }
  for (const channel of audio.channels) {
    for (let i = 0; i < channel.length; i++) if (isDamagedFloat(channel[i] ?? 0)) channel[i] = 0;
  }
  return withNote(audio, `${damaged} damaged sample${damaged === 1 ? ' was' : 's were'} made silent (not numbers, or far beyond full scale).`);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}
