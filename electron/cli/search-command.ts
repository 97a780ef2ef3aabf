import { parseArgs } from 'node:util';
import { parseKey } from '../../src/analysis/musical-key';
import { searchSamples, type LibrarySearch } from '../services/library/search';
import { toIpcError } from '../services/ipc-error';
import { openLibraryDatabase } from '../services/library/database';

/**
 * `glowroom search [QUERY] [--kind loop|one-shot] [--bpm MIN-MAX] [--key KEY] [--limit N] [--json]
 * [--library PATH]`: the library search the app uses. Tempo ranges also match half and double time.
 */
export async function searchCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        bpm: { type: 'string' },
        key: { type: 'string' },
        limit: { type: 'string', default: '50' },
        json: { type: 'boolean', default: false },
        library: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`glowroom search: ${(error as Error).message}`);
    return 2;
  }
  const { kind, bpm, key, limit, json, library } = parsed.values;
  const search = toSearch(parsed.positionals.join(' '), kind, bpm, key, limit);
  if (typeof search === 'string') {
    console.error(`glowroom search: ${search}`);
    return 2;
  }
  let db;
  try {
    db = openLibraryDatabase(library);
  } catch (error) {
    console.error(`glowroom search: ${toIpcError(error).message}`);
    return 1;
  }
  try {
    const { rows, total } = searchSamples(db, search);
    if (json) {
      console.log(JSON.stringify({ total, rows: rows.map(({ peaks: _peaks, ...row }) => row) }, null, 2));
    } else {
      for (const row of rows) {
        const facts = [row.kind, `${row.duration.toFixed(2)} s`, row.bpm === null ? null : `${row.bpm} BPM`, row.key, row.tags.join(' ')];
        console.log(`${row.path}\n  ${facts.filter(Boolean).join(' · ')}`);
      }
      console.log(`${rows.length} of ${total} matching samples.`);
    }
    return 0;
  } finally {
    db.close();
  }
}

/** The search the options ask for, or a sentence saying which option is wrong. */
function toSearch(text: string, kind?: string, bpm?: string, key?: string, limit?: string): LibrarySearch | string {
  if (kind !== undefined && kind !== 'loop' && kind !== 'one-shot') return `--kind must be loop or one-shot, not "${kind}".`;
  let range: { min: number; max: number } | undefined;
  if (bpm !== undefined) {
    const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(bpm);
    if (!match) return `--bpm takes a tempo or a range like 120 or 118-124, not "${bpm}".`;
    const min = Number(match[1]);
    range = { min, max: match[2] === undefined ? min : Number(match[2]) };
    if (range.min > range.max) return `--bpm ${bpm}: put the lower tempo first.`;
  }
  const normalisedKey = key === undefined ? undefined : parseKey(key);
  if (normalisedKey === null) return `--key takes a key like Am, C#m, F# or "Bb major", not "${key}".`;
  const count = Number(limit);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) return `--limit must be a whole number from 1 to 10000, not "${limit}".`;
  return {
    text,
    limit: count,
    ...(kind === undefined ? {} : { kind }),
    ...(range === undefined ? {} : { bpm: range }),
    ...(normalisedKey === undefined ? {} : { key: normalisedKey }),
  };
}
