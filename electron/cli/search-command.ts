import type { Command } from 'commander';
import { parseKey } from '../../src/analysis/musical-key';
import type { LibrarySearch } from '../services/library/search';
import { exitStatus, glowroomCommand, UsageError, usageFailure } from './command-kit';
import { progressLine } from './progress-line';
import { upgradeLine } from './upgrade-line';

interface SearchOptions {
  kind?: string;
  bpm?: string;
  key?: string;
  limit: string;
  json?: boolean;
  library?: string;
}

/**
 * `glowroom search [QUERY] [--kind loop|one-shot] [--bpm MIN-MAX] [--key KEY] [--limit N] [--json]
 * [--library PATH]`: the library search the app uses. Tempo ranges also match half and double time.
 */
export function searchCommand(): Command {
  return glowroomCommand('search', 'Find samples in the library by words (prefixes count), kind, tempo (half and double time match too) and key.')
    .argument('[query...]', 'words to find in names, folders and tags')
    .option('--kind <kind>', 'loop or one-shot')
    .option('--bpm <bpm>', 'tempo in BPM, or a range in BPM like 118-124')
    .option('--key <key>', 'musical key such as Am, C#m, F# or "Bb major"')
    .option('--limit <count>', 'most samples to list, a count from 1 to 10000', '50')
    .option('--json', 'print the matches as JSON on stdout')
    .option('--library <file>', 'the library database file (default: the one in the Glowroom data folder)')
    .action(async (words: string[], options: SearchOptions) => {
      process.exitCode = await runSearch(words.join(' '), options);
    });
}

async function runSearch(text: string, options: SearchOptions): Promise<number> {
  let search: LibrarySearch;
  try {
    search = toSearch(text, options);
  } catch (error) {
    return usageFailure('search', error);
  }
  const [{ searchSamples }, { toIpcError }, { openLibraryDatabase }] = await Promise.all([
    import('../services/library/search'),
    import('../services/ipc-error'),
    import('../services/library/database'),
  ]);
  let db;
  const upgrade = upgradeLine(progressLine({ quiet: false }));
  try {
    db = openLibraryDatabase(options.library, undefined, upgrade.onStep);
    upgrade.done();
  } catch (error) {
    console.error(`glowroom search: ${toIpcError(error).message}`);
    return exitStatus.failed;
  }
  try {
    const { rows, total } = searchSamples(db, search);
    if (options.json) {
      console.log(JSON.stringify({ total, rows: rows.map(({ peaks: _peaks, ...row }) => row) }, null, 2));
    } else {
      for (const row of rows) {
        const facts = [row.kind, `${row.duration.toFixed(2)} s`, row.bpm === null ? null : `${row.bpm} BPM`, row.key, row.tags.join(' ')];
        console.log(`${row.path}\n  ${facts.filter(Boolean).join(' · ')}`);
      }
      console.log(`${rows.length} of ${total} matching samples.`);
    }
    return exitStatus.ok;
  } finally {
    db.close();
  }
}

/** The search the options ask for; throws UsageError saying which option is wrong. */
function toSearch(text: string, { kind, bpm, key, limit }: SearchOptions): LibrarySearch {
  if (kind !== undefined && kind !== 'loop' && kind !== 'one-shot') throw new UsageError(`--kind must be loop or one-shot, not "${kind}".`);
  let range: { min: number; max: number } | undefined;
  if (bpm !== undefined) {
    const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(bpm);
    if (!match) throw new UsageError(`--bpm takes a tempo or a range like 120 or 118-124, not "${bpm}".`);
    const min = Number(match[1]);
    range = { min, max: match[2] === undefined ? min : Number(match[2]) };
    if (range.min > range.max) throw new UsageError(`--bpm ${bpm}: put the lower tempo first.`);
  }
  const normalisedKey = key === undefined ? undefined : parseKey(key);
  if (normalisedKey === null) throw new UsageError(`--key takes a key like Am, C#m, F# or "Bb major", not "${key}".`);
  const count = Number(limit);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new UsageError(`--limit must be a whole number from 1 to 10000, not "${limit}".`);
  return {
    text,
    limit: count,
    ...(kind === undefined ? {} : { kind }),
    ...(range === undefined ? {} : { bpm: range }),
    ...(normalisedKey === undefined ? {} : { key: normalisedKey }),
  };
}
