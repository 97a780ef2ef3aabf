/**
 * The renderer⇄worklet contract: what the engine plays (the compiled document), the commands
 * the renderer posts to the processor, the options it is constructed with, and the layout of the
 * shared status buffer the processor writes every block and the renderer reads on animation
 * frames (never through messages or React state). The Node render host drives the same engine
 * with the same commands.
 */

/** The name the processor registers under; node and processor both use it. */
export const engineProcessorName = 'glowroom-engine';

/** Frames per render quantum: the engine's block size, in the worklet and offline alike. */
export const blockFrames = 128;

/**
 * PCM shared with the engine without copying per block: `channelCount` planes of `frames`
 * float32 samples, one after another, in a SharedArrayBuffer (or an ArrayBuffer offline).
 */
export interface SharedSample {
  readonly sampleId: string;
  /** Hertz. */
  readonly sampleRate: number;
  readonly frames: number;
  readonly channelCount: number;
  readonly pcm: SharedArrayBuffer | ArrayBuffer;
}

/** A clip as the engine plays it: the project's clip with its source resolved to a pooled sample. */
export interface EngineClip {
  readonly id: string;
  /** Pooled sample to play; a clip whose sample is not (yet) in the pool is silent. */
  readonly sampleId: string;
  /** Beats from the start of the timeline. */
  readonly start: number;
  /** Beats. */
  readonly length: number;
  /** Seconds of source time. */
  readonly offset: number;
  readonly gainDb: number;
  /** Seconds of source time. */
  readonly fadeIn: number;
  readonly fadeOut: number;
  readonly loop: boolean;
  readonly reverse: boolean;
  /** Varispeed factor; pitch follows. */
  readonly rate: number;
  /** A muted clip is not mixed, yet it still counts for where the song ends. */
  readonly mute: boolean;
}

export interface EngineTrack {
  readonly id: string;
  readonly gainDb: number;
  /** −1 … +1. */
  readonly pan: number;
  readonly mute: boolean;
  readonly solo: boolean;
  readonly clips: readonly EngineClip[];
}

export interface EngineTimeline {
  /** Quarter notes per minute. */
  readonly tempo: number;
  readonly beatsPerBar: number;
  /** The note value of one beat: 4 = quarter, 8 = eighth. */
  readonly beatUnit: number;
  readonly masterGainDb: number;
}

/** Everything the engine plays; compiled from a project by `compileEngineDocument`. */
export interface EngineDocument {
  readonly timeline: EngineTimeline;
  readonly tracks: readonly EngineTrack[];
}

/** The loop range of the transport, in beats; playback wraps from `end` to `start`. */
export interface LoopRange {
  readonly start: number;
  readonly end: number;
}

export type EngineCommand =
  /** Adds decoded audio to the engine's sample pool. */
  | { readonly type: 'add-sample'; readonly sample: SharedSample }
  /** Drops a sample from the pool; clips playing it fall silent. */
  | { readonly type: 'remove-sample'; readonly sampleId: string }
  /** Tempo, meter and master: changing them keeps clips at their positions in beats. */
  | { readonly type: 'set-timeline'; readonly timeline: EngineTimeline }
  /** Adds or replaces one track (with its clips) at `index` in the track order. */
  | { readonly type: 'set-track'; readonly track: EngineTrack; readonly index: number }
  | { readonly type: 'remove-track'; readonly trackId: string }
  | { readonly type: 'play' }
  | { readonly type: 'stop' }
  /** Moves the playhead to a frame of the timeline. */
  | { readonly type: 'seek'; readonly frame: number }
  /** null turns looping off. */
  | { readonly type: 'set-loop'; readonly loop: LoopRange | null }
  | { readonly type: 'set-metronome'; readonly enabled: boolean }
  /** Auditions a pooled sample once from its start on the preview channel (null stops it). */
  | { readonly type: 'preview'; readonly sampleId: string | null; readonly gainDb: number }
  /** Changes the preview channel's level, also while it sounds. */
  | { readonly type: 'set-preview-gain'; readonly gainDb: number }
  /** Clears the held master peaks (play clears them too). */
  | { readonly type: 'reset-peak-hold' };

export interface EngineProcessorOptions {
  /** A SharedArrayBuffer of `statusLength` float64 values, laid out as `statusSlots` + track meters. */
  readonly status: SharedArrayBuffer;
  /**
   * Commands applied in the constructor, before the first block: an offline render or a rebuilt
   * node starts with its samples and document in place (port messages may arrive later).
   */
  readonly initialCommands: readonly EngineCommand[];
}

/** Index of each float64 in the status buffer. Levels are linear amplitude (1 = 0 dBFS). */
export const statusSlots = {
  /** Playhead, in frames from the start of the timeline. */
  playheadFrame: 0,
  /** 1 while the transport plays, 0 when stopped. */
  playing: 1,
  /** Master peak, left and right, with a falling ballistic. */
  peakLeft: 2,
  peakRight: 3,
  /** Master RMS (300 ms window), left and right. */
  rmsLeft: 4,
  rmsRight: 5,
  /** Count of blocks rendered since the processor started: proves the worklet is alive. */
  blocksRendered: 6,
  /** Highest master sample magnitude since play or the last reset, left and right. */
  peakHoldLeft: 7,
  peakHoldRight: 8,
  /** Time spent rendering ÷ time the audio lasted, averaged over about a second (1 = no headroom). */
  dspLoad: 9,
  /** Blocks that took longer to render than they last: each one risks an audible dropout. */
  overloads: 10,
  /** 1 while the preview channel sounds. */
  previewing: 11,
} as const;

/** Meters of the first `meteredTracks` tracks follow the header, in track order. */
export const statusHeaderLength = 16;
export const meteredTracks = 256;
export const trackMeterSlots = { peakLeft: 0, peakRight: 1, rmsLeft: 2, rmsRight: 3 } as const;
export const trackMeterStride = 4;
export const statusLength = statusHeaderLength + meteredTracks * trackMeterStride;

/** Index of a track meter value in the status buffer. */
export function trackMeterIndex(trackIndex: number, slot: keyof typeof trackMeterSlots): number {
  return statusHeaderLength + trackIndex * trackMeterStride + trackMeterSlots[slot];
}

export function createStatusBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(statusLength * Float64Array.BYTES_PER_ELEMENT);
}

/**
 * Packs decoded planes into one buffer in the layout the engine's pool reads. `allocate` picks
 * the memory: a SharedArrayBuffer for the worklet, a plain ArrayBuffer offline.
 */
export function packSample(
  sampleId: string,
  sampleRate: number,
  planes: readonly Float32Array[],
  allocate: (bytes: number) => SharedArrayBuffer | ArrayBuffer,
): SharedSample {
  const frames = planes[0]?.length ?? 0;
  const pcm = allocate(frames * planes.length * Float32Array.BYTES_PER_ELEMENT);
  const shared = { sampleId, sampleRate, frames, channelCount: planes.length, pcm };
  samplePlanes(shared).forEach((view, c) => view.set(planes[c] ?? new Float32Array(frames)));
  return shared;
}

/** Planar views on a shared sample's PCM (no copies): what `packSample` packed. */
export function samplePlanes(shared: SharedSample): Float32Array[] {
  const planes: Float32Array[] = [];
  for (let c = 0; c < shared.channelCount; c++) planes.push(new Float32Array(shared.pcm, c * shared.frames * Float32Array.BYTES_PER_ELEMENT, shared.frames));
  return planes;
}
