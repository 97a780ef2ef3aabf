import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './bench-result';
import { mixDevices, writeMixProject } from './mix-project';

const TRACKS = 64;
const SECONDS = 60;
const GOAL = 30;

const repoRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repoRoot, 'electron/cli/glowroom.mjs');

/**
 * Offline render of the 64-track mix (`mix-project.ts`: per-track inserts, two sends to effect
 * buses, master limiter; 60 s) through the real `glowroom render` CLI as a child process, timed
 * by wall clock over the whole process (start-up, decode, engine, dither, 24-bit encode, write).
 * One run: the figure is x realtime = 60 s ÷ wall seconds; goal ≥ 30×.
 */
export async function benchMixRender(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-mix-render-'));
  try {
    const projectPath = writeMixProject(dir, 'mix render', TRACKS, SECONDS);
    const out = path.join(dir, 'mix.wav');
    const load = os.loadavg()[0] ?? 0;
    const started = performance.now();
    const run = spawnSync(process.execPath, [cli, 'render', projectPath, '-o', out, '--bits', '24', '--json'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const wall = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`glowroom render failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    const summary = JSON.parse(run.stdout) as { unplayable: unknown[]; elapsed: number };
    if (summary.unplayable.length > 0) throw new Error(`glowroom render left sources silent: ${JSON.stringify(summary.unplayable)}`);
    const bytes = statSync(out).size;
    if (bytes < SECONDS * 48_000 * 2 * 3) throw new Error(`glowroom render wrote ${bytes} bytes, less than ${SECONDS} s of 24-bit stereo`);
    return [
      {
        name: `render ${TRACKS}-track mix ${SECONDS} s via glowroom render`,
        value: SECONDS / wall,
        unit: 'x realtime',
        better: 'higher',
        note: `goal ≥ ${GOAL}× realtime; \`glowroom render … --bits 24 --json\` as a child process, one run, ${wall.toFixed(2)} s wall for the whole process (the worker's own load-to-write time ${summary.elapsed.toFixed(2)} s); ${TRACKS} tracks, ${mixDevices}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
