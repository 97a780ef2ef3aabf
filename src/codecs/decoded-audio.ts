import type { Hertz } from '../std/units';

/** The container or codec a file was decoded from. */
export type AudioFormat = 'wav' | 'rf64' | 'aiff' | 'aifc' | 'flac' | 'mp3' | 'ogg';

/**
 * How the samples were stored: integer PCM of some width (also FLAC, which is lossless), IEEE
 * float, or a lossy codec (MP3, Vorbis) whose decoder yields float with no stored width.
 */
export type SampleEncoding = 'pcm' | 'float' | 'lossy';

/**
 * Planar 32-bit float PCM, the one shape every decoder produces and the engine consumes.
 * `channels[c][i]` is frame i of channel c, nominally in [-1, 1].
 */
export interface DecodedAudio {
  readonly format: AudioFormat;
  readonly encoding: SampleEncoding;
  /** Bits per stored sample (8, 16, 24, 32, 64); 0 for lossy formats. */
  readonly bitDepth: number;
  readonly sampleRate: Hertz;
  readonly channels: readonly Float32Array[];
  /**
   * What the decoder repaired or ignored to return this sound, one sentence each for the import
   * summary ("its header says 16-bit but its audio is 24-bit; decoded as 24-bit"). Absent when
   * the file was read exactly as it says.
   */
  readonly notes?: readonly string[];
}

/** `audio` with `note` added to its notes. */
export function withNote<T extends { readonly notes?: readonly string[] }>(audio: T, note: string): T {
  return { ...audio, notes: [...(audio.notes ?? []), note] };
}

export function frameCount(audio: DecodedAudio): number {
  return audio.channels[0]?.length ?? 0;
}

/**
 * What a file's headers say about its audio, read without decoding it: enough to list a file
 * (format, length, shape) at once, before its full analysis. `frames` is exact for WAV, AIFF,
 * FLAC with a length in STREAMINFO, Ogg Vorbis and MP3 with a Xing/Info header; other MP3s are
 * estimated from their bitrate.
 */
export interface AudioFacts {
  readonly format: AudioFormat;
  /** Bits per stored sample; 0 for lossy formats. */
  readonly bitDepth: number;
  readonly sampleRate: Hertz;
  readonly channelCount: number;
  readonly frames: number;
}
