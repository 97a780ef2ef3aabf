import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
// @ts-expect-error -- plain JavaScript module shared with the launcher.
import { bundleIsCurrent } from '../../electron/cli/bundle-manifest.mjs';
import type { BenchResult } from './bench-result';

const RUNS = 10;
const GOAL_SECONDS = 0.2;
const TIME = '/usr/bin/time';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repoRoot, 'electron/cli/glowroom.mjs');

/**
 * `glowroom --help` as a whole process, RUNS times, interleaved with bare `node -e 0` so both see
 * the same machine load: the median wall time of each, and (with GNU time) the median CPU time,
 * the figure a busy machine disturbs least. The launcher runs dist/cli when it is current (built
 * by `npm run build`), else the sources through tsx: the note says which was measured.
 */
export async function benchStartup(): Promise<BenchResult[]> {
  const help: Timed[] = [];
  const bare: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    help.push(timed([cli, '--help']));
    bare.push(timed(['-e', '0']));
  }
  const ran = bundleIsCurrent(repoRoot, path.join(repoRoot, 'dist/cli')) ? 'compiled dist/cli' : 'tsx (dist/cli missing or stale: run npm run build)';
  const results: BenchResult[] = [
    { name: `glowroom --help, whole process, median wall (goal ≤ ${GOAL_SECONDS} s)`, value: median(help.map((t) => t.wall)), unit: 's', better: 'lower', note: `goal ≤ ${GOAL_SECONDS} s; ran ${ran}` },
    { name: 'node -e 0, same run, median wall', value: median(bare.map((t) => t.wall)), unit: 's', better: 'lower', note: 'Node itself: the floor under any start-up' },
  ];
  if (help.every((t) => t.cpu !== null) && bare.every((t) => t.cpu !== null)) {
    results.push(
      { name: `glowroom --help, median CPU user+sys (goal ≤ ${GOAL_SECONDS} s)`, value: median(help.map((t) => t.cpu ?? 0)), unit: 's', better: 'lower', note: `goal ≤ ${GOAL_SECONDS} s; ${TIME}` },
      { name: 'node -e 0, median CPU (user+sys)', value: median(bare.map((t) => t.cpu ?? 0)), unit: 's', better: 'lower' },
    );
  }
  return results;
}

interface Timed {
  wall: number;
  cpu: number | null;
}

function timed(args: string[]): Timed {
  const withTime = existsSync(TIME);
  const started = performance.now();
  const run = withTime
    ? spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, ...args], { encoding: 'utf8', cwd: repoRoot })
    : spawnSync(process.execPath, args, { encoding: 'utf8', cwd: repoRoot });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${run.status}): ${run.stderr}`);
  const match = withTime ? /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr) : null;
  return { wall, cpu: match ? Number(match[1]) + Number(match[2]) : null };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 === 0 ? ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2 : (sorted[Math.floor(mid)] ?? 0);
}
