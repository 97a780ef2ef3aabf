import type { FilterFacts, TextColumn } from './filter-facts';

/**
 * One filter of a search as a pass over candidate ids held in memory (filter-facts.ts), beside its
 * SQL in search.ts: keeps the first `n` of `ids` that pass, in their order, at the front, and
 * returns how many passed. Each kind of filter is its own loop over typed arrays, so a pass over
 * 100,000 ids is a fraction of a millisecond; ids the facts do not know pass none.
 */
export type FactFilter = (facts: FilterFacts, ids: Int32Array, n: number) => number;

/** Samples whose missing or favourite flag is `value`. */
export function flagIs(column: 'missing' | 'favourite', value: 0 | 1): FactFilter {
  return (facts, ids, n) => {
    const flags = facts[column];
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i] ?? 0;
      if (id < facts.size && flags[id] === value && facts.kind.codes[id] !== 0) ids[kept++] = id;
    }
    return kept;
  };
}

/** Samples whose text column holds a value `accepts` takes (asked once per distinct value, not per sample). */
export function textWhere(column: TextColumn, accepts: (value: string) => boolean): FactFilter {
  let table: { facts: FilterFacts; accepted: Uint8Array } | null = null;
  return (facts, ids, n) => {
    const { codes, values } = facts[column];
    if (table?.facts !== facts) {
      const accepted = new Uint8Array(values.length);
      for (let code = 1; code < values.length; code++) accepted[code] = accepts(values[code] ?? '') ? 1 : 0;
      table = { facts, accepted };
    }
    const { accepted } = table;
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i] ?? 0;
      if (id < facts.size && accepted[codes[id] ?? 0] === 1) ids[kept++] = id;
    }
    return kept;
  };
}

/** Samples whose tempo or length lies in one of the closed `ranges` (no tempo lies in none). */
export function numberWithin(column: 'bpm' | 'duration', ranges: readonly (readonly [low: number, high: number])[]): FactFilter {
  return (facts, ids, n) => {
    const values = facts[column];
    let kept = 0;
    for (let i = 0; i < n; i++) {
      const id = ids[i] ?? 0;
      if (id >= facts.size) continue;
      const value = values[id] ?? Number.NaN;
      for (const [low, high] of ranges) {
        if (value >= low && value <= high) {
          ids[kept++] = id;
          break;
        }
      }
    }
    return kept;
  };
}

/** Applies every filter in turn; returns how many of the first `n` ids passed them all (now at the front). */
export function keepPassing(facts: FilterFacts, ids: Int32Array, n: number, filters: readonly FactFilter[]): number {
  let kept = n;
  for (const filter of filters) kept = filter(facts, ids, kept);
  return kept;
}

/** Ids passed through the filters this many at a time, in a buffer kept between searches. */
const chunkLength = 4096;
const chunk = new Int32Array(chunkLength);

/**
 * The ids of `order` (read backwards if asked) that pass every filter: the `limit` of them from
 * `offset` on, and how many pass in all (`passed`). Without `counting`, it stops once the page is
 * full and `passed` counts only that far (for a total known from elsewhere).
 */
export function passingPage(
  facts: FilterFacts,
  order: Int32Array,
  filters: readonly FactFilter[],
  how: { readonly offset: number; readonly limit: number; readonly backwards: boolean; readonly counting: boolean },
): { page: number[]; passed: number } {
  const { offset, limit, backwards, counting } = how;
  const end = offset + limit;
  const page: number[] = [];
  let passed = 0;
  for (let start = 0; start < order.length && (counting || passed < end); start += chunkLength) {
    const n = Math.min(chunkLength, order.length - start);
    for (let i = 0; i < n; i++) chunk[i] = order[backwards ? order.length - 1 - start - i : start + i] ?? 0;
    const kept = keepPassing(facts, chunk, n, filters);
    for (let i = 0; i < kept; i++) {
      const at = passed + i;
      if (at >= offset && at < end) page.push(chunk[i] ?? 0);
    }
    passed += kept;
  }
  return { page, passed };
}
