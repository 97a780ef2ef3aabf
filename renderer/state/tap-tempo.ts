/** A pause longer than this between taps starts a new count. */
const restartAfterMs = 2000;
/** The tempo is the mean of at most this many of the latest intervals, so a steady hand settles it and an early stumble drops out. */
const intervalsAveraged = 8;

/**
 * The tempo tapped, in BPM rounded to 0.01, from tap times in milliseconds (oldest first): the
 * mean interval of the latest run of taps, a run ending at any pause over two seconds. Null until
 * that run has two taps.
 */
export function tappedTempo(taps: readonly number[]): number | null {
  let first = taps.length - 1;
  while (first > 0 && (taps[first] as number) - (taps[first - 1] as number) <= restartAfterMs) first--;
  const run = taps.slice(Math.max(first, taps.length - 1 - intervalsAveraged));
  if (run.length < 2) return null;
  const meanMs = ((run.at(-1) as number) - (run[0] as number)) / (run.length - 1);
  return meanMs > 0 ? Math.round((60_000 / meanMs) * 100) / 100 : null;
}

/** The tempos a loop of `durationSeconds` has if it lasts 1, 2, 4 or 8 bars of `barBeats` quarter notes, kept between 50 and 220 BPM. */
export function tempoFromBars(durationSeconds: number, barBeats: number): { bars: number; bpm: number }[] {
  if (!(durationSeconds > 0) || !(barBeats > 0)) return [];
  return [1, 2, 4, 8]
    .map((bars) => ({ bars, bpm: Math.round(((bars * barBeats * 60) / durationSeconds) * 100) / 100 }))
    .filter(({ bpm }) => bpm >= 50 && bpm <= 220);
}
