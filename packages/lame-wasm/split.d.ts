import type { LameOptions } from './index';

/** One MP3 stream encoded in two pieces at once (split.mjs). */
export interface SplitLameEncoder {
  /**
   * Encodes the next `frames` frames of each plane (the song in order); returns the bytes that can
   * be written now (none while the song is split), valid until the next call.
   */
  encode(planes: readonly Float32Array[], frames: number): Uint8Array;
  /** Ends the stream once every announced frame was given: the rest of the file's bytes, in order. */
  finish(): Promise<Uint8Array[]>;
  /** Stops the second thread, if any (after finish, or when the encode is abandoned). */
  close(): void;
}

/** MP3 frames the second piece encodes and drops before the seam. */
export const PRE_ROLL_FRAMES: number;

/** The MP3 frame where the second piece takes over for a song of `frames` samples, or null when it is one piece. */
export function splitSeam(frames: number, sampleRate: number): number | null;

/**
 * An encoder of a song of at least `frames` samples per channel (null: not known), split in two
 * pieces on two threads when `frames` is long enough; the seam is placed from `frames`.
 */
export function createSplitLameEncoder(options: Omit<LameOptions, 'keep'> & { frames: number | null }): SplitLameEncoder;
