/**
 * The import benchmark's measured process: imports the folders in argv[3…] into a fresh library at
 * argv[2], as the app's main process does (importFolders with the default worker pool), and prints
 * one JSON line of figures. A process of its own, so its peak RSS is the import's alone: worker
 * threads live in the same process, so their memory counts too, as it does in the app. The
 * workers run compiled, as the app's and the command line's do (dist/cli, which `npm run bench`
 * builds when stale): from the sources each would compile the TypeScript again through tsx.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
// @ts-expect-error -- plain JavaScript module shared with the launcher.
import { bundleIsCurrent } from '../../electron/cli/bundle-manifest.mjs';
import { defaultPoolSize } from '../../electron/services/library/analyze-pool';
import { openLibraryDatabase } from '../../electron/services/library/database';
import { importFolders } from '../../electron/services/library/import';

export interface ImportFigures {
  readonly found: number;
  readonly indexed: number;
  readonly failed: readonly { path: string; reason: string }[];
  readonly elapsedMs: number;
  /** Until every file was listed: searchable by name, kind and folder. */
  readonly searchableMs: number;
  readonly workers: number;
  /** CPU time of the whole process (main thread and workers) over wall time: cores kept busy. */
  readonly coresBusy: number;
  readonly baselineRssBytes: number;
  readonly peakRssBytes: number;
  /** The main thread's JavaScript heap at its largest, sampled every 20 ms. */
  readonly peakMainHeapBytes: number;
}

const [library, ...folders] = process.argv.slice(2);
if (!library || folders.length === 0) throw new Error('usage: library-import-child <library.sqlite3> <folder>…');

const cliBuild = path.resolve(import.meta.dirname, '../../dist/cli');
if (!(bundleIsCurrent(path.resolve(cliBuild, '../..'), cliBuild) as boolean)) throw new Error('dist/cli is missing or stale: run the benchmark through `npm run bench`, which builds it');
const compiledAnalyzer = path.join(cliBuild, 'workers', 'analyze-worker.mjs');

const db = openLibraryDatabase(library);
const baselineRssBytes = process.memoryUsage.rss();
let peakMainHeapBytes = process.memoryUsage().heapUsed;
const sampler = setInterval(() => (peakMainHeapBytes = Math.max(peakMainHeapBytes, process.memoryUsage().heapUsed)), 20);
const cpuBefore = process.cpuUsage();
const result = await importFolders(db, folders, {
  packsDir: `${library}.packs`,
  startAnalyzer: () => new Worker(compiledAnalyzer, { workerData: { input: null } }),
});
const cpu = process.cpuUsage(cpuBefore);
clearInterval(sampler);
db.close();

const figures: ImportFigures = {
  found: result.found,
  indexed: result.indexed,
  failed: result.failed,
  elapsedMs: result.elapsedMs,
  searchableMs: result.searchableMs,
  workers: defaultPoolSize(),
  coresBusy: (cpu.user + cpu.system) / 1000 / result.elapsedMs,
  baselineRssBytes,
  // maxRSS is in KiB: the most this process ever held, workers included.
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  peakMainHeapBytes,
};
console.log(JSON.stringify(figures));
