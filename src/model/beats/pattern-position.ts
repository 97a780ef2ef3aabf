/** Where a note clip is in its pattern at a timeline position (for the editors' playhead). */

export interface PatternPlacement {
  /** Timeline beats. */
  readonly start: number;
  readonly length: number;
  /** Where in the pattern the clip starts. */
  readonly offset: number;
  readonly loop: boolean;
}

/**
 * The pattern position sounding at timeline beat `at`, or null outside the clip and after a
 * non-looped pattern's end. A looped clip repeats the whole pattern every `patternLength`.
 */
export function patternBeatAt(clip: PatternPlacement, patternLength: number, at: number): number | null {
  if (at < clip.start || at >= clip.start + clip.length || !(patternLength > 0)) return null;
  const position = clip.offset + (at - clip.start);
  if (!clip.loop) return position < patternLength ? position : null;
  return ((position % patternLength) + patternLength) % patternLength;
}
