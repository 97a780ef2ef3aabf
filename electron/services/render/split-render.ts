import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Engine } from '../../../src/engine/engine';
import { startWorker } from '../start-worker';
import type { LoadedProject, PreparedProject, Span } from './render-types';
import type { Spill } from './spilled-source';
import { SplitRing } from './split-ring';

/** Under this much audio a second thread costs more to start than it saves. */
const MIN_SPLIT_SECONDS = 8;

/** Render threads wanted: GLOWROOM_RENDER_THREADS=1 keeps renders on one thread (benchmarks compare both). */
export function renderThreadsAllowed(): number {
  const asked = Number(process.env.GLOWROOM_RENDER_THREADS);
  return asked >= 1 ? Math.floor(asked) : os.availableParallelism();
}

/** What the render-helper worker is given: the project, the render's start and rate, its tracks and the ring. */
export interface SplitHelperInput {
  readonly loaded: LoadedProject;
  readonly sampleRate: number;
  readonly startFrame: number;
  readonly tracks: readonly string[];
  /** The source ids its tracks' clips play: the only files it opens. */
  readonly sources: readonly string[];
  readonly buffer: SharedArrayBuffer;
  /** Its compressed sources as the main render decoded them, by resolved path: it reads those files instead of decoding again. */
  readonly spilled: readonly (readonly [string, Spill])[];
  /** The main render's spill folder, for any source it must decode itself (the main render removes it). */
  readonly spillFolder: string;
}

/** A running helper: stop it when the render ends, however it ends. */
export interface SplitHelper {
  /** The ids of the tracks it renders. */
  readonly tracks: readonly string[];
  stop(): void;
}

/**
 * Uses the second core for an offline render (see `SplitExchange`): gives the engine's split group
 * (about half the work: audio tracks from the end of the track list, weighed by their inserts
 * against every channel's) to an engine in a render-helper worker, and sets `engine` to render the
 * rest onto the sums the helper hands over, so the mix is the same to the bit. Returns null, leaving
 * `engine` as it is, when there is one core (or one thread is asked for), the span is short, or
 * no track can be split off.
 */
export function startSplitHelper(prepared: PreparedProject, engine: Engine, span: Span): SplitHelper | null {
  if (renderThreadsAllowed() < 2 || span.frames + span.tailFrames < MIN_SPLIT_SECONDS * prepared.sampleRate) return null;
  const { project } = prepared.loaded;
  const tracks = engine.splitGroup();
  if (tracks.length === 0) return null;
  const ring = new SplitRing();
  const given = new Set(tracks);
  // Only sources the main render could open, and those it decoded are read from its spills: the
  // helper has nothing to decode (it would wait for nothing else) and fails on nothing the main render did not.
  const opened = new Set(prepared.sources.map((source) => source.sampleId));
  const isOpened = (sourceId: string): boolean => opened.has(path.resolve(prepared.loaded.folder, project.sources[sourceId]?.path ?? sourceId));
  const sources = new Set(project.tracks.filter((track) => given.has(track.id)).flatMap((track) => track.clips.flatMap((clip) => (clip.kind === 'audio' && isOpened(clip.source) ? [clip.source] : []))));
  const spilled = prepared.sources.flatMap((source) => (source.spill ? [[source.sampleId, source.spill] as const] : []));
  const input: SplitHelperInput = { loaded: prepared.loaded, sampleRate: prepared.sampleRate, startFrame: span.startFrame, tracks, sources: [...sources], buffer: ring.buffer, spilled, spillFolder: prepared.spillFolder() };
  const worker: Worker = startWorker('render-helper-worker', input);
  // Its failures reach the main render through the ring; one after the stop (a spill removed under it) is of no interest.
  worker.on('error', () => {});
  engine.splitTracks('main', ring);
  return {
    tracks,
    stop: () => {
      ring.stop();
      void worker.terminate();
    },
  };
}
