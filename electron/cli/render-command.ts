import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { coverFromBytes, type AudioTags } from '../../src/codecs/audio-tags';
import type { ExportFormat, ExportJob, ExportRange, ExportReport } from '../services/export/export-job';
import { isLoudnessPresetName, loudnessPresets, type LoudnessTarget } from '../services/export/loudness-targets';
import { exitStatus, glowroomCommand, quietOption, UsageError, usageFailure } from './command-kit';
import { progressLine, type ProgressLine } from './progress-line';

const tagKeys = ['title', 'artist', 'album', 'genre', 'year', 'bpm', 'key', 'comment'] as const;

/** The render options as commander hands them over: every value is the text typed. */
interface RenderOptions {
  output?: string;
  format?: string;
  bits?: string;
  rate?: string;
  bitrate?: string;
  vbr?: string;
  normalize?: string;
  truePeak?: string;
  range?: string;
  clip?: string;
  start?: string;
  tail?: string;
  stems?: string;
  zip?: boolean;
  tag?: string[];
  cover?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * `glowroom render <project | song.mid> -o <out> [--format wav|flac|mp3] [--bits 16|24|32f] [--rate HZ]
 * [--bitrate KBPS | --vbr Q] [--normalize LUFS|preset] [--true-peak DBTP] [--range START-END]
 * [--clip SECONDS [--start BEAT]] [--tail SECONDS] [--stems DIR [--zip]] [--tag KEY=VALUE]...
 * [--cover IMG] [--json] [--quiet]`: exports in a worker thread with progress on stderr; `--json`
 * prints the export and loudness report. Option values may start with a dash (`--normalize -14`).
 */
export function renderCommand(): Command {
  const presets = Object.keys(loudnessPresets).join(', ');
  return glowroomCommand(
    'render',
    'Export the mix (and/or one stem per track) in a worker thread: the whole song plus up to 10 s of tail until it is under -90 dBFS, a beat range, or a faded clip. WAV and FLAC 16/24-bit use TPDF dither; MP3 is LAME CBR or VBR.',
  )
    .argument('[project...]', 'the .glowroom project file, or a .mid MIDI file played on the default synth and drum kit (exactly one)')
    .option('-o, --output <file>', 'where to write the mix: a .wav, .flac or .mp3 file')
    .option('--format <format>', 'wav, flac or mp3 (default: from the -o name)')
    .option('--bits <bits>', 'bit depth for WAV and FLAC: 16, 24 or 32f (32-bit float, WAV only); default 24')
    .option('--rate <hz>', 'sample rate in Hz: 44100, 48000 or 96000 (default: the project\'s)')
    .option('--bitrate <kbps>', 'MP3 constant bitrate in kbit/s, 128 to 320 (default 320)')
    .option('--vbr <quality>', 'MP3 variable bitrate quality, 0 (best) to 9')
    .option('--normalize <lufs>', `gain to an integrated loudness in LUFS (e.g. -14), or a preset: ${presets}, off`)
    .option('--true-peak <dbtp>', 'true-peak ceiling of the limiter in dBTP (default -1)')
    .option('--range <beats>', 'render only START-END, in beats (e.g. 16-48)')
    .option('--clip <seconds>', 'a faded clip this many seconds long')
    .option('--start <beat>', 'where the --clip starts, in beats (default 0)')
    .option('--tail <seconds>', 'most seconds of tail after the song, 0 to 60 (default 10)')
    .option('--stems <dir>', 'also write one WAV/FLAC/MP3 per track into this folder')
    .option('--zip', 'pack the stems into one .zip in the --stems folder')
    .addOption(new Option('--tag <key=value>', `a tag to write, KEY one of ${tagKeys.join(', ')} (bpm in BPM); repeat for more`).argParser((entry: string, all: string[] | undefined) => [...(all ?? []), entry]))
    .option('--cover <image>', 'cover art: a PNG or JPEG file')
    .option('--json', 'print the export and loudness report as JSON on stdout')
    .addOption(quietOption())
    .action(async (projects: string[], options: RenderOptions) => {
      process.exitCode = await runRender(projects, options);
    });
}

async function runRender(projects: string[], options: RenderOptions): Promise<number> {
  let job: ExportJob;
  try {
    job = toJob(projects, options);
  } catch (error) {
    if (error instanceof UsageError) return usageFailure('render', error);
    console.error(`glowroom render: ${(error as Error).message}`);
    return exitStatus.failed;
  }
  const [{ runExportWorker }, { toIpcError }] = await Promise.all([import('../services/export/start-export-worker'), import('../services/ipc-error')]);
  const started = performance.now();
  const progress = progressLine({ quiet: options.quiet === true });
  const run = runExportWorker(job, (message) => reportProgress(progress, message.label, message.done, message.total, started));
  const onInterrupt = () => run.cancel();
  process.once('SIGINT', onInterrupt);
  try {
    const report = await run.result;
    progress.end();
    for (const source of report.unplayable) console.error(`warning: source "${source.sourceId}" was left silent: ${source.reason}`);
    for (const warning of report.warnings) console.error(`warning: ${warning}`);
    if (options.json) console.log(JSON.stringify(report, null, 2));
    else console.log(describe(report));
    return exitStatus.ok;
  } catch (error) {
    progress.end();
    console.error(`glowroom render: ${toIpcError(error).message}`);
    return exitStatus.failed;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/** The job a command line asks for; throws UsageError with a sentence when it is wrong. */
function toJob(projects: string[], v: RenderOptions): ExportJob {
  const [projectPath, ...extra] = projects;
  if (!projectPath || extra.length > 0) throw new UsageError('name exactly one project or MIDI file, e.g. `glowroom render song.glowroom -o song.wav` or `glowroom render song.mid -o song.wav`.');
  if (!v.output && !v.stems) throw new UsageError('say where to write the mix with -o (e.g. `-o song.wav`), or the stems with --stems DIR.');
  const format = formatOf(v.format, v.output, v.bits, v.bitrate, v.vbr);
  const rate = v.rate === undefined ? undefined : Number(v.rate);
  if (rate !== undefined && ![44_100, 48_000, 96_000].includes(rate)) throw new UsageError(`--rate must be 44100, 48000 or 96000, not "${v.rate}".`);

  let normalize: LoudnessTarget | null = null;
  const truePeak = v.truePeak === undefined ? undefined : number(v.truePeak, '--true-peak', 'a ceiling in dBTP such as -1');
  if (v.normalize !== undefined) {
    const name = v.normalize.toLowerCase();
    if (isLoudnessPresetName(name)) normalize = { targetLufs: loudnessPresets[name].targetLufs, ceilingDbtp: truePeak ?? loudnessPresets[name].ceilingDbtp };
    else if (name !== 'off') normalize = { targetLufs: number(v.normalize, '--normalize', `a loudness in LUFS such as -14, or one of ${Object.keys(loudnessPresets).join(', ')}, off`), ceilingDbtp: truePeak ?? -1 };
  }

  let range: ExportRange = { kind: 'song' };
  if (v.range !== undefined && v.clip !== undefined) throw new UsageError('give --range or --clip, not both.');
  if (v.range !== undefined) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*[-:]\s*(\d+(?:\.\d+)?)\s*$/.exec(v.range);
    if (!match) throw new UsageError(`--range is START-END in beats, e.g. 16-48, not "${v.range}".`);
    range = { kind: 'beats', startBeats: Number(match[1]), endBeats: Number(match[2]) };
  } else if (v.clip !== undefined) {
    const seconds = number(v.clip, '--clip', 'a length in seconds such as 15, 30 or 60');
    range = { kind: 'clip', startBeats: v.start === undefined ? 0 : number(v.start, '--start', 'a beat'), seconds, fadeInSeconds: Math.min(0.5, seconds / 4), fadeOutSeconds: Math.min(2, seconds / 4) };
  } else if (v.start !== undefined) throw new UsageError('--start goes with --clip.');
  if (v.zip && !v.stems) throw new UsageError('--zip goes with --stems DIR.');

  const tags: Record<string, unknown> = {};
  for (const entry of v.tag ?? []) {
    const eq = entry.indexOf('=');
    const key = entry.slice(0, eq).trim().toLowerCase();
    const value = entry.slice(eq + 1);
    if (eq < 0 || !(tagKeys as readonly string[]).includes(key)) throw new UsageError(`--tag is KEY=VALUE with KEY one of ${tagKeys.join(', ')}, not "${entry}".`);
    tags[key] = key === 'bpm' ? number(value, '--tag bpm', 'a tempo such as 120') : value;
  }
  if (v.cover !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(v.cover);
    } catch {
      throw new Error(`cannot read the cover image ${v.cover}.`);
    }
    tags.cover = coverFromBytes(bytes, v.cover);
  }
  const tail = v.tail === undefined ? 10 : number(v.tail, '--tail', 'seconds from 0 to 60');
  if (tail < 0 || tail > 60) throw new UsageError(`--tail must be seconds from 0 to 60, not "${v.tail}".`);

  const job: ExportJob = {
    projectPath: path.resolve(projectPath),
    ...(v.output ? { outPath: path.resolve(v.output) } : {}),
    ...(v.stems ? { stems: { folder: path.resolve(v.stems), zip: v.zip === true } } : {}),
    options: {
      range,
      format,
      ...(rate ? { sampleRate: rate } : {}),
      tailSeconds: tail,
      normalize,
      ...(truePeak !== undefined && !normalize ? { ceilingDbtp: truePeak } : {}),
      ...(Object.keys(tags).length > 0 ? { tags: tags as AudioTags } : {}),
    },
  };
  return job;
}

function formatOf(formatText: string | undefined, output: string | undefined, bitsText: string | undefined, bitrate: string | undefined, vbr: string | undefined): ExportFormat {
  const fromName = output ? path.extname(output).slice(1).toLowerCase() : undefined;
  const kind = (formatText ?? fromName ?? 'wav').toLowerCase();
  if (kind !== 'wav' && kind !== 'flac' && kind !== 'mp3') {
    throw new UsageError(formatText ? `--format must be wav, flac or mp3, not "${formatText}".` : `cannot tell the format from "${output}": end the name in .wav, .flac or .mp3, or give --format.`);
  }
  if (formatText && fromName && fromName !== kind) throw new UsageError(`-o ${output} does not end in .${kind}, the --format asked for.`);
  if (kind === 'mp3') {
    if (bitsText !== undefined) throw new UsageError('--bits is for WAV and FLAC; MP3 takes --bitrate KBPS or --vbr Q.');
    if (bitrate !== undefined && vbr !== undefined) throw new UsageError('give --bitrate or --vbr, not both.');
    if (vbr !== undefined) return { kind, mode: { vbrQuality: number(vbr, '--vbr', 'a quality from 0 (best) to 9') } };
    return { kind, mode: { cbrKbps: bitrate === undefined ? 320 : number(bitrate, '--bitrate', 'kbit/s such as 320') } };
  }
  if (bitrate !== undefined || vbr !== undefined) throw new UsageError('--bitrate and --vbr are for MP3.');
  const bits = bitsText ?? '24';
  if (bits === '16' || bits === '24') return kind === 'wav' ? { kind, bits: Number(bits) as 16 | 24 } : { kind, bits: Number(bits) as 16 | 24 };
  if (bits === '32f' && kind === 'wav') return { kind, bits: '32f' };
  throw new UsageError(kind === 'wav' ? `--bits must be 16, 24 or 32f, not "${bits}".` : `FLAC is 16- or 24-bit: --bits 16 or 24, not "${bits}".`);
}

function number(text: string, option: string, what: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${option} must be ${what}, not "${text}".`);
  return value;
}

function reportProgress(line: ProgressLine, label: string, done: number, total: number, started: number): void {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const elapsed = (performance.now() - started) / 1000;
  const eta = done > 0 ? (elapsed * (total - done)) / done : 0;
  const verb = label.startsWith('Rendering the mix') ? 'Rendering…' : `${label}…`;
  line.update(`${verb} ${String(percent).padStart(3)}%  ETA ${eta.toFixed(1)} s`, done === total);
}

function describe(report: ExportReport): string {
  const format = report.format === 'mp3' ? 'MP3' : `${report.format.toUpperCase()} ${report.bits === '32f' ? '32-bit float' : `${report.bits}-bit`}`;
  const l = report.loudness;
  const show = (x: number | null, unit: string) => (x === null ? '—' : `${x.toFixed(1)} ${unit}`);
  const lines = [
    `Wrote ${report.outPath ?? 'stems'}: ${report.duration.toFixed(2)} s at ${report.sampleRate} Hz, ${format} (${report.speed.toFixed(0)}× realtime).`,
    `Loudness: ${show(l.integratedLufs, 'LUFS')} integrated, range ${l.loudnessRangeLu.toFixed(1)} LU, short-term max ${show(l.shortTermMaxLufs, 'LUFS')}, true peak ${show(l.truePeakDbtp, 'dBTP')}, PLR ${show(l.plrDb, 'dB')}.`,
    ...report.platforms.map((p) => `  ${p.sentence}`),
    ...report.stems.map((s) => `Stem: ${s.path}`),
  ];
  return lines.join('\n');
}
