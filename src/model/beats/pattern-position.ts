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

/**
 * Where a note clip is at timeline beat `at` in pattern beats from its first pass's beat 0, not
 * wrapped (a looped clip's second pass runs on from the pattern's length), or null where
 * `patternBeatAt` is: the piano roll draws the later passes after the pattern and follows them.
 */
export function clipBeatAt(clip: PatternPlacement, patternLength: number, at: number): number | null {
  return patternBeatAt(clip, patternLength, at) === null ? null : clip.offset + (at - clip.start);
}

/** A later pass of a looped clip: pass `number` (2 or more) plays the pattern again over pattern beats [start, end). */
export interface PatternPass {
  readonly number: number;
  readonly start: number;
  readonly end: number;
}

/** At most this many later passes are listed: past them a clip is hundreds of bars of one pattern. */
export const maxPassesShown = 128;

/** The passes after the first that a looped clip plays (the last one cut where the clip ends); none when it does not loop. */
export function laterPasses(clip: PatternPlacement, patternLength: number): PatternPass[] {
  if (!clip.loop || !(patternLength > 0)) return [];
  const end = clip.offset + clip.length;
  const passes: PatternPass[] = [];
  for (let n = 1; n * patternLength < end && n <= maxPassesShown; n++) passes.push({ number: n + 1, start: n * patternLength, end: Math.min(end, (n + 1) * patternLength) });
  return passes;
}
