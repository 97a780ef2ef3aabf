/**
 * `npm run bench`: runs every benchmark, prints a table and writes bench-results/latest.json
 * (ignored by git) with the figures, the machine and the commit. Speed targets are judged from
 * these figures, never from timed tests. Later issues add their benchmarks to `suites`.
 * `npm run bench -- a b` runs only suites a and b. Suites in `onlyWhenNamed` (the 30-minute
 * soak) run only when named: `npm run bench -- soak --minutes 3`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error -- plain JavaScript module shared with the launcher.
import { bundleIsCurrent } from '../../electron/cli/bundle-manifest.mjs';
import type { BenchResult } from './bench-result';
import { benchColdParams } from './cold-params.bench';
import { benchDecodeWav } from './decode-wav.bench';
import { benchDemoRender } from './demo-render.bench';
import { benchDrumWorklet } from './drum-worklet.bench';
import { benchDspLoad } from './dsp-load.bench';
import { benchExport } from './export.bench';
import { benchLibraryList } from './library-list.bench';
import { benchLibrary, benchSearch } from './library.bench';
import { benchLoudness } from './loudness.bench';
import { benchMixRender } from './mix-render.bench';
import { benchRender } from './render.bench';
import { benchRenderMemory } from './render-memory.bench';
import { benchResampler } from './resampler.bench';
import { benchSoak, soakMinutesFrom } from './soak.bench';
import { benchStartup } from './startup.bench';
import { benchSynth } from './synth.bench';
import { benchSynthWorklet } from './synth-worklet.bench';
import { benchTimelineFrames } from './timeline-frames.bench';
import { benchWarpLoad } from './warp-load.bench';

const suites: Record<string, () => Promise<BenchResult[]>> = {
  'decode-wav': benchDecodeWav,
  resampler: benchResampler,
  loudness: benchLoudness,
  'library-list': benchLibraryList,
  library: benchLibrary,
  'library-search': async () => benchSearch(),
  render: benchRender,
  'render-memory': benchRenderMemory,
  export: benchExport,
  'timeline-frames': benchTimelineFrames,
  'dsp-load': benchDspLoad,
  'warp-load': benchWarpLoad,
  'mix-render': benchMixRender,
  'cold-params': benchColdParams,
  synth: benchSynth,
  'synth-worklet': benchSynthWorklet,
  'drum-worklet': benchDrumWorklet,
  'demo-render': benchDemoRender,
  soak: () => benchSoak(soakMinutes),
  startup: benchStartup,
};
const onlyWhenNamed = new Set(['soak']);

const repoRoot = path.resolve(import.meta.dirname, '../..');
const { minutes: soakMinutes, rest: only } = soakMinutesFrom(process.argv.slice(2));
buildCliWhenStale();
const results: (BenchResult & { suite: string })[] = [];
for (const [suite, run] of Object.entries(suites)) {
  if (only.length > 0 ? !only.includes(suite) : onlyWhenNamed.has(suite)) continue;
  process.stderr.write(`running ${suite}…\n`);
  for (const result of await run()) results.push({ suite, ...result });
}

const report = {
  date: new Date().toISOString(),
  /** 1-minute load average when the suites ended: the machine is shared. */
  loadAverage: os.loadavg()[0] ?? null,
  commit: gitCommit(),
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` },
  results,
};
const outDir = path.join(repoRoot, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');

const rows = results.map((r) => [r.suite, r.name, formatValue(r.value), r.unit, r.better === 'higher' ? '↑ better' : '↓ better']);
const header = ['suite', 'benchmark', 'value', 'unit', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) => cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log(`\nWrote ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))} (${report.machine.cpus} × ${report.machine.cpu}, Node ${process.version}).`);

/**
 * The suites that run `glowroom` measure what a user runs: the compiled dist/cli (built by
 * `npm start` and `npm run build`), not the TypeScript sources through tsx, which the launcher
 * falls back to when the bundle is missing or stale. So the bundle is built first when it is.
 */
function buildCliWhenStale(): void {
  if (bundleIsCurrent(repoRoot, path.join(repoRoot, 'dist/cli'))) return;
  process.stderr.write('building dist/cli (node electron/bundle.mjs)…\n');
  execFileSync(process.execPath, [path.join(repoRoot, 'electron/bundle.mjs')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
}

function formatValue(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}
