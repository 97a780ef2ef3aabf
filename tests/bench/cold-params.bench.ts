import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result';

const RUNS = 3;
const repoRoot = path.resolve(import.meta.dirname, '../..');

/** What the child prints: heap growth in bytes while turning every parameter, and over as many blocks standing still. */
interface Growth {
  readonly parameters: number;
  readonly still: number;
  readonly turn: number;
}

/**
 * Garbage made on the audio thread by the first turn of each knob in a session
 * (`cold-params-child.ts`: a cold engine with one device of every type, its block loop warmed with
 * nothing moving, then each of the 79 device parameters turned once and followed by 40 blocks).
 * V8 decides when code is optimized and when it is thrown away, so the figure moves a lot from run
 * to run (a few MiB either way): a benchmark, not a test. The best and worst of RUNS child
 * processes are reported for both phases: garbage while turning, and over as many blocks with
 * nothing moving (the engine's steady state, which should be none).
 */
export async function benchColdParams(): Promise<BenchResult[]> {
  const load = os.loadavg()[0] ?? 0;
  const runs: Growth[] = [];
  for (let run = 0; run < RUNS; run++) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=256', '--min-semi-space-size=256', '--import', 'tsx', path.join(repoRoot, 'tests/bench/cold-params-child.ts')], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    if (child.status !== 0) throw new Error(`cold-params child failed (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    runs.push(JSON.parse(child.stdout) as Growth);
  }
  const mib = (bytes: number) => bytes / 2 ** 20;
  const parameters = runs[0]?.parameters ?? 0;
  const note = `first turn of each of the ${parameters} device parameters in a cold engine (one device of every type on a track), 40 blocks after each; heap growth with a 256 MiB young generation (no collection during a phase); best and worst of ${RUNS} child processes; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`;
  const figure = (phase: 'turn' | 'still', pick: 'best' | 'worst', name: string): BenchResult => {
    const values = runs.map((run) => run[phase]);
    return { name: `${name} (${pick} run)`, value: mib(pick === 'best' ? Math.min(...values) : Math.max(...values)), unit: 'MiB', better: 'lower', note };
  };
  return [
    figure('turn', 'best', 'garbage turning every device parameter once'),
    figure('turn', 'worst', 'garbage turning every device parameter once'),
    figure('still', 'best', `garbage over as many blocks with nothing moving`),
    figure('still', 'worst', `garbage over as many blocks with nothing moving`),
  ];
}
