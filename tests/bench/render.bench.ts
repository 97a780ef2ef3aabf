import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadProjectFile, renderProject } from '../../electron/services/render/render-project';
import { decodeWav } from '../../src/codecs/wav';
import {
  BENCH_FRAMES,
  BENCH_RATE_HZ,
  BENCH_SECONDS,
  BENCH_TRACKS,
  benchProjectShape,
  dbfs,
  peakOf,
  writeBenchProject,
} from '../support/bench-project';
import type { BenchResult } from './bench-result';

const TIME = '/usr/bin/time';
const RUNS = 3;

const repoRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repoRoot, 'electron/cli/glowroom.mjs');

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

interface CliRun extends MeasuredRun {
  maxRssKiB: number;
  /** The worker's own load-to-write seconds, from the CLI's --json summary. */
  elapsed: number;
  peak: number;
}

/** One `glowroom render` of the project, checked. */
function runCli(projectPath: string, dir: string): CliRun {
  const out = path.join(dir, 'glowroom.wav');
  rmSync(out, { force: true });
  const run = runMeasured(process.execPath, [cli, 'render', projectPath, '-o', out, '--bits', '24', '--json'], repoRoot, dir);
  if (run.status !== 0) throw new Error(`glowroom render failed (exit ${run.status}): ${lastLines(run.stderr)}`);
  const summary = JSON.parse(run.stdout) as { unplayable: unknown[]; elapsed: number };
  if (summary.unplayable.length > 0) throw new Error(`glowroom render left sources silent: ${JSON.stringify(summary.unplayable)}`);
  if (run.maxRssKiB === null) throw new Error('could not measure the peak memory of glowroom render');
  return { ...run, maxRssKiB: run.maxRssKiB, elapsed: summary.elapsed, peak: checkOutput(out, 'glowroom render') };
}

/** One `sox -m` of the sources at unity gain each, checked. */
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

interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall clock. */
  seconds: number;
  /** User + system CPU seconds of the process, all its threads; null when unknown. */
  cpuSeconds: number | null;
  maxRssKiB: number | null;
  method: string;
}

/**
 * Runs a command, timing its wall clock, with its peak RSS and CPU time from GNU time
 * (`/usr/bin/time -v`) or, failing that and when the command is Node, from a preloaded module that
 * records `process.resourceUsage()` at exit.
 */
function runMeasured(command: string, args: readonly string[], cwd: string, scratch: string): MeasuredRun {
  const options = { cwd, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 } as const;
  if (existsSync(TIME)) {
    const started = performance.now();
    const run = spawnSync(TIME, ['-v', command, ...args], options);
    const seconds = (performance.now() - started) / 1000;
    // GNU time appends its report to the command's own stderr.
    const report = run.stderr.lastIndexOf('\tCommand being timed:');
    const stderr = report < 0 ? run.stderr : run.stderr.slice(0, report);
    const field = (label: string) => new RegExp(`${label}: ([\\d.]+)`).exec(run.stderr.slice(Math.max(report, 0)))?.[1];
    const rss = field('Maximum resident set size \\(kbytes\\)');
    const user = field('User time \\(seconds\\)');
    const system = field('System time \\(seconds\\)');
    if (run.status === 0 && (rss === undefined || user === undefined || system === undefined)) {
      throw new Error(`no resident set size or CPU times in the output of ${TIME} -v`);
    }
    return {
      status: run.status,
      stdout: run.stdout,
      stderr,
      seconds,
      cpuSeconds: Number(user) + Number(system),
      maxRssKiB: Number(rss),
      method: `${TIME} -v ("Maximum resident set size")`,
    };
  }
  if (command !== process.execPath) {
    const started = performance.now();
    const run = spawnSync(command, args, options);
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, seconds: (performance.now() - started) / 1000, cpuSeconds: null, maxRssKiB: null, method: 'none' };
  }
  const usageFile = path.join(scratch, 'resource-usage.json');
  const hook = path.join(scratch, 'resource-usage.mjs');
  writeFileSync(
    hook,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));\n`,
  );
  rmSync(usageFile, { force: true });
  const started = performance.now();
  const run = spawnSync(command, ['--import', pathToFileURL(hook).href, ...args], options);
  const seconds = (performance.now() - started) / 1000;
  const usage = run.status === 0 ? (JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage) : null;
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    seconds,
    cpuSeconds: usage ? (usage.userCPUTime + usage.systemCPUTime) / 1e6 : null,
    maxRssKiB: usage ? usage.maxRSS : null,
    method: `process.resourceUsage().maxRSS, recorded at exit by a module preloaded with --import (${TIME} not found)`,
  };
}

/** Decodes a rendered file and checks it is 48 kHz stereo 24-bit, the full length, and not silent; returns its peak. */
function checkOutput(file: string, what: string): number {
  const audio = decodeWav(readFileSync(file), path.basename(file));
  const [left, right] = audio.channels;
  if (audio.channels.length !== 2 || !left || !right || audio.bitDepth !== 24) {
    throw new Error(`${what}: expected a 24-bit stereo WAV, got ${audio.channels.length} channels of ${audio.bitDepth} bits`);
  }
  const peak = Math.max(peakOf(left), peakOf(right));
  checkSignal(left.length, audio.sampleRate, peak, what);
  return peak;
}

function checkSignal(frames: number, sampleRate: number, peak: number, what: string): void {
  if (sampleRate !== BENCH_RATE_HZ || frames !== BENCH_FRAMES) {
    throw new Error(`${what}: expected ${BENCH_FRAMES} frames at ${BENCH_RATE_HZ} Hz, got ${frames} at ${sampleRate} Hz`);
  }
  if (!(peak > 0.01)) throw new Error(`${what}: the output is silent (peak ${peak})`);
}

function hasSox(): boolean {
  return spawnSync('sox', ['--version'], { encoding: 'utf8' }).status === 0;
}

function lastLines(text: string): string {
  return text.trim().split(/[\r\n]+/).slice(-3).join(' | ');
}
