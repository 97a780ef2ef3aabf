import { describe, expect, it } from 'vitest';
import { flagIs, numberWithin, passingPage, textWhere } from '../../../electron/services/library/fact-filters';
import type { FilterFacts, TextFacts } from '../../../electron/services/library/filter-facts';

/** Facts for ids 1..n (id 0 and ids past n are no sample): kind by `kindOf`, tempo id / 100, every 3rd missing. */
function factsFor(n: number, kindOf: (id: number) => 'loop' | 'one-shot'): FilterFacts {
  const size = n + 1;
  const text = (valueOf: (id: number) => string | null): TextFacts => {
    const values = [''];
    const codes = new Int32Array(size);
    for (let id = 1; id < size; id++) {
      const value = valueOf(id);
      if (value === null) continue;
      if (!values.includes(value)) values.push(value);
      codes[id] = values.indexOf(value);
    }
    return { codes, values };
  };
  const ids = Int32Array.from({ length: n }, (_, i) => i + 1);
  const missing = new Uint8Array(size);
  const bpm = new Float64Array(size).fill(Number.NaN);
  for (const id of ids) {
    missing[id] = id % 3 === 0 ? 1 : 0;
    bpm[id] = id / 100;
  }
  return {
    size,
    ids,
    missing,
    favourite: new Uint8Array(size),
    bpm,
    duration: new Float64Array(size).fill(1),
    kind: text(kindOf),
    format: text(() => 'wav'),
    key: text((id) => (id % 2 === 0 ? 'C minor' : null)),
    pack: text((id) => `Pack ${id % 4}`),
    folder: text((id) => (id % 5 === 0 ? 'Drums/Kicks' : 'Drums')),
  };
}

describe('filters over the facts held in memory', () => {
  const n = 10_000;
  const facts = factsFor(n, (id) => (id % 2 === 0 ? 'loop' : 'one-shot'));
  // In a made-up result order: ids descending, with ids no sample has (0, past n) mixed in.
  const order = Int32Array.from([0, n + 5, ...Array.from({ length: n }, (_, i) => n - i), n + 1]);
  const expected = (keep: (id: number) => boolean) => Array.from(order).filter((id) => id >= 1 && id <= n && keep(id));

  it('pages and counts across chunk boundaries, forwards and backwards, keeping the order', () => {
    const filters = [flagIs('missing', 0), textWhere('kind', (kind) => kind === 'loop')];
    const all = expected((id) => id % 3 !== 0 && id % 2 === 0);
    for (const [offset, limit] of [[0, 500], [1_300, 700], [all.length - 10, 500], [all.length + 1, 5]] as const) {
      const forwards = passingPage(facts, order, filters, { offset, limit, backwards: false, counting: true });
      expect(forwards.passed).toBe(all.length);
      expect(forwards.page).toEqual(all.slice(offset, offset + limit));
      const backwards = passingPage(facts, order, filters, { offset, limit, backwards: true, counting: true });
      expect(backwards.page).toEqual([...all].reverse().slice(offset, offset + limit));
    }
  });

  it('stops once the page is full when not counting', () => {
    const filters = [flagIs('missing', 0)];
    const { page, passed } = passingPage(facts, order, filters, { offset: 0, limit: 10, backwards: false, counting: false });
    expect(page).toEqual(expected((id) => id % 3 !== 0).slice(0, 10));
    expect(passed).toBeLessThan(expected((id) => id % 3 !== 0).length);
  });

  it('tests text by value (no key matches no key), tempo ranges, and passes no id the facts do not know', () => {
    const page = (filters: Parameters<typeof passingPage>[2]) => passingPage(facts, order, filters, { offset: 0, limit: n + 10, backwards: false, counting: true }).page;
    expect(page([textWhere('key', (key) => key === 'C minor')])).toEqual(expected((id) => id % 2 === 0));
    expect(page([textWhere('folder', (folder) => folder.startsWith('Drums/'))])).toEqual(expected((id) => id % 5 === 0));
    expect(page([numberWithin('bpm', [[10, 20], [50, 50.5]])])).toEqual(expected((id) => (id >= 1000 && id <= 2000) || (id >= 5000 && id <= 5050)));
    // Missing is 0 for ids no sample has, yet they pass no flag test.
    expect(page([flagIs('missing', 0)])).not.toContain(0);
    expect(page([flagIs('missing', 0)])).not.toContain(n + 1);
  });
});
