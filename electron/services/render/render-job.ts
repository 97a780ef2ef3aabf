import type { IpcError } from '../../../src/protocol/ipc';
import type { UnplayableSource } from './render-span';

/** Output sample formats: integer PCM (TPDF-dithered) or 32-bit float. */
export type RenderBits = 16 | 24 | '32f';

/** What the render worker is asked to do. */
export interface RenderJob {
  readonly projectPath: string;
  readonly outPath: string;
  readonly bits: RenderBits;
  /** Hertz; the project's rate when absent. */
  readonly sampleRate?: number;
}

export interface RenderSummary {
  readonly outPath: string;
  readonly sampleRate: number;
  readonly bits: RenderBits;
  readonly frames: number;
  /** Seconds of audio written. */
  readonly duration: number;
  /** Wall-clock seconds the render and encode took. */
  readonly elapsed: number;
  readonly unplayable: readonly UnplayableSource[];
}

/** Messages between the render worker and whoever started it. */
export type RenderWorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly summary: RenderSummary }
  | { readonly type: 'failed'; readonly error: IpcError };

export type RenderWorkerCommand = { readonly type: 'cancel' };
