/** One MP3 stream being encoded. */
export interface LameEncoder {
  /** Encodes frames [0, frames) of each plane (one per channel); the bytes are valid until the next call. */
  encode(planes: readonly Float32Array[], frames: number): Uint8Array;
  /** Ends the stream; its last bytes, valid until the next call. */
  flush(): Uint8Array;
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
}

/** A new encoder with its own WebAssembly instance (the module is compiled once per process). */
export function createLameEncoder(options: LameOptions): LameEncoder;
