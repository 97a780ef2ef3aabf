/**
 * The library on the Node side: import speed and memory for a generated pack of 2,000 files in
 * mixed formats (imported by a child process, as the app's main process imports), and search
 * latency of LibraryService over a generated library of 100,000 rows (real SQLite, real FTS).
 * Everything is generated into temporary folders and removed afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JobRegistry } from '../../electron/services/jobs';
import { defaultLibraryPath } from '../../electron/services/library/database';
import { LibraryService } from '../../electron/services/library/library-service';
import { SearchArgs } from '../../src/protocol/ipc';
import type { BenchResult } from './bench-result';
import { generatePack } from './generated-pack';
import type { ImportFigures } from './library-import-child';
import { generateLibrary, rowCount as libraryRowCount } from './generated-library';
import { percentile } from './library-list.bench';
import { searchShapes as queries } from './search-shapes';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const packFiles = 2_000;
const searchRuns = 20;
const mib = 2 ** 20;

const goalMs = 10;

export async function benchLibrary(): Promise<BenchResult[]> {
  return [...(await benchImport()), ...benchSearch()];
}

/** Goals of issue #18: full analysis at this pace, and 1,000 new files searchable this soon. */
const importGoalFilesPerSecond = 150;
const searchableGoalS = 3;
/** The pack's first four sound folders (kicks, snares, hats, bass): 1,000 of its 2,000 files. */
const searchableFolders = ['Drums/Kicks', 'Drums/Snares', 'Drums/Hats', 'Bass'];

async function benchImport(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-import-'));
  const packDir = path.join(dir, 'Generated Pack');
  try {
    const generateStart = performance.now();
    const pack = await generatePack(packDir, packFiles);
    const generateS = (performance.now() - generateStart) / 1000;
    const half = await importInChild(path.join(dir, 'half.sqlite3'), searchableFolders.map((folder) => path.join(packDir, folder)));
    const figures = await importInChild(path.join(dir, 'library.sqlite3'), [packDir]);
    for (const [run, expected] of [[half, packFiles / 2], [figures, packFiles]] as const) {
      if (run.indexed !== expected || run.failed.length > 0) {
        throw new Error(`the import indexed ${run.indexed} of ${expected} generated files; failed: ${JSON.stringify(run.failed.slice(0, 3))}`);
      }
    }
    const seconds = figures.elapsedMs / 1000;
    const cpuSeconds = figures.coresBusy * seconds;
    const formats = Object.entries(pack.byFormat)
      .map(([format, count]) => `${count} ${format}`)
      .join(', ');
    return [
      {
        name: `library import with full analysis, ${packFiles} files in mixed formats`,
        value: round(figures.indexed / seconds),
        unit: 'files/s',
        better: 'higher',
        note: `goal ≥ ${importGoalFilesPerSecond} files/s; ${round(seconds)} s with ${figures.workers} analyze workers (${round(figures.coresBusy)} cores busy on average), all listed after ${round(figures.searchableMs / 1000)} s; ${formats}; ${Math.round(pack.audioSeconds)} s of audio, ${Math.round(pack.bytes / mib)} MiB, generated in ${round(generateS)} s; workers run compiled (dist/cli)`,
      },
      {
        name: `library import CPU time of the whole process, ${packFiles} files`,
        value: round(cpuSeconds),
        unit: 's',
        better: 'lower',
        note: `main thread and workers; the load disturbs it less than the wall time: with all ${figures.workers} cores free all the time that is ${round((figures.workers * figures.indexed) / cpuSeconds)} files/s (goal ≥ ${importGoalFilesPerSecond}), a bound, not a measurement`,
      },
      {
        name: `library import: ${(packFiles / 2).toLocaleString('en-US')} new files searchable after`,
        value: round(half.searchableMs / 1000),
        unit: 's',
        better: 'lower',
        note: `goal ≤ ${searchableGoalS} s from the start of the import until every file is listed (name, kind, folder, format, length, tempo and key from the name); the full analysis then took until ${round(half.elapsedMs / 1000)} s`,
      },
      {
        name: 'library import peak RSS of the importing process',
        value: round(figures.peakRssBytes / mib),
        unit: 'MiB',
        better: 'lower',
        note: `worker threads included; ${round(figures.baselineRssBytes / mib)} MiB before the import; main-thread JS heap peak ${round(figures.peakMainHeapBytes / mib)} MiB`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Imports `folders` into a fresh library at `library` in a child process (library-import-child.ts). */
async function importInChild(library: string, folders: readonly string[]): Promise<ImportFigures> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'tests/bench/library-import-child.ts'), library, ...folders],
    { cwd: repoRoot, maxBuffer: 64 * mib },
  );
  return JSON.parse(stdout) as ImportFigures;
}

/** Search latency alone (`npm run bench -- library-search`), without the import half of `library`. */
export function benchSearch(): BenchResult[] {
  const home = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-search-'));
  const service = new LibraryService(new JobRegistry(), defaultLibraryPath({ GLOWROOM_HOME: home }));
  try {
    generateLibrary(home);
    const parsed = queries.map((query) => SearchArgs.parse(query));
    // One pass to warm SQLite's page cache and the statement cache, as a running app has them.
    for (const query of parsed) service.search(query);
    const latencies: number[][] = parsed.map(() => []);
    // CPU time of this thread's search (SQLite runs in it, synchronously): what the code costs,
    // which the shared machine's load disturbs less than the wall time.
    const cpuTimes: number[][] = parsed.map(() => []);
    let rowsReturned = 0;
    for (let run = 0; run < searchRuns; run++) {
      for (const [i, query] of parsed.entries()) {
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        rowsReturned += service.search(query).rows.length;
        latencies[i]?.push(performance.now() - start);
        const cpu = process.cpuUsage(cpuStart);
        cpuTimes[i]?.push((cpu.user + cpu.system) / 1000);
      }
    }
    const all = latencies.flat();
    const note = `goal p99 ≤ ${goalMs} ms; ${queries.length} query shapes × ${searchRuns} runs, pages of 500 rows (${Math.round(rowsReturned / all.length)} on average); worst ${round(Math.max(...all))} ms; load ${round(os.loadavg()[0] ?? 0)}`;
    const rows = (name: string, values: number[], extra: string): BenchResult[] => [
      { name: `${name} p50`, value: round(percentile(values, 50)), unit: 'ms', better: 'lower', note: extra },
      { name: `${name} p99`, value: round(percentile(values, 99)), unit: 'ms', better: 'lower', note: extra },
    ];
    const name = `library search (LibraryService, ${libraryRowCount.toLocaleString('en-US')} rows)`;
    return [
      ...rows(name, all, note),
      ...rows(`${name}, CPU`, cpuTimes.flat(), `${note}; CPU time of the searching thread`),
      ...queries.flatMap((query, i) =>
        rows(`  search ${JSON.stringify(query)}, CPU`, cpuTimes[i] ?? [], `goal p99 ≤ ${goalMs} ms; wall p50 / p99 ${round(percentile(latencies[i] ?? [], 50))} / ${round(percentile(latencies[i] ?? [], 99))} ms`),
      ),
    ];
  } finally {
    service.close();
    rmSync(home, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
