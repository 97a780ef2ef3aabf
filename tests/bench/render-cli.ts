/**
 * Running `glowroom render` (and other commands) as a child process for the benchmarks, with
 * wall time, CPU time and peak memory, and checking what it wrote.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeWav } from '../../src/codecs/wav';
import { BENCH_FRAMES, BENCH_RATE_HZ, peakOf } from '../support/bench-project';

const TIME = '/usr/bin/time';
const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface CliRun extends MeasuredRun {
  maxRssKiB: number;
  /** The worker's own load-to-write seconds, from the CLI's --json summary. */
  elapsed: number;
  peak: number;
}

/** One `glowroom render` of the project (of `frames` frames at 48 kHz) by the command of the checkout at `root` (this one by default), checked. */
export function runCli(projectPath: string, dir: string, frames = BENCH_FRAMES, root = repoRoot): CliRun {
  const out = path.join(dir, 'glowroom.wav');
  rmSync(out, { force: true });
  const run = runMeasured(process.execPath, [path.join(root, 'electron/cli/glowroom.mjs'), 'render', projectPath, '-o', out, '--bits', '24', '--json'], root, dir);
  if (run.status !== 0) throw new Error(`glowroom render failed (exit ${run.status}): ${lastLines(run.stderr)}`);
  const summary = JSON.parse(run.stdout) as { unplayable: unknown[]; elapsed: number };
  if (summary.unplayable.length > 0) throw new Error(`glowroom render left sources silent: ${JSON.stringify(summary.unplayable)}`);
  if (run.maxRssKiB === null) throw new Error('could not measure the peak memory of glowroom render');
  return { ...run, maxRssKiB: run.maxRssKiB, elapsed: summary.elapsed, peak: checkOutput(out, 'glowroom render', frames) };
}

export interface MeasuredRun {
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
export function runMeasured(command: string, args: readonly string[], cwd: string, scratch: string): MeasuredRun {
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

/** Decodes a rendered file and checks it is 48 kHz stereo 24-bit, `frames` long, and not silent; returns its peak. */
export function checkOutput(file: string, what: string, frames = BENCH_FRAMES): number {
  const audio = decodeWav(readFileSync(file), path.basename(file));
  const [left, right] = audio.channels;
  if (audio.channels.length !== 2 || !left || !right || audio.bitDepth !== 24) {
    throw new Error(`${what}: expected a 24-bit stereo WAV, got ${audio.channels.length} channels of ${audio.bitDepth} bits`);
  }
  const peak = Math.max(peakOf(left), peakOf(right));
  checkSignal(left.length, audio.sampleRate, peak, what, frames);
  return peak;
}

export function checkSignal(frames: number, sampleRate: number, peak: number, what: string, expected = BENCH_FRAMES): void {
  if (sampleRate !== BENCH_RATE_HZ || frames !== expected) {
    throw new Error(`${what}: expected ${expected} frames at ${BENCH_RATE_HZ} Hz, got ${frames} at ${sampleRate} Hz`);
  }
  if (!(peak > 0.01)) throw new Error(`${what}: the output is silent (peak ${peak})`);
}


export function lastLines(text: string): string {
  return text.trim().split(/[\r\n]+/).slice(-3).join(' | ');
}
