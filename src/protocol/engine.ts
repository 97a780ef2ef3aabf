/**
 * The renderer⇄worklet contract: the commands the renderer posts to the engine processor, the
 * options it is constructed with, and the layout of the shared status buffer the processor writes
 * every block and the renderer reads on animation frames (never through messages or React state).
 */

/** The name the processor registers under; node and processor both use it. */
export const engineProcessorName = 'glowroom-engine';

/**
 * PCM shared with the worklet without copying per block: `channelCount` planes of `frames`
 * float32 samples, one after another, in a SharedArrayBuffer.
 */
export interface SharedSample {
  readonly sampleId: string;
  readonly sampleRate: number;
  readonly frames: number;
  readonly channelCount: number;
  readonly pcm: SharedArrayBuffer;
}

export type EngineCommand =
  /** Adds decoded audio to the worklet's sample pool. */
  | { readonly type: 'add-sample'; readonly sample: SharedSample }
  /** Drops a sample from the pool; voices playing it fall silent. */
  | { readonly type: 'remove-sample'; readonly sampleId: string }
  /** Places a sample at the start of the timeline (null clears it). */
  | { readonly type: 'cue'; readonly sampleId: string | null }
  | { readonly type: 'play' }
  | { readonly type: 'stop' }
  /** Moves the playhead to a frame of the output timeline. */
  | { readonly type: 'seek'; readonly frame: number }
  /** Clears the held master peaks (play clears them too). */
  | { readonly type: 'reset-peak-hold' };

export interface EngineProcessorOptions {
  /** A SharedArrayBuffer of `statusSlots.length` float64 values, laid out as `statusSlots`. */
  readonly status: SharedArrayBuffer;
}

/** Index of each float64 in the status buffer. Levels are linear amplitude (1 = 0 dBFS). */
export const statusSlots = {
  /** Playhead, in output frames from the start of the timeline. */
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
  length: 9,
} as const;

export function createStatusBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(statusSlots.length * Float64Array.BYTES_PER_ELEMENT);
}
