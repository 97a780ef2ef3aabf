/** One MP3 stream being encoded. */
export interface LameEncoder {
  /** Encodes frames [0, frames) of each plane (one per channel); the bytes are valid until the next call. */
  encode(planes: readonly Float32Array[], frames: number): Uint8Array;
  /** Ends the stream; its last bytes, valid until the next call. */
  flush(): Uint8Array;
  /** Whether the last frame `keep` asked for is out (always false without `keep.until`). */
  ended(): boolean;
}

export interface LameOptions {
  /** 1 or 2. */
  channels: 1 | 2;
  /** Input and output rate in Hz (32,000, 44,100 or 48,000 for MPEG-1 Layer III). */
  sampleRate: number;
  /** Constant bit rate in kbit/s; when absent, VBR at `vbrQuality`. */
  kbps?: number;
  /** LAME's VBR quality, 0 (best) … 9. */
  vbrQuality?: number;
  /**
   * Only MP3 frames [from, until) of the stream are written (until absent: to its end), the bit
   * reservoir padded out at both ends so the kept frames read no byte of a dropped one.
   */
  keep?: { from: number; until?: number };
}

/** Samples per channel in one MP3 frame at 32, 44.1 and 48 kHz (MPEG-1 Layer III). */
export const FRAME_SAMPLES: 1152;

/** A new encoder with its own WebAssembly instance (the module is compiled once per process). */
export function createLameEncoder(options: LameOptions): LameEncoder;
