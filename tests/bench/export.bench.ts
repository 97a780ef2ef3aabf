import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeWritten } from '../../electron/services/export/decode-written';
import { encodeInto } from '../../electron/services/export/encoders';
import type { ExportFormat, ExportOptions, ExportReport } from '../../electron/services/export/export-job';
import { FileSink } from '../../electron/services/export/file-sink';
import { runExportWorker } from '../../electron/services/export/start-export-worker';
import { decodeWav } from '../../src/codecs/wav';
import { BENCH_FRAMES, BENCH_RATE_HZ, BENCH_SECONDS, BENCH_TRACKS, benchProjectShape, dbfs, peakOf, writeBenchProject } from '../support/bench-project';
import type { BenchResult } from './bench-result';
import { lastLines, runMeasured } from './render-cli';

const RUNS = 3;

/** One export format with the native tool that encodes the same PCM the same way. */
interface Target {
  readonly label: string;
  readonly format: ExportFormat;
  readonly extension: string;
  readonly tool: string;
  /** The tool's arguments to encode `input` into `output`. */
  readonly args: (input: string, output: string) => string[];
}

const targets: readonly Target[] = [
  { label: 'MP3 320 kbit/s CBR', format: { kind: 'mp3', mode: { cbrKbps: 320 } }, extension: 'mp3', tool: 'lame', args: (input, output) => ['--quiet', '-b', '320', '--cbr', input, output] },
  { label: 'FLAC 24-bit level 5', format: { kind: 'flac', bits: 24 }, extension: 'flac', tool: 'flac', args: (input, output) => ['--silent', '-5', '-f', '-o', output, input] },
];

/**
 * The export as the app and `glowroom render` run it, for the render bench's generated project
 * (16 stereo tracks × 180 s): `runExportWorker` (worker start-up, source decode, engine render,
 * encode, decode-back and loudness measurement of the written file, atomic write; no loudness
 * target) to MP3 320 CBR and to FLAC 24-bit level 5. The same mix, exported once as a 24-bit WAV,
 * is the PCM for two more figures per format: our encoder alone on it in this process, and, when
 * installed, the native `lame -b 320` / `flac -5` on that WAV file, their runs interleaved with
 * ours so all see the same machine load. Speeds are the fastest of RUNS runs; CPU seconds (this
 * process's, and the native tool's from /proc) are reported beside the wall clock, which a loaded
 * machine inflates. Last, the FLAC export again with a loudness target (−14 LUFS, −1 dBTP): the
 * whole export of the issue's goal, limiter passes included.
 */
export async function benchExport(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'glowroom-bench-export-'));
  try {
    const { projectPath } = writeBenchProject(dir, 'Export bench');
    const wav = path.join(dir, 'mix.wav');
    await exportOnce(projectPath, wav, { kind: 'wav', bits: 24 });
    const mix = decodeWav(readFileSync(wav), 'mix.wav');
    const peak = Math.max(...mix.channels.map(peakOf));
    if (mix.channels[0]?.length !== BENCH_FRAMES || !(peak > 0.01)) throw new Error(`the mix WAV is ${mix.channels[0]?.length} frames with peak ${peak}: expected ${BENCH_FRAMES} frames of signal`);
    const results: BenchResult[] = [];
    for (const target of targets) results.push(...(await benchTarget(target, projectPath, wav, mix.channels, dir)));
    results.push(await benchNormalized(projectPath, dir));
    results.push(await benchMp3Memory(projectPath, dir));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchTarget(target: Target, projectPath: string, wav: string, planes: readonly Float32Array[], dir: string): Promise<BenchResult[]> {
  const native = hasTool(target.tool);
  if (!native) process.stderr.write(`export bench: ${target.tool} not found, skipping the native ${target.tool} comparison for ${target.label}\n`);
  const ours = path.join(dir, `ours.${target.extension}`);
  const theirs = path.join(dir, `native.${target.extension}`);
  const alone = path.join(dir, `alone.${target.extension}`);
  const pipeline: number[] = [];
  const pipelineCpu: number[] = [];
  const workerElapsed: number[] = [];
  const encoder: number[] = [];
  const encoderCpu: number[] = [];
  const tool: number[] = [];
  const toolCpu: number[] = [];
  let encodedBytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    let cpu = process.cpuUsage();
    const report = await exportOnce(projectPath, ours, target.format);
    pipelineCpu.push(cpuSeconds(cpu));
    pipeline.push((performance.now() - started) / 1000);
    workerElapsed.push(report.elapsed);

    const encodeStarted = performance.now();
    cpu = process.cpuUsage();
    encodedBytes = await encodeToFile(planes, target.format, alone);
    encoderCpu.push(cpuSeconds(cpu));
    encoder.push((performance.now() - encodeStarted) / 1000);

    if (native) {
      const run = runTool(target, wav, theirs);
      tool.push(run.wall);
      if (run.cpu !== null) toolCpu.push(run.cpu);
    }
  }
  await checkEncoded(readFileSync(ours), target.format);

  const what = `${BENCH_TRACKS}×${BENCH_SECONDS} s → ${target.label}`;
  const pipelineSpeed = BENCH_SECONDS / Math.min(...pipeline);
  const encoderSpeed = BENCH_SECONDS / Math.min(...encoder);
  const encoderCpuSpeed = BENCH_SECONDS / Math.min(...encoderCpu);
  const results: BenchResult[] = [
    {
      name: `export ${what}`,
      value: pipelineSpeed,
      unit: 'x realtime',
      better: 'higher',
      note: `goal ≥ 40× realtime; runExportWorker (the worker behind the export dialog and \`glowroom render\`), no loudness target; fastest of ${RUNS} by wall time (${seconds(pipeline)}; the worker's own load-to-write time ${seconds(workerElapsed)}; CPU ${seconds(pipelineCpu)}) incl. worker start-up, decode, render (two threads where the machine has two cores), encode, loudness of the written file (lossless: as encoded; MP3: decoded back), atomic write; ${benchProjectShape}; ${statSync(ours).size.toLocaleString('en-US')} bytes written`,
    },
    {
      name: `${target.label} encoder alone, same PCM`,
      value: encoderSpeed,
      unit: 'x realtime',
      better: 'higher',
      note: `encodeInto from electron/services/export/encoders in this process on the exported mix (180 s stereo, 48 kHz, decoded from its 24-bit WAV, peak ${dbfs(Math.max(...planes.map(peakOf)))}) into a file, as the export and the native tool write (the file sink without its fsync${target.format.kind === 'mp3' ? '; MP3 in two pieces on two threads, as the export encodes a song of 10 s or more' : ''}); fastest of ${RUNS} (${seconds(encoder)}; CPU ${seconds(encoderCpu)}); ${encodedBytes.toLocaleString('en-US')} bytes`,
    },
    {
      name: `export ${what}, per CPU second`,
      value: BENCH_SECONDS / Math.min(...pipelineCpu),
      unit: 'x realtime',
      better: 'higher',
      note: `the same exports as seconds of audio per CPU second of this process (user + system, all threads: ${seconds(pipelineCpu)}), which the machine's load does not inflate as it does the wall clock`,
    },
  ];
  if (!native) return results;
  const nativeSpeed = BENCH_SECONDS / Math.min(...tool);
  if (toolCpu.length === RUNS) {
    results.push({
      name: `${target.label}: our encoder / native ${target.tool}, CPU time`,
      value: Math.min(...toolCpu) / Math.min(...encoderCpu),
      unit: '×',
      better: 'higher',
      note: `goal ≥ ${target.format.kind === 'flac' ? '0.6' : '0.8'}×; the like-for-like comparison in CPU seconds (ours ${seconds(encoderCpu)} = ${encoderCpuSpeed.toFixed(1)}× realtime; ${target.tool} ${seconds(toolCpu)}, the child's user + system from /proc), which a loaded machine does not skew`,
    });
  }
  const command = `\`${target.tool} ${target.args('mix.wav', `out.${target.extension}`).join(' ')}\``;
  results.push(
    {
      name: `native ${target.tool}, same PCM`,
      value: nativeSpeed,
      unit: 'x realtime',
      better: 'higher',
      note: `${command} on the exported mix as a 24-bit WAV; fastest of ${RUNS} by wall time incl. process start (${seconds(tool)}); ${statSync(theirs).size.toLocaleString('en-US')} bytes`,
    },
    {
      name: `${target.label}: our export / native ${target.tool}`,
      value: pipelineSpeed / nativeSpeed,
      unit: '×',
      better: 'higher',
      note: `x realtime of the whole export (render included) divided by ${target.tool}'s on the rendered mix (> 1: faster than the native encoder alone)`,
    },
    {
      name: `${target.label}: our encoder / native ${target.tool}`,
      value: encoderSpeed / nativeSpeed,
      unit: '×',
      better: 'higher',
      note: `goal ≥ ${target.format.kind === 'flac' ? '0.6' : '0.8'}×; x realtime of our encoder alone divided by ${target.tool}'s, both on the same PCM${target.format.kind === 'mp3' ? ` (ours on two threads, ${target.tool} on one: the CPU-time ratio above is the like-for-like one)` : ' (the like-for-like encoder comparison)'}`,
    },
  );
  return results;
}

/** The loudness target of the normalised export: a streaming platform's. */
const NORMALIZE = { targetLufs: -14, ceilingDbtp: -1 } as const;

/**
 * The whole export as a producer runs it for upload: to FLAC 24-bit with loudness normalisation
 * (gain to −14 LUFS, the true-peak limiter at −1 dBTP, iterated until the written file measures
 * on target), the passes over the mix that the plain exports above skip.
 */
async function benchNormalized(projectPath: string, dir: string): Promise<BenchResult> {
  const out = path.join(dir, 'normalized.flac');
  const wall: number[] = [];
  const cpu: number[] = [];
  let report: ExportReport | null = null;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const before = process.cpuUsage();
    report = await exportOnce(projectPath, out, { kind: 'flac', bits: 24 }, NORMALIZE);
    cpu.push(cpuSeconds(before));
    wall.push((performance.now() - started) / 1000);
  }
  const normalization = report?.normalization;
  if (!normalization?.onTarget) throw new Error(`the normalised export missed its target: ${JSON.stringify(report?.loudness)}`);
  return {
    name: `export ${BENCH_TRACKS}×${BENCH_SECONDS} s → FLAC 24-bit, normalised to ${NORMALIZE.targetLufs} LUFS / ${NORMALIZE.ceilingDbtp} dBTP`,
    value: BENCH_SECONDS / Math.min(...wall),
    unit: 'x realtime',
    better: 'higher',
    note: `goal ≥ 40× realtime (the issue's whole export: render, loudness, limiter, encode, measure); runExportWorker as above with the loudness target: ${normalization.passes} file pass(es) after the float passes, gain ${normalization.gainDb} dB, limiter ${normalization.limiterDb} dB, landed at ${report?.loudness.integratedLufs} LUFS / ${report?.loudness.truePeakDbtp} dBTP; fastest of ${RUNS} by wall time (${seconds(wall)}; CPU ${seconds(cpu)})`,
  };
}

/**
 * Peak memory of an MP3 export as a producer runs it from the command line: `glowroom render … -o
 * mix.mp3` (320 kbit/s CBR; the compiled command as a child process, its worker threads included),
 * whose written file is measured while it decodes. One run; the file is checked.
 */
async function benchMp3Memory(projectPath: string, dir: string): Promise<BenchResult> {
  const out = path.join(dir, 'memory.mp3');
  const load = os.loadavg()[0] ?? 0;
  const run = runMeasured(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), 'render', projectPath, '-o', out, '--bitrate', '320', '--tail', '0', '--json'], repoRoot, dir);
  if (run.status !== 0 || run.maxRssKiB === null) throw new Error(`glowroom render to MP3 failed (exit ${run.status}): ${lastLines(run.stderr)}`);
  await checkEncoded(readFileSync(out), { kind: 'mp3', mode: { cbrKbps: 320 } });
  return {
    name: `export ${BENCH_TRACKS}×${BENCH_SECONDS} s → MP3 320 kbit/s CBR, peak memory`,
    value: run.maxRssKiB / 1024,
    unit: 'MiB',
    better: 'lower',
    note: `goal ≤ 300 MiB; max RSS of \`glowroom render … -o mix.mp3 --bitrate 320\` (worker threads included) via ${run.method}; wall ${run.seconds.toFixed(1)} s, CPU ${run.cpuSeconds?.toFixed(1) ?? '?'} s; 1-minute load average ${load.toFixed(2)} at its start`,
  };
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** One export through the worker, checked for length; returns its report. */
async function exportOnce(projectPath: string, outPath: string, format: ExportFormat, normalize: ExportOptions['normalize'] = null): Promise<ExportReport> {
  rmSync(outPath, { force: true });
  const report = await runExportWorker({ projectPath, outPath, options: { range: { kind: 'song' }, format, tailSeconds: 0, normalize } }).result;
  if (report.unplayable.length > 0) throw new Error(`the export left sources silent: ${JSON.stringify(report.unplayable)}`);
  if (report.frames !== BENCH_FRAMES) throw new Error(`the export wrote ${report.frames} frames, expected ${BENCH_FRAMES}`);
  return report;
}

/** Our encoder alone: `planes` into the file `file`, through the export's file sink (closed, not fsynced, as the native tool leaves its file); returns the file's size. */
async function encodeToFile(planes: readonly Float32Array[], format: ExportFormat, file: string): Promise<number> {
  const sink = new FileSink(file, file);
  try {
    await encodeInto(planes, BENCH_RATE_HZ, format, undefined, sink);
  } finally {
    sink.close();
  }
  return statSync(file).size;
}

/** The written file decodes to at least the mix's length of signal (MP3 adds encoder padding). */
async function checkEncoded(bytes: Uint8Array, format: ExportFormat): Promise<void> {
  const planes = await decodeWritten(bytes, format);
  const frames = planes[0]?.length ?? 0;
  const peak = Math.max(...planes.map(peakOf));
  if (frames < BENCH_FRAMES || !(peak > 0.01)) throw new Error(`the ${format.kind} export decodes to ${frames} frames with peak ${peak}`);
}

/** Wall-clock and CPU seconds of one native encode, checked (CPU null where /proc is missing). */
function runTool(target: Target, input: string, output: string): { wall: number; cpu: number | null } {
  rmSync(output, { force: true });
  const started = performance.now();
  const childrenBefore = childrenCpuSeconds();
  const run = spawnSync(target.tool, target.args(input, output), { encoding: 'utf8' });
  const elapsed = (performance.now() - started) / 1000;
  const childrenAfter = childrenCpuSeconds();
  if (run.status !== 0) throw new Error(`${target.tool} failed (exit ${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  if (statSync(output).size === 0) throw new Error(`${target.tool} wrote an empty file`);
  return { wall: elapsed, cpu: childrenBefore === null || childrenAfter === null ? null : childrenAfter - childrenBefore };
}

/** CPU seconds (user + system) of this process's waited-for children so far: cutime + cstime of /proc/self/stat, in clock ticks of 1/100 s. */
function childrenCpuSeconds(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of this process since `start` (a process.cpuUsage() reading). */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function hasTool(tool: string): boolean {
  return spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
}

function seconds(values: readonly number[]): string {
  return `${values.map((value) => value.toFixed(2)).join(', ')} s`;
}
