/**
 * The contract between the capture worklet (renderer/worklets/capture-processor.ts) and the page
 * (renderer/audio/input-capture.ts): the processor writes the recorded input into a shared ring,
 * the page drains it a few times a second. Nothing crosses the port per block.
 */

export const captureProcessorName = 'glowroom-capture';

/** Seconds of input the ring holds: the page must drain it well within this. */
export const captureRingSeconds = 4;

/**
 * Which input channels a take records: one of the device's channels (mono) or the first two
 * (stereo). Each index is an input channel of the device.
 */
export type InputChannels = readonly [number] | readonly [number, number];

export type CaptureCommand =
  /** Records from the next block on; `ring` is cleared. */
  | { readonly type: 'start'; readonly channels: InputChannels }
  | { readonly type: 'stop' };

export interface CaptureProcessorOptions {
  /** `captureHeader` Int32 slots followed by the context frame (Float64) at which recording started. */
  readonly header: SharedArrayBuffer;
  /** One plane of `ringFrames` float32 per recorded channel (two planes, the second unused for mono). */
  readonly ring: SharedArrayBuffer;
  readonly ringFrames: number;
}

/** Int32 slots of the header (written with Atomics). */
export const captureHeader = {
  /** Frames recorded since the last start: frame n sits at n % ringFrames. Stored after the data. */
  framesWritten: 0,
  /** 1 while recording. */
  recording: 1,
  /** Blocks in which the input had no channels (the device went away). */
  silentBlocks: 2,
} as const;
/** Bytes of the header: the Int32 slots, then the start frame as a Float64 at this offset. */
export const captureStartFrameOffset = 16;
export const captureHeaderBytes = 24;

export function createCaptureBuffers(sampleRate: number): CaptureProcessorOptions {
  const ringFrames = Math.ceil(sampleRate * captureRingSeconds);
  return {
    header: new SharedArrayBuffer(captureHeaderBytes),
    ring: new SharedArrayBuffer(ringFrames * 2 * Float32Array.BYTES_PER_ELEMENT),
    ringFrames,
  };
}
