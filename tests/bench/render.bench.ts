import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadProjectFile, renderProject } from '../../electron/services/render/render-project';
import { decodeWav } from '../../src/codecs/wav';
import { encodeWav } from '../../src/codecs/wav-writer';
import { serializeProject } from '../../src/model/parse-project';
import type { Project } from '../../src/model/project-schema';
import type { BenchResult } from './bench-result';

const TRACKS = 16;
const DURATION_S = 180;
const SAMPLE_RATE = 48_000;
const FRAMES = DURATION_S * SAMPLE_RATE;
const TEMPO = 120;
const BEATS = (DURATION_S * TEMPO) / 60;
const TIME = '/usr/bin/time';
const RUNS = 3;
/**
 * Per-track tone peak and uniform noise span: about −28 dBFS RMS, peaks near −20 dBFS. At −24 dBFS
 * RMS each, the 16-way unity sum of `sox -m -v 1` (no pan) would clip.
 */
const TONE = 0.04;
const NOISE = 0.11;

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
    const sources = writeSources(dir);
    const projectPath = path.join(dir, 'bench.glowroom');
    writeFileSync(projectPath, serializeProject(benchProject(sources.map((file) => path.basename(file)))));
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

    const shape = `${TRACKS} stereo tracks × ${DURATION_S} s at ${SAMPLE_RATE / 1000} kHz (24-bit WAV sources, about −28 dBFS RMS each), one clip per track, pans spread −0.75…+0.75`;
    const best = Math.min(...ours.map((run) => run.seconds));
    const glowroomSpeed = DURATION_S / best;
    const results: BenchResult[] = [
      {
        name: `render ${TRACKS}×${DURATION_S} s stereo → 24-bit WAV`,
        value: glowroomSpeed,
        unit: 'x realtime',
        better: 'higher',
        note: `\`node electron/cli/glowroom.mjs render … --bits 24 --json\` as a child process; fastest of ${RUNS} runs by wall time (${seconds(ours.map((run) => run.seconds))}) incl. start-up, decode, render, dither, encode, atomic write (CPU user+sys ${seconds(ours.map((run) => run.cpuSeconds))}; the worker's own load-to-write wall time ${seconds(ours.map((run) => run.elapsed))}); ${shape}; output checked: ${FRAMES} frames, peak ${dbfs(oursPeak)}; 1-minute load average ${load.toFixed(2)} on ${os.cpus().length} CPUs when the suite began`,
      },
      {
        name: `render ${TRACKS}×${DURATION_S} s peak memory`,
        value: Math.max(...ours.map((run) => run.maxRssKiB)) / 1024,
        unit: 'MiB',
        better: 'lower',
        note: `largest max RSS of the CLI process (render worker thread included) over ${RUNS} runs (${ours.map((run) => Math.round(run.maxRssKiB / 1024)).join(', ')} MiB), via ${ours[0]?.method ?? '?'}`,
      },
    ];
    if (sox) {
      const soxSpeed = DURATION_S / Math.min(...soxSeconds);
      results.push(
        {
          name: `sox -m ${TRACKS} files → 24-bit WAV`,
          value: soxSpeed,
          unit: 'x realtime',
          better: 'higher',
          note: `\`sox -m -v 1 a.wav -v 1 b.wav … -b 24 out.wav\`; fastest of ${RUNS} runs by wall time (${seconds(soxSeconds)}; CPU user+sys ${seconds(soxCpu)}); -v 1 per input because sox -m otherwise divides every input by the number of inputs, so it sums at unity like our mixer (sox applies no pan); output checked: ${FRAMES} frames, peak ${dbfs(soxPeak)}${soxClipped}`,
        },
        {
          name: 'glowroom / sox speed ratio',
          value: glowroomSpeed / soxSpeed,
          unit: '×',
          better: 'higher',
          note: 'best x realtime of `glowroom render` divided by best of `sox -m` on the same sources, runs interleaved in the same bench run (> 1: faster than sox)',
        },
      );
    }
    results.push({
      name: `render ${TRACKS}×${DURATION_S} s in-process, no encode/write`,
      value: DURATION_S / Math.min(...inProcess),
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

/** Writes the 16 stereo 24-bit sources, one at a time to keep memory flat; returns their paths. */
function writeSources(dir: string): string[] {
  return Array.from({ length: TRACKS }, (_, track) => {
    const file = path.join(dir, `source-${String(track + 1).padStart(2, '0')}.wav`);
    const channels = [source(track, 0), source(track, 1)];
    writeFileSync(file, encodeWav({ sampleRate: SAMPLE_RATE, channels }, { bitDepth: 24 }));
    return file;
  });
}

/**
 * One channel of one track: a tone (a different pitch per track and channel, slowly swelling)
 * plus seeded white noise (levels at TONE and NOISE), so 16 of them sum without clipping: our mix
 * peaks near −4 dBFS, the unpanned sox mix near −2 dBFS.
 */
function source(track: number, channel: number): Float32Array {
  const out = new Float32Array(FRAMES);
  const step = (2 * Math.PI * 110 * 2 ** ((track * 5 + channel * 7) / 24)) / SAMPLE_RATE;
  const swell = (2 * Math.PI * (0.1 + 0.013 * track)) / SAMPLE_RATE;
  const random = mulberry32(0x9e37_79b9 * (1 + track * 2 + channel));
  for (let i = 0; i < FRAMES; i++) {
    out[i] = TONE * (0.75 + 0.25 * Math.sin(i * swell)) * Math.sin(i * step) + NOISE * (random() - 0.5);
  }
  return out;
}

/**
 * Seeded uniform noise in [0, 1). Not a plain LCG: LCG streams from different seeds are affine in
 * one another (x + seed·aⁿ mod 2³²), so 32 of them summed are strongly correlated and clip.
 */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b_79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function benchProject(files: readonly string[]): Project {
  return {
    format: 'glowroom',
    version: 1,
    name: 'Render bench',
    tempo: TEMPO,
    timeSignature: [4, 4],
    sampleRate: SAMPLE_RATE,
    sources: Object.fromEntries(files.map((file, i) => [`s${i + 1}`, { path: file }])),
    tracks: files.map((_, i) => ({
      id: `t${i + 1}`,
      name: `Track ${i + 1}`,
      gainDb: 0,
      pan: -0.75 + (1.5 * i) / (files.length - 1),
      mute: false,
      solo: false,
      clips: [
        { id: `c${i + 1}`, source: `s${i + 1}`, start: 0, length: BEATS, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1 },
      ],
    })),
    master: { gainDb: 0 },
  };
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
  if (sampleRate !== SAMPLE_RATE || frames !== FRAMES) {
    throw new Error(`${what}: expected ${FRAMES} frames at ${SAMPLE_RATE} Hz, got ${frames} at ${sampleRate} Hz`);
  }
  if (!(peak > 0.01)) throw new Error(`${what}: the output is silent (peak ${peak})`);
}

function peakOf(channel: Float32Array): number {
  let peak = 0;
  for (let i = 0; i < channel.length; i++) {
    const v = Math.abs(channel[i] ?? 0);
    if (v > peak) peak = v;
  }
  return peak;
}

function dbfs(peak: number): string {
  return `${(20 * Math.log10(peak)).toFixed(1)} dBFS`;
}

function hasSox(): boolean {
  return spawnSync('sox', ['--version'], { encoding: 'utf8' }).status === 0;
}

function lastLines(text: string): string {
  return text.trim().split(/[\r\n]+/).slice(-3).join(' | ');
}
