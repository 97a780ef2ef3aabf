import { nameWords, type NameOrder } from './name-order';

export interface MatchOrder {
  /**
   * The typed words, folded (name-order.ts `foldedWords`). Each scores 2 for a match when it is a
   * whole word of the file name, 1 when it begins one, 0 when only the folder, tags or pack hold
   * it; more points rank first. None: the matches are in name order.
   */
  readonly words: readonly string[];
  /** Fewest points first (with words), or names Z to A (without). Ties stay in name order. */
  readonly descending: boolean;
  /** Leave out files flagged missing (the full-text index holds them too). */
  readonly skipMissing: boolean;
}

const placeSpan = 2 ** 32;

/**
 * Free-text matches (`ids`, in any order) in relevance order: the points of every typed word
 * added up, best first, ties by name (NOCASE) and id — 'kick' lists kick_01.wav before
 * kicks_dusty.wav before snare_01.wav found in a Kicks folder. Each match is one number, its points
 * above its place in name order, so ordering 10,000 matches is one typed-array sort (≈ 1 ms)
 * instead of BM25 over every match and a name lookup each (≈ 10 ms at 100,000 samples). Ids the
 * order does not know yet (written by another connection after it was read) are left out until the
 * next search reads it again.
 */
export function orderMatches(order: NameOrder, ids: readonly number[], how: MatchOrder): number[] {
  const { words, descending, skipMissing } = how;
  const best = 2 * words.length;
  const keys = new Float64Array(ids.length);
  let n = 0;
  for (const id of ids) {
    const place = order.rank[id] ?? -1;
    if (place < 0 || (skipMissing && order.missing[id] === 1)) continue;
    let points = 0;
    if (words.length > 0) {
      const name = nameWords(order, id);
      for (const word of words) points += name.includes(` ${word} `) ? 2 : name.includes(` ${word}`) ? 1 : 0;
    }
    keys[n++] = (descending ? points : best - points) * placeSpan + place;
  }
  const sorted = keys.subarray(0, n).sort();
  const result = new Array<number>(n);
  for (let i = 0; i < n; i++) result[i] = order.idAt[(sorted[i] ?? 0) % placeSpan] ?? 0;
  return words.length === 0 && descending ? result.reverse() : result;
}
