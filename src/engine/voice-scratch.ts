import { blockFrames } from '../protocol/engine';

/**
 * Per-block working memory shared by every voice of one engine, allocated once: source positions
 * and gains for each output frame, and the interpolated source values. Voices fill it and mix
 * from it within one call, so sharing is safe.
 */
export class VoiceScratch {
  readonly positions = new Float64Array(blockFrames);
  readonly gains = new Float64Array(blockFrames);
  readonly left = new Float64Array(blockFrames);
  readonly right = new Float64Array(blockFrames);
}
