import type { AudioTags } from '../../../src/codecs/audio-tags';
import type { IpcError } from '../../../src/protocol/ipc';
import type { UnplayableSource } from '../render/render-span';
import type { LoudnessTarget, PlatformVerdict } from './loudness-targets';

/** What part of the timeline is exported. Beats are the project's quarter notes. */
export type ExportRange =
  /** From the start to the end of the last clip, plus the tail when asked. */
  | { readonly kind: 'song' }
  /** [startBeats, endBeats), exactly that long. */
  | { readonly kind: 'beats'; readonly startBeats: number; readonly endBeats: number }
  /** A short clip (15/30/60 s for short videos): exactly `seconds` long from `startBeats`, faded in and out. */
  | { readonly kind: 'clip'; readonly startBeats: number; readonly seconds: number; readonly fadeInSeconds: number; readonly fadeOutSeconds: number };

export type ExportFormat =
  | { readonly kind: 'wav'; readonly bits: 16 | 24 | '32f' }
  | { readonly kind: 'flac'; readonly bits: 16 | 24 }
  /** CBR in kbit/s, or VBR quality 0 (best) … 9 as LAME's -V. */
  | { readonly kind: 'mp3'; readonly mode: { readonly cbrKbps: number } | { readonly vbrQuality: number } };

export interface ExportOptions {
  readonly range: ExportRange;
  readonly format: ExportFormat;
  /** Hertz; the project's rate when absent. */
  readonly sampleRate?: number;
  /** Render past the end until the mix stays under −90 dBFS, at most this many seconds (song range only; 0 = none). */
  readonly tailSeconds: number;
  /** Loudness normalisation, or null for none. */
  readonly normalize: LoudnessTarget | null;
  /** A true-peak ceiling without normalisation (ignored when `normalize` is set). */
  readonly ceilingDbtp?: number;
  readonly tags?: AudioTags;
}

/** What the export worker is asked to do. `outPath` and/or `stems` name the outputs. */
export interface ExportJob {
  readonly projectPath: string;
  /** The mix; absent when only stems are wanted. */
  readonly outPath?: string;
  /** One file per track into `folder`, or a single zip of them there when `zip`. */
  readonly stems?: { readonly folder: string; readonly zip: boolean };
  readonly options: ExportOptions;
  /** Sources (resolved paths) the user has not given Glowroom: never read, left silent and reported, as playback leaves them. */
  readonly ungiven?: readonly string[];
}

/** Loudness of a written file. −Infinity values (silence) are null so JSON keeps them. */
export interface LoudnessFigures {
  readonly integratedLufs: number | null;
  readonly loudnessRangeLu: number;
  readonly shortTermMaxLufs: number | null;
  readonly momentaryMaxLufs: number | null;
  readonly truePeakDbtp: number | null;
  readonly samplePeakDbfs: number | null;
  /** Peak-to-loudness ratio: true peak − integrated, dB. */
  readonly plrDb: number | null;
}

export interface ExportReport {
  readonly outPath: string | null;
  readonly format: 'wav' | 'flac' | 'mp3';
  /** Integer bits or '32f'; null for MP3. */
  readonly bits: 16 | 24 | '32f' | null;
  readonly sampleRate: number;
  readonly frames: number;
  /** Seconds of audio written. */
  readonly duration: number;
  /** Wall-clock seconds of the whole export. */
  readonly elapsed: number;
  /** Seconds of audio per second of work. */
  readonly speed: number;
  /** Measured on the written file's decoded samples (the mix). */
  readonly loudness: LoudnessFigures;
  readonly normalization: {
    readonly targetLufs: number;
    readonly ceilingDbtp: number;
    /** Gain applied before the limiter, dB. */
    readonly gainDb: number;
    /** Deepest limiter gain reduction, dB (≤ 0). */
    readonly limiterDb: number;
    /** Encode/measure passes of the written file (after converging on float samples). */
    readonly passes: number;
    /** Whether the written file is within ±0.5 LU of the target with its true peak under the ceiling. */
    readonly onTarget: boolean;
  } | null;
  readonly platforms: readonly PlatformVerdict[];
  /** Each stem with its sample peak in dBFS before encoding (null when silent): over 0 clips in an integer file. */
  readonly stems: readonly { readonly channel: string; readonly path: string; readonly peakDbfs: number | null }[];
  readonly stemsZip: string | null;
  readonly unplayable: readonly UnplayableSource[];
  readonly warnings: readonly string[];
}

export type ExportPhase = 'render' | 'stems' | 'master' | 'encode' | 'write';

/** Messages between the export worker and whoever started it. */
export type ExportWorkerMessage =
  | { readonly type: 'progress'; readonly phase: ExportPhase; readonly done: number; readonly total: number; readonly label: string }
  | { readonly type: 'done'; readonly report: ExportReport }
  | { readonly type: 'failed'; readonly error: IpcError };

export type ExportWorkerCommand = { readonly type: 'cancel' };
