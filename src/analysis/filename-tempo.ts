import { fileStem } from './name-tokens';

/** Tempi a bare number in a name may claim: below and above this, numbers are take/kit/model numbers. */
const bareRange = { min: 60, max: 200 } as const;
/** Tempi a number explicitly marked `bpm` may claim. */
const markedRange = { min: 40, max: 300 } as const;

const separators = /[\s_\-()[\],]+/;

/**
 * The tempo a file name states, in BPM, or null. A number marked `bpm` (`120bpm`, `120 BPM`,
 * `97.5_bpm`, `bpm128`) wins and may lie in 40–300. Otherwise a bare whole-number token
 * (`loop_120_Am`) counts when it lies in 60–200, which leaves out take numbers (`01`), bit depths
 * (`24`) and drum machines (`808`); tokens with letters (`44k`, `24bit`) are never tempi. When the
 * name holds two different candidates of the winning kind it is ambiguous and the answer is null.
 */
export function filenameTempo(name: string): number | null {
  const stem = fileStem(name);
  const marked = new Set<number>();
  for (const match of stem.matchAll(/(?<![\d.])(\d{2,3}(?:\.\d{1,2})?)[\s_-]?bpm(?![a-z])|bpm[\s_-]?(\d{2,3}(?:\.\d{1,2})?)(?![\d.])/gi)) {
    const value = Number(match[1] ?? match[2]);
    if (value >= markedRange.min && value <= markedRange.max) marked.add(value);
  }
  if (marked.size > 0) return single(marked);
  const bare = new Set<number>();
  for (const token of stem.split(separators)) {
    if (!/^\d{2,3}$/.test(token)) continue;
    const value = Number(token);
    if (value >= bareRange.min && value <= bareRange.max) bare.add(value);
  }
  return single(bare);
}

function single(values: ReadonlySet<number>): number | null {
  return values.size === 1 ? ([...values][0] ?? null) : null;
}
