import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadProjectFile, renderProject } from '../../electron/services/render/render-project';
import {
  BENCH_FRAMES,
  BENCH_SECONDS,
  BENCH_TRACKS,
  benchProjectShape,
  dbfs,
  peakOf,
  writeBenchProject,
} from '../support/bench-project';
import type { BenchResult } from './bench-result';
import { checkOutput, checkSignal, lastLines, runCli, runMeasured, type CliRun } from './render-cli';

const RUNS = 3;

/**
 * The whole export as a user runs it: 16 stereo tracks of 180 s at 48 kHz, one clip each, through
 * the real `glowroom render` CLI (a child process: tsx start-up, decode, engine in a worker
 * thread, dithered 24-bit encode, atomic write), timed by wall clock with the child's peak RSS.
 * When sox is installed, `sox -m` mixes the same 16 files to a 24-bit WAV in the same run as a
 * yardstick, its runs interleaved with ours so both see the same machine load. Last,
 * `renderProject` in this process (decode + engine, no encode or write) shows what start-up,
 * encode and write cost. Every output is checked for length and signal: a bench that measures a
 * failed or silent render is worse than none. Speeds are the fastest of RUNS runs, the figure
 * least disturbed by whatever else the machine is doing.
 */
export async function benchRender(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-render-'));
  try {
    const { projectPath, sources } = writeBenchProject(dir, 'Render bench');
    const load = os.loadavg()[0] ?? 0;
    const sox = hasSox();
    if (!sox) process.stderr.write('render bench: sox not found, skipping the sox -m comparison\n');

    const ours: CliRun[] = [];
    const soxSeconds: number[] = [];
    const soxCpu: (number | null)[] = [];
    let oursPeak = 0;
    let soxPeak = 0;
    let soxClipped = '';
    for (let i = 0; i < RUNS; i++) {
      const run = runCli(projectPath, dir);
      ours.push(run);
      oursPeak = run.peak;
      if (sox) {
        const soxRun = runSox(sources, dir);
        soxSeconds.push(soxRun.seconds);
        soxCpu.push(soxRun.cpuSeconds);
        soxPeak = soxRun.peak;
        soxClipped = soxRun.clipped;
      }
    }

    const inProcess: number[] = [];
    const inProcessCpu: number[] = [];
    let mixPeak = 0;
    for (let i = 0; i < RUNS; i++) {
      const loaded = await loadProjectFile(projectPath);
      const started = performance.now();
      const cpu = process.cpuUsage();
      const rendered = await renderProject(loaded);
      inProcess.push((performance.now() - started) / 1000);
      const used = process.cpuUsage(cpu);
      inProcessCpu.push((used.user + used.system) / 1e6);
      if (rendered.unplayable.length > 0) throw new Error(`renderProject left sources silent: ${JSON.stringify(rendered.unplayable)}`);
      mixPeak = Math.max(peakOf(rendered.channels[0]), peakOf(rendered.channels[1]));
      checkSignal(rendered.channels[0].length, rendered.sampleRate, mixPeak, 'renderProject');
    }

    const best = Math.min(...ours.map((run) => run.seconds));
    const glowroomSpeed = BENCH_SECONDS / best;
    const results: BenchResult[] = [
      {
        name: `render ${BENCH_TRACKS}×${BENCH_SECONDS} s stereo → 24-bit WAV`,
        value: glowroomSpeed,
        unit: 'x realtime',
        better: 'higher',
        note: `\`node electron/cli/glowroom.mjs render … --bits 24 --json\` as a child process; fastest of ${RUNS} runs by wall time (${seconds(ours.map((run) => run.seconds))}) incl. start-up, decode, render, dither, encode, atomic write (CPU user+sys ${seconds(ours.map((run) => run.cpuSeconds))}; the worker's own load-to-write wall time ${seconds(ours.map((run) => run.elapsed))}); ${benchProjectShape}; output checked: ${BENCH_FRAMES} frames, peak ${dbfs(oursPeak)}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs when the suite began`,
      },
      {
        name: `render ${BENCH_TRACKS}×${BENCH_SECONDS} s peak memory`,
        value: Math.max(...ours.map((run) => run.maxRssKiB)) / 1024,
        unit: 'MiB',
        better: 'lower',
        note: `goal ≤ 300 MiB, flat in song length; largest max RSS of the CLI process (render worker threads included) over ${RUNS} runs (${ours.map((run) => Math.round(run.maxRssKiB / 1024)).join(', ')} MiB), via ${ours[0]?.method ?? '?'}`,
      },
    ];
    if (sox) {
      const soxSpeed = BENCH_SECONDS / Math.min(...soxSeconds);
      results.push(
        {
          name: `sox -m ${BENCH_TRACKS} files → 24-bit WAV`,
          value: soxSpeed,
          unit: 'x realtime',
          better: 'higher',
          note: `\`sox -m -v 1 a.wav -v 1 b.wav … -b 24 out.wav\`; fastest of ${RUNS} runs by wall time (${seconds(soxSeconds)}; CPU user+sys ${seconds(soxCpu)}); -v 1 per input because sox -m otherwise divides every input by the number of inputs, so it sums at unity like our mixer (sox applies no pan); output checked: ${BENCH_FRAMES} frames, peak ${dbfs(soxPeak)}${soxClipped}`,
        },
        {
          name: 'glowroom / sox speed ratio',
          value: glowroomSpeed / soxSpeed,
          unit: '×',
          better: 'higher',
          note: 'goal ≥ 2 (at most half of sox\'s time); best x realtime of `glowroom render` divided by best of `sox -m` on the same sources, runs interleaved in the same bench run (> 1: faster than sox)',
        },
      );
    }
    results.push({
      name: `render ${BENCH_TRACKS}×${BENCH_SECONDS} s in-process, no encode/write`,
      value: BENCH_SECONDS / Math.min(...inProcess),
      unit: 'x realtime',
      better: 'higher',
      note: `renderProject called directly in the bench process (source decode + engine, no WAV encode or write); fastest of ${RUNS} runs by wall time (${seconds(inProcess)}; CPU user+sys ${seconds(inProcessCpu)}); the gap to the CLI figure is start-up + dither/encode + write; mix peak ${dbfs(mixPeak)}`,
    });
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runSox(sources: readonly string[], dir: string): { seconds: number; cpuSeconds: number | null; peak: number; clipped: string } {
  const out = path.join(dir, 'sox.wav');
  rmSync(out, { force: true });
  const args = ['-m', ...sources.flatMap((file) => ['-v', '1', file]), '-b', '24', out];
  const run = runMeasured('sox', args, dir, dir);
  if (run.status !== 0) throw new Error(`sox -m failed (exit ${run.status}): ${lastLines(run.stderr)}`);
  const clipping = run.stderr.split(/[\r\n]+/).filter((line) => /clipped/i.test(line));
  const clipped = clipping.length > 0 ? ` (sox reported clipping: ${clipping.join(' | ')})` : '';
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, peak: checkOutput(out, 'sox -m'), clipped };
}

function seconds(values: readonly (number | null)[]): string {
  return `${values.map((value) => (value === null ? '?' : value.toFixed(2))).join(', ')} s`;
}

function hasSox(): boolean {
  return spawnSync('sox', ['--version'], { encoding: 'utf8' }).status === 0;
}
