import path from 'node:path';
import { Engine } from '../../../src/engine/engine';
import type { Project } from '../../../src/model/project-schema';
import { blockFrames } from '../../../src/protocol/engine';
import { compileEngineDocument, engineDocumentChanges } from '../../../src/protocol/engine-document';
import { GlowroomError } from '../../../src/std/errors';
import { Clock } from '../../../src/std/clock';
import { beats, hertz } from '../../../src/std/units';
import { AudioService } from '../audio-service';
import { toIpcError } from '../ipc-error';
import { MixFile, type MixSink } from './mix-file';
import { openRenderSource, ReadBuffer } from './render-sources';
import { openSpill, SpillFolder, SpillSpaceError, type Spill } from './spilled-source';
import type { LoadedProject, PreparedProject, RenderSource, Span, UnplayableSource } from './render-types';
import { startSplitHelper, type SplitHelper } from './split-render';
import { removeOrphanedScratch } from './scratch-folders';

export type { LoadedProject, PreparedProject, RenderSource, Span, UnplayableSource } from './render-types';

/** −90 dBFS: under this the tail counts as silent. */
const TAIL_THRESHOLD = 10 ** (-90 / 20);
/** The tail ends once this much in a row stays under the threshold. */
const TAIL_QUIET_SECONDS = 0.25;

/** What the render's helper thread is given of the main render's opened sources. */
export interface SharedSpills {
  /** Sources the main render decoded, by resolved path: read, not decoded again. */
  readonly spilled: ReadonlyMap<string, Spill>;
  /** The main render's spill folder, for anything else it must decode (the main render removes it). */
  readonly folder: string;
}

/**
 * Opens the project's sources (only those in `only` when given). Compressed ones are decoded into
 * a temp folder that `dispose` removes; the render's helper thread reads what the main render
 * decoded and decodes anything else into the main render's folder (`shared`). Sources in
 * `ungiven` (resolved paths the user has not given Glowroom) are never read: unplayable, silent.
 */
export async function prepareProject(loaded: LoadedProject, sampleRate: number, only?: ReadonlySet<string>, shared?: SharedSpills, ungiven?: ReadonlySet<string>): Promise<PreparedProject> {
  // A render that owns its scratch clears away what killed renders left before it makes its own.
  if (!shared) removeOrphanedScratch();
  const audio = new AudioService();
  const spills = shared ? new SpillFolder(shared.folder, 'helper') : new SpillFolder();
  const spilled = shared?.spilled;
  const reading = new ReadBuffer();
  const sources: RenderSource[] = [];
  const unplayable: UnplayableSource[] = [];
  try {
    for (const [sourceId, source] of Object.entries(loaded.project.sources)) {
      if (only && !only.has(sourceId)) continue;
      const file = path.resolve(loaded.folder, source.path);
      if (ungiven?.has(file)) {
        unplayable.push({ sourceId, path: file, reason: 'it lies outside the places you gave Glowroom; import it into the library or relink it to a file you choose' });
        continue;
      }
      const spill = spilled?.get(file);
      try {
        sources.push({ sampleId: file, ...(spill ? { sample: openSpill(spill), spill } : await openRenderSource(file, audio, spills, reading)) });
      } catch (error) {
        if (error instanceof SpillSpaceError) throw error;
        unplayable.push({ sourceId, path: file, reason: toIpcError(error).message });
      }
    }
  } catch (error) {
    spills.dispose();
    throw error;
  }
  return { loaded, sampleRate, sources, unplayable, spillFolder: () => spills.path(), dispose: () => spills.dispose() };
}

/** An engine at `prepared`'s rate with its sources and its document loaded, stopped at frame 0. */
export function loadEngine(prepared: PreparedProject): Engine {
  const { project, folder } = prepared.loaded;
  // Nobody reads an offline render's meters.
  const engine = new Engine(prepared.sampleRate, false);
  for (const { sampleId, sample } of prepared.sources) engine.useSample(sampleId, sample);
  const document = compileEngineDocument(project, (sourceId) => path.resolve(folder, project.sources[sourceId]?.path ?? sourceId));
  for (const command of engineDocumentChanges(null, document)) engine.command(command);
  return engine;
}

/** The frame at `sampleRate` that beat `position` of the project starts on (the song's clock). */
export function beatsToFrame(project: Project, position: number, sampleRate: number): number {
  return Clock.of(project).frameAt(beats(position), hertz(sampleRate));
}

/**
 * An engine with the project loaded, playing from `startFrame`, run on by whole blocks as close to
 * `latency(engine)` frames as they go; the rest, `drop` (under a block), is for the caller to drop
 * from the next block. `configure` runs on the loaded engine before it plays. Every block is a whole 128 frames from the seek, as in the worklet:
 * automation is cut where the blocks end, so equal blocks make playback and export bit-identical.
 */
export function startEngine(prepared: PreparedProject, startFrame: number, latency: (engine: Engine) => number, configure?: (engine: Engine) => void, loaded?: Engine): { engine: Engine; drop: number } {
  const engine = loaded ?? loadEngine(prepared);
  configure?.(engine);
  engine.command({ type: 'seek', frame: startFrame });
  engine.command({ type: 'play' });
  const left = new Float32Array(blockFrames);
  const right = new Float32Array(blockFrames);
  let drop = latency(engine);
  for (; drop >= blockFrames; drop -= blockFrames) engine.render(left, right, blockFrames);
  return { engine, drop };
}

/** Every few thousand blocks: reports progress, stops on cancel and lets messages through. */
async function checkpoint(blocks: number, done: number, total: number, options: RenderControl): Promise<void> {
  if (blocks % 2048 !== 0) return;
  options.onProgress?.(Math.min(done, total), total);
  if (options.signal?.aborted) throw new GlowroomError('cancelled', 'Cancelled.');
  await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface RenderControl {
  /** False: render on this thread only (true by default: a long enough song is split over two, see split-render). */
  readonly twoThreads?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  /** The engine to render with, as `loadEngine` made it and never played (an export's, which read the song's end from it); a new one when absent. */
  readonly engine?: Engine;
}

/**
 * Renders `span` with the engine, block by block, as the worklet would from a seek to its start,
 * into `sink`. Returns how many of the frames written are the mix: exactly `span.frames`, or more
 * by the tail that rang on (the tail's last quiet frames are written but not counted).
 */
export async function renderSpan(prepared: PreparedProject, span: Span, sink: MixSink, options: RenderControl = {}): Promise<number> {
  // The mix comes out as late as its slowest lookahead path: render that much first and drop it,
  // so the file lines up with the timeline to the frame.
  let helper: SplitHelper | null = null;
  try {
    const start = startEngine(
      prepared,
      span.startFrame,
      (e) => e.outputLatency,
      (e) => {
        if (options.twoThreads !== false) helper = startSplitHelper(prepared, e, span);
      },
      options.engine,
    );
    return await renderBlocks(start, prepared.sampleRate, span, sink, options);
  } finally {
    (helper as SplitHelper | null)?.stop();
  }
}

async function renderBlocks(start: { engine: Engine; drop: number }, sampleRate: number, span: Span, sink: MixSink, options: RenderControl): Promise<number> {
  const engine = start.engine;
  let drop = start.drop;
  const blockLeft = new Float32Array(blockFrames);
  const blockRight = new Float32Array(blockFrames);

  const capacity = span.frames + span.tailFrames;
  const quietFrames = Math.round(TAIL_QUIET_SECONDS * sampleRate);
  // The last frame past the end that was over the threshold; the end itself to begin with.
  let lastLoud = span.frames - 1;
  let done = 0;
  for (let blocks = 0; ; blocks++) {
    if (done >= span.frames && (done >= capacity || done - (lastLoud + 1) >= quietFrames)) break;
    const frames = Math.min(blockFrames - drop, capacity - done);
    engine.render(blockLeft, blockRight, blockFrames);
    const left = drop === 0 ? blockLeft : blockLeft.subarray(drop);
    const right = drop === 0 ? blockRight : blockRight.subarray(drop);
    sink.write(left, right, frames);
    if (done + frames > span.frames) {
      for (let i = 0; i < frames; i++) {
        const l = left[i] as number;
        const r = right[i] as number;
        if (l > TAIL_THRESHOLD || l < -TAIL_THRESHOLD || r > TAIL_THRESHOLD || r < -TAIL_THRESHOLD) lastLoud = done + i;
      }
    }
    done += frames;
    drop = 0;
    await checkpoint(blocks, done, span.frames, options);
  }
  if (options.signal?.aborted) throw new GlowroomError('cancelled', 'Cancelled.');
  options.onProgress?.(span.frames, span.frames);
  return Math.max(span.frames, lastLoud + 1);
}

/** A mix kept in memory, for callers that want the samples (tests, the null test, the in-process bench). */
export class MixPlanes implements MixSink {
  left: Float32Array<ArrayBuffer>;
  right: Float32Array<ArrayBuffer>;
  private length = 0;

  constructor(frames: number) {
    this.left = new Float32Array(frames);
    this.right = new Float32Array(frames);
  }

  write(left: Float32Array, right: Float32Array, frames: number): void {
    if (this.length + frames > this.left.length) {
      const grown = Math.max(this.left.length * 2, this.length + frames);
      this.left = grow(this.left, grown);
      this.right = grow(this.right, grown);
    }
    this.left.set(left.subarray(0, frames), this.length);
    this.right.set(right.subarray(0, frames), this.length);
    this.length += frames;
  }

  /** The first `frames` frames written, as stereo planes (no copy when nothing more was written). */
  planes(frames: number): [Float32Array, Float32Array] {
    return frames === this.left.length ? [this.left, this.right] : [this.left.slice(0, frames), this.right.slice(0, frames)];
  }
}

/** A stem: a channel feeding the master and what it added to the master's input, kept in a temporary file. */
export interface RenderedStem {
  readonly channelId: string;
  readonly mix: MixFile;
}

/**
 * Renders `frames` frames from `startFrame` once through the whole graph and returns the stem of
 * every sounding channel that feeds the master (tracks routed to it, and buses), in the engine's
 * processing order, each in a temporary file (the caller disposes them): summed in that order in
 * float32 they are, to the bit, the master's input before its inserts and fader, lined up with the
 * timeline like the mix. Memory does not grow with the song: the stems stream to disk.
 */
export async function renderStems(prepared: PreparedProject, startFrame: number, frames: number, options: RenderControl = {}): Promise<RenderedStem[]> {
  const start = startEngine(prepared, startFrame, (e) => e.stemLatency);
  const engine = start.engine;
  let drop = start.drop;
  const taps = engine.tapMasterFeeds().filter((tap) => tap.sounds);
  const stems: RenderedStem[] = [];
  try {
    for (const tap of taps) stems.push({ channelId: tap.channelId, mix: new MixFile() });
    const left = new Float32Array(blockFrames);
    const right = new Float32Array(blockFrames);
    for (let done = 0, blocks = 0; done < frames; blocks++) {
      const count = Math.min(blockFrames - drop, frames - done);
      engine.render(left, right, blockFrames);
      for (let t = 0; t < taps.length; t++) {
        const tap = taps[t] as (typeof taps)[number];
        (stems[t] as RenderedStem).mix.write(tap.left.subarray(drop), tap.right.subarray(drop), count);
      }
      done += count;
      drop = 0;
      await checkpoint(blocks, done, frames, options);
    }
    if (options.signal?.aborted) throw new GlowroomError('cancelled', 'Cancelled.');
    for (const stem of stems) stem.mix.keep(frames);
    options.onProgress?.(frames, frames);
    return stems;
  } catch (error) {
    for (const stem of stems) stem.mix.dispose();
    throw error;
  }
}

function grow(plane: Float32Array, length: number): Float32Array<ArrayBuffer> {
  const out = new Float32Array(length);
  out.set(plane);
  return out;
}
