import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LoudnessMeter, type LoudnessResult } from '../../../src/analysis/loudness/loudness-meter';
import { masterChannelId } from '../../../src/model/project-schema';
import { stemsLoudnessNote } from '../../../src/protocol/ipc';
import { clipAfterSongEnd, shortClipNote } from '../../../src/protocol/short-clip';
import { samplePeakDbfs } from '../../../src/analysis/levels';
import { seconds } from '../../../src/std/units';
import { GlowroomError } from '../../../src/std/errors';
import { ZipWriter } from '../projects/zip-writer';
import { loadProjectFile } from '../render/render-project';
import type { ExportJob, ExportOptions, ExportPhase, ExportReport } from './export-job';
import { extensionOf, mp3CbrKbps, mp3Rates, openEncoder, reportsHeard } from './encoders';
import { FileSink } from './file-sink';
import { EncodePass, type EncodeSpec, type FileOutput } from './encode-pass';
import { EncodeWorker, StreamedEncode } from './streamed-encode';
import { outOfMemory } from './out-of-memory';
import { safeFileName, stemFileNames } from './file-names';
import { ceilingDbtpRange, platformVerdicts, targetLufsRange } from './loudness-targets';
import { applyFadesToFile, loudnessFigures, masterPass } from './master-chain';
import { MixFile } from '../render/mix-file';
import { renderThreadsAllowed } from '../render/split-render';
import { makeScratchFolder } from '../render/scratch-folders';
import { beatsToFrame, loadEngine, prepareProject, renderSpan, renderStems, type PreparedProject, type Span } from '../render/render-span';
import { checkWritableFolder, StagedFiles } from './staged-files';
import { stemPeakWarning } from './stem-peaks';

export interface ExportControl {
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: ExportPhase, done: number, total: number, label: string) => void;
}

/** Under this much audio the encode worker (started anyway, on the idle core) is not given the file's pass. */
const STREAM_MIN_SECONDS = 8;
/** Within this of the target the loop stops; the promise made to the user is ±0.5 LU. */
const AIM_LU = 0.1;
const PROMISE_LU = 0.5;
const MAX_PASSES = 6;
/** Encode/decode/measure rounds of the written file. */
const FILE_PASSES = 4;
export const exportRates: readonly number[] = [44_100, 48_000, 96_000];

/**
 * Exports a project: render with the engine (the range, plus the tail for a whole song), fades
 * for a clip, then the master stage — gain to the loudness target and the true-peak limiter at
 * the ceiling — encoded, decoded again and MEASURED on the decoded samples; when the written file
 * misses the target by more than 0.1 LU (limiting lowers loudness) or a lossy file's true peak
 * went over the ceiling, the gain (or the limiter's ceiling) is corrected and the pass repeated,
 * at most six times on float samples and four on the file. Stems are one per channel that feeds
 * the master (tracks routed to it, and buses with all that is routed and sent to them), rendered
 * in one pass through the same graph and taken where they enter the master: they sum to the mix
 * before the master's inserts and fader (no normalisation, no limiting), all as long as the mix; asked for with a loudness target, the report says so
 * (`stemsLoudnessNote`), and with no mix file the target is not applied at all. Nothing appears
 * under a final name until every file is complete. With no loudness target and no fades the
 * file's first pass needs nothing from the whole mix: it runs in the encode worker beside the
 * render (StreamedEncode), on the second core, with the same bytes.
 */
export async function exportProject(job: ExportJob, control: ExportControl = {}): Promise<ExportReport> {
  const started = performance.now();
  const { options } = job;
  validateOptions(options);
  if (!job.outPath && !job.stems) throw new GlowroomError('invalid-args', 'Nothing to export: name an output file, a stems folder or both.');
  if (job.outPath) await checkWritableFolder(path.dirname(path.resolve(job.outPath)), path.basename(job.outPath));
  if (job.stems) {
    await checkWritableFolder(path.dirname(path.resolve(job.stems.folder)), 'the stems');
    await fs.mkdir(job.stems.folder, { recursive: true });
  }
  const progress = control.onProgress ?? (() => {});
  const cancelled = () => {
    if (control.signal?.aborted) throw new GlowroomError('cancelled', 'Export cancelled.');
  };

  // Started now, the encode worker loads while this thread reads and prepares the project.
  let encodeWorker = mayStream(job) ? new EncodeWorker() : null;
  let loaded: Awaited<ReturnType<typeof loadProjectFile>>;
  let sampleRate: number;
  let prepared: PreparedProject;
  let mix: MixFile;
  try {
    loaded = await loadProjectFile(job.projectPath);
    sampleRate = options.sampleRate ?? loaded.project.sampleRate;
    if (options.format.kind === 'mp3' && !mp3Rates.includes(sampleRate)) {
      throw new GlowroomError('unsupported', `MP3 is written at 44.1 or 48 kHz, not ${sampleRate / 1000} kHz; choose one of those rates.`);
    }
    prepared = await prepareProject(loaded, sampleRate, undefined, undefined, new Set(job.ungiven));
    try {
      mix = new MixFile();
    } catch (error) {
      prepared.dispose();
      throw error;
    }
  } catch (error) {
    await encodeWorker?.stop();
    throw error;
  }
  const staged = new StagedFiles();
  let streamed: StreamedEncode | null = null;
  try {
    cancelled();
    // One engine reads the song's end and renders it.
    const engine = loadEngine(prepared);
    const { span, fades, note } = spanOf(prepared, options, engine.endFrame);
    const warnings: string[] = [...(loaded.notes ?? []), ...(note ? [note] : [])];
    if (span.frames === 0) warnings.push('Nothing plays in the exported range: the file is empty.');

    // Stems only: no file takes the target, so the report describes the mix the stems sum to.
    const mixOptions = job.outPath ? options : { ...options, normalize: null };
    const output = job.outPath ? { target: path.resolve(job.outPath), temp: staged.reserve(path.resolve(job.outPath)) } : null;
    // With nothing to learn from the whole mix first (no loudness target, no fades), the file's pass runs beside the render.
    if (encodeWorker && output && fades.in === 0 && fades.out === 0 && span.frames + span.tailFrames >= STREAM_MIN_SECONDS * sampleRate) {
      streamed = new StreamedEncode(encodeWorker, mix, span.frames, oneFilePass(options), { format: options.format, sampleRate, tags: options.tags, frames: null, leastFrames: span.frames }, output, 0, options.ceilingDbtp ?? null);
    }
    if (!streamed) await encodeWorker?.stop();
    encodeWorker = null;
    mix.keep(await renderSpan(prepared, span, streamed ?? mix, { ...signalOf(control), engine, onProgress: (done, total) => progress('render', done, total, 'Rendering the mix') }));
    applyFadesToFile(mix, fades.in, fades.out);
    const frames = mix.frames;

    if (job.stems && options.normalize) warnings.push(stemsLoudnessNote);
    const master = await masterAndEncode(mix, sampleRate, span.frames, mixOptions, output, streamed?.finish() ?? null, async (done, total, label) => {
      cancelled();
      progress('master', done, total, label);
      await new Promise<void>((resolve) => setImmediate(resolve));
    });
    warnings.push(...master.warnings);
    cancelled();

    const stems: ExportReport['stems'][number][] = [];
    let stemsZip: string | null = null;
    if (job.stems) {
      const result = await exportStems(prepared, span, frames, fades, options, job.stems, staged, control);
      stems.push(...result.stems);
      stemsZip = result.zip;
      for (const stem of result.stems) if (stem.peakDbfs !== null && stem.peakDbfs > 0) warnings.push(stemPeakWarning(stem.channel, stem.peakDbfs, options.format));
      if (result.skipped > 0) warnings.push(`${result.skipped} muted channel(s) are not in the mix and got no stem.`);
    }

    progress('write', 0, 1, 'Writing');
    cancelled();
    await staged.commit();
    progress('write', 1, 1, 'Written');

    const elapsed = (performance.now() - started) / 1000;
    const duration = frames / sampleRate;
    const figures = loudnessFigures(master.measured);
    return {
      outPath: output?.target ?? null,
      format: options.format.kind,
      bits: options.format.kind === 'mp3' ? null : options.format.bits,
      sampleRate,
      frames,
      duration,
      elapsed,
      speed: duration / elapsed,
      loudness: figures,
      normalization: master.normalization,
      platforms: platformVerdicts(master.measured.integratedLufs, master.measured.truePeakDbtp),
      stems,
      stemsZip,
      unplayable: prepared.unplayable,
      warnings,
    };
  } catch (error) {
    // The encode worker has closed its file before the staged files are removed.
    const failure = streamed ? await streamed.abort(error) : await (encodeWorker?.abort(error) ?? error);
    await staged.discard();
    throw outOfMemory(failure) ?? failure;
  } finally {
    mix.dispose();
    prepared.dispose();
  }
}

/**
 * Whether the export may run its file's pass in the encode worker beside the render: a file with
 * no loudness target and no fades (nothing to learn from the whole mix first), on two cores or
 * more (as the render's split asks). It does when the span is long enough, too.
 */
function mayStream(job: ExportJob): boolean {
  const { range, normalize } = job.options;
  const fades = range.kind === 'clip' && (range.fadeInSeconds > 0 || range.fadeOutSeconds > 0);
  return job.outPath !== undefined && !normalize && !fades && renderThreadsAllowed() >= 2;
}

/**
 * Whether, with no loudness target, the written file's first pass is its only one (stage 2 of
 * masterAndEncode stops after it): a lossless file always, an MP3 when no ceiling can be overshot.
 */
function oneFilePass(options: ExportOptions): boolean {
  return !options.normalize && (reportsHeard(options.format) || options.ceilingDbtp === undefined);
}

function signalOf(control: ExportControl): { signal?: AbortSignal } {
  return control.signal ? { signal: control.signal } : {};
}

/** Rejects options no export can honour, with a sentence saying what to do. */
export function validateOptions(options: ExportOptions): void {
  const bad = (message: string) => new GlowroomError('invalid-args', message);
  const { range, format, normalize } = options;
  if (options.sampleRate !== undefined && !exportRates.includes(options.sampleRate)) throw bad(`The sample rate must be 44100, 48000 or 96000 Hz, not ${options.sampleRate}.`);
  if (range.kind === 'beats' && !(Number.isFinite(range.startBeats) && Number.isFinite(range.endBeats) && range.startBeats >= 0 && range.endBeats > range.startBeats)) {
    throw bad(`The range must start at or after beat 0 and end after it starts (got ${range.startBeats}–${range.endBeats}).`);
  }
  if (range.kind === 'clip') {
    if (!(Number.isFinite(range.startBeats) && range.startBeats >= 0)) throw bad('A clip must start at or after beat 0.');
    if (!(range.seconds > 0 && range.seconds <= 600)) throw bad(`A clip lasts more than 0 and at most 600 seconds, not ${range.seconds}.`);
    if (!(range.fadeInSeconds >= 0 && range.fadeOutSeconds >= 0 && range.fadeInSeconds + range.fadeOutSeconds <= range.seconds)) throw bad('The clip’s fades must fit inside the clip.');
  }
  if (format.kind === 'mp3') {
    if ('cbrKbps' in format.mode && !mp3CbrKbps.includes(format.mode.cbrKbps)) throw bad(`MP3 bit rates are ${mp3CbrKbps.join(', ')} kbit/s, not ${format.mode.cbrKbps}.`);
    if ('vbrQuality' in format.mode && !(format.mode.vbrQuality >= 0 && format.mode.vbrQuality <= 9)) throw bad(`MP3 VBR quality runs from 0 (best) to 9, not ${format.mode.vbrQuality}.`);
  }
  if (!(options.tailSeconds >= 0 && options.tailSeconds <= 60)) throw bad('The tail is 0 to 60 seconds.');
  const ceiling = normalize?.ceilingDbtp ?? options.ceilingDbtp;
  if (normalize && !(normalize.targetLufs >= targetLufsRange.min && normalize.targetLufs <= targetLufsRange.max)) {
    throw bad(`The loudness target must be from ${targetLufsRange.min} to ${targetLufsRange.max} LUFS, not ${normalize.targetLufs}.`);
  }
  if (ceiling !== undefined && !(ceiling >= ceilingDbtpRange.min && ceiling <= ceilingDbtpRange.max)) {
    throw bad(`The true-peak ceiling must be from ${ceilingDbtpRange.min} to ${ceilingDbtpRange.max} dBTP, not ${ceiling}.`);
  }
}

/**
 * The frames to render and the fades (`songEndFrame`: the frame after the last clip ends, as the
 * engine computes it: loops, rates, source lengths). A short clip runs its seconds from its start, or to the
 * song's end when less is left (never padded with silence): then `note` says so, and its fades
 * shrink in proportion when they no longer fit.
 */
function spanOf(prepared: PreparedProject, options: ExportOptions, songEndFrame: number): { span: Span; fades: { in: number; out: number }; note?: string } {
  const { project } = prepared.loaded;
  const rate = prepared.sampleRate;
  const range = options.range;
  switch (range.kind) {
    case 'song': {
      return { span: { startFrame: 0, frames: songEndFrame, tailFrames: Math.round(options.tailSeconds * rate) }, fades: { in: 0, out: 0 } };
    }
    case 'beats': {
      const start = beatsToFrame(project, range.startBeats, rate);
      return { span: { startFrame: start, frames: beatsToFrame(project, range.endBeats, rate) - start, tailFrames: 0 }, fades: { in: 0, out: 0 } };
    }
    case 'clip': {
      const startFrame = beatsToFrame(project, range.startBeats, rate);
      const asked = Math.round(range.seconds * rate);
      const left = songEndFrame - startFrame;
      if (left <= 0) throw new GlowroomError('invalid-args', clipAfterSongEnd);
      const frames = Math.min(asked, left);
      const fadeIn = Math.round(range.fadeInSeconds * rate);
      const fadeOut = Math.round(range.fadeOutSeconds * rate);
      const fit = Math.min(1, frames / Math.max(1, fadeIn + fadeOut));
      return {
        span: { startFrame, frames, tailFrames: 0 },
        fades: { in: Math.floor(fadeIn * fit), out: Math.floor(fadeOut * fit) },
        ...(frames < asked ? { note: shortClipNote(range.seconds, seconds(frames / rate)) } : {}),
      };
    }
  }
}

/** What the written file's pass found: the limiter's deepest reduction (dB) and the file's loudness. */
interface FilePassResult {
  readonly limiterDb: number;
  readonly measured: LoudnessResult;
}

interface Mastered {
  readonly measured: LoudnessResult;
  readonly normalization: ExportReport['normalization'];
  readonly warnings: string[];
}

/**
 * The master stage: gain to the loudness target and the limiter at the ceiling, iterated on the
 * float mix (stage 1), then encoded into `output.temp` (or, with no output, only measured) and
 * measured as the file decodes (stage 2), a chunk at a time from `mix`; the first file pass is
 * `streamed`'s when the encode worker ran it beside the render. `step` reports progress, stops on
 * cancel and lets messages through; it runs between chunks. `spanFrames` (the mix without its
 * tail) places an MP3's two-thread seam where the streamed pass places it.
 */
async function masterAndEncode(
  mix: MixFile,
  sampleRate: number,
  spanFrames: number,
  options: ExportOptions,
  output: FileOutput | null,
  streamed: Promise<FilePassResult> | null,
  step: (done: number, total: number, label: string) => Promise<void>,
): Promise<Mastered> {
  const target = options.normalize;
  const ceiling = target?.ceilingDbtp ?? options.ceilingDbtp ?? null;
  const warnings: string[] = [];
  let gainDb = 0;
  let before = -Infinity;
  let label = '';
  let stage = 0;
  const between = () => step(stage, MAX_PASSES + 1, label);
  /** One loudness-only pass of the master stage over the mix (no true peak: oversampling is most of a meter's work). */
  const measuredPass = async (passGainDb: number, passCeiling: number | null) => {
    const meter = new LoudnessMeter(sampleRate, 2, undefined, { truePeak: false });
    const limiterDb = await masterPass(mix, sampleRate, passGainDb, passCeiling, (planes, frames) => meter.push(planes, frames), between);
    return { limiterDb, measured: meter.result() };
  };
  if (target) {
    label = 'Measuring loudness';
    before = (await measuredPass(0, null)).measured.integratedLufs;
    if (Number.isFinite(before)) gainDb = target.targetLufs - before;
    else warnings.push('The mix is silent (or under −70 LUFS), so it was not normalised.');
  }
  const lossy = options.format.kind === 'mp3';
  let limiterCeiling = ceiling;
  let previous: { gainDb: number; lufs: number } | null = null;
  /** Next gain by a secant step: under limiting a dB of gain buys less than a dB of loudness. */
  const correct = (lufs: number, miss: number) => {
    const slope = previous && Math.abs(gainDb - previous.gainDb) > 1e-6 ? Math.min(1, Math.max(0.1, (lufs - previous.lufs) / (gainDb - previous.gainDb))) : 1;
    previous = { gainDb, lufs };
    gainDb += Math.max(-6, Math.min(6, miss / slope));
  };
  // Stage 1, on float samples: converge gain + limiter on the target (cheap: no encoding).
  if (target && Number.isFinite(gainDb)) {
    for (let pass = 1; pass < MAX_PASSES; pass++) {
      stage = pass;
      label = pass === 1 ? 'Limiting' : `Limiting (pass ${pass})`;
      const limited = await measuredPass(gainDb, limiterCeiling);
      // A limiter that never acted passed the scaled mix through unchanged: its loudness is known.
      const lufs = limited.limiterDb === 0 ? before + gainDb : limited.measured.integratedLufs;
      const miss = target.targetLufs - lufs;
      if (!Number.isFinite(lufs) || Math.abs(miss) <= AIM_LU) break;
      correct(lufs, miss);
    }
  }
  // Stage 2, on the written file: encode, measure what it decodes to; correct only what the encoder moved.
  stage = MAX_PASSES;
  for (let pass = 1; ; pass++) {
    label = pass === 1 ? 'Encoding and measuring the file' : `Correcting the file (pass ${pass})`;
    const { limiterDb, measured } = pass === 1 && streamed ? await between().then(() => streamed) : await encodePass(mix, { format: options.format, sampleRate, tags: options.tags, frames: mix.frames, leastFrames: spanFrames }, output, gainDb, limiterCeiling, between);
    const missLu = target && Number.isFinite(measured.integratedLufs) ? target.targetLufs - measured.integratedLufs : 0;
    const overDb = ceiling !== null ? measured.truePeakDbtp - ceiling : 0;
    const onTarget = Math.abs(missLu) <= PROMISE_LU && overDb <= 0;
    if (onTarget || pass === FILE_PASSES || (!target && !lossy)) {
      if (target && !onTarget) {
        warnings.push(`Landed at ${measured.integratedLufs.toFixed(1)} LUFS, ${measured.truePeakDbtp.toFixed(1)} dBTP: the ${target.targetLufs} LUFS / ${target.ceilingDbtp} dBTP target cannot be met without more limiting than this mix takes.`);
      } else if (!target && overDb > 0) {
        warnings.push(`The true peak is ${measured.truePeakDbtp.toFixed(2)} dBTP, over the ${ceiling} dBTP ceiling after encoding.`);
      }
      return {
        measured,
        normalization: target ? { targetLufs: target.targetLufs, ceilingDbtp: target.ceilingDbtp, gainDb: round2(gainDb), limiterDb: round2(limiterDb), passes: pass, onTarget } : null,
        warnings,
      };
    }
    if (Math.abs(missLu) > AIM_LU) correct(measured.integratedLufs, missLu);
    // A lossy codec's overshoot is the codec's filtering, not the limiter's: lower the limiter by as much.
    if (overDb > 0 && limiterCeiling !== null) {
      limiterCeiling = Math.max(ceilingDbtpRange.min - 6, limiterCeiling - overDb - 0.05);
      // The loudness curve changes with the ceiling: the last slope no longer holds.
      previous = null;
    }
  }
}

/** The written file's pass: the master stage over the mix, encoded into `output` and measured (EncodePass). */
async function encodePass(mix: MixFile, spec: EncodeSpec, output: FileOutput | null, gainDb: number, ceiling: number | null, between: () => Promise<void>): Promise<FilePassResult> {
  const pass = await EncodePass.open(spec, output);
  try {
    const limiterDb = await masterPass(mix, spec.sampleRate, gainDb, ceiling, (planes, frames) => pass.push(planes, frames), between);
    return { limiterDb, measured: await pass.finish() };
  } finally {
    pass.close();
  }
}

async function exportStems(
  prepared: PreparedProject,
  span: Span,
  frames: number,
  fades: { in: number; out: number },
  options: ExportOptions,
  target: { folder: string; zip: boolean },
  staged: StagedFiles,
  control: ExportControl,
): Promise<{ stems: ExportReport['stems'][number][]; zip: string | null; skipped: number }> {
  const { project } = prepared.loaded;
  const channels = [...project.tracks, ...project.buses];
  const feeds = channels.filter((channel) => channel.channel.output === masterChannelId);
  // Tracks first, then buses, each in the project's order.
  const rendered = (
    await renderStems(prepared, span.startFrame, frames, {
      ...signalOf(control),
      onProgress: (done, total) => control.onProgress?.('stems', done, total, 'Rendering the stems'),
    })
  ).sort((a, b) => channels.findIndex((c) => c.id === a.channelId) - channels.findIndex((c) => c.id === b.channelId));
  const channelName = (id: string) => channels.find((channel) => channel.id === id)?.name ?? id;
  const names = stemFileNames(project.name || 'Untitled', rendered.map((stem) => channelName(stem.channelId)), extensionOf(options.format));
  const folder = path.resolve(target.folder);
  const stems: ExportReport['stems'][number][] = [];
  let zip: { writer: ZipWriter; handle: fs.FileHandle; path: string } | null = null;
  let scratch: string | null = null;
  try {
    if (target.zip) {
      const zipPath = path.join(folder, `${safeFileName(project.name || 'Untitled', 'Untitled')} - stems.zip`);
      const handle = await fs.open(staged.reserve(zipPath), 'wx');
      zip = { writer: new ZipWriter(handle), handle, path: zipPath };
      scratch = makeScratchFolder('stems');
    }
    for (const [i, { channelId, mix }] of rendered.entries()) {
      const name = names[i] as string;
      const channel = channelName(channelId);
      control.onProgress?.('stems', i, rendered.length, `Stem ${i + 1} of ${rendered.length}: ${channel}`);
      applyFadesToFile(mix, fades.in, fades.out);
      const file = zip && scratch ? path.join(scratch, `${i}.${extensionOf(options.format)}`) : path.join(folder, name);
      const sink = new FileSink(zip ? file : staged.reserve(file), file);
      let peak = -Infinity;
      try {
        const encoder = await openEncoder(options.format, prepared.sampleRate, 2, mix.frames, options.tags ? { ...options.tags, title: `${options.tags.title ?? project.name} (${channel})` } : undefined, sink);
        await masterPass(mix, prepared.sampleRate, 0, null, (planes, frames) => {
          peak = Math.max(peak, samplePeakDbfs(planes.map((plane) => plane.subarray(0, frames))));
          encoder.push(planes, frames);
        });
        await encoder.finish();
        sink.finish();
      } finally {
        sink.close();
        mix.dispose();
      }
      const peakDbfs = Number.isFinite(peak) ? peak : null;
      if (control.signal?.aborted) throw new GlowroomError('cancelled', 'Export cancelled.');
      if (zip) {
        await zip.writer.addFile(name, file);
        await fs.rm(file);
        stems.push({ channel, path: `${zip.path}#${name}`, peakDbfs });
      } else stems.push({ channel, path: file, peakDbfs });
    }
    if (zip) {
      await zip.writer.finish();
      await zip.handle.sync();
    }
  } finally {
    for (const { mix } of rendered) mix.dispose();
    await zip?.handle.close();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  }
  return { stems, zip: zip?.path ?? null, skipped: feeds.length - rendered.length };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

