import { GlowroomError } from '../std/errors';

/**
 * What the FLAC, MP3 and Ogg Vorbis adapters share. The decoders are the WASM builds of libFLAC,
 * mpg123 and libvorbis from the wasm-audio-decoders project; each file is decoded by a fresh
 * decoder instance that is freed afterwards (the compiled WASM module is cached by the package,
 * so a new instance is cheap). They run in Node, Node workers and Chromium alike: the WASM is
 * embedded in the JavaScript, nothing is fetched.
 */

/** The part of every wasm-audio-decoders result the adapters read. */
export interface WasmDecoded {
  readonly channelData: readonly Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  readonly errors: readonly { readonly message: string }[];
}

/** The life cycle every wasm-audio-decoders class shares: compile, decode, free. */
export interface WasmDecoder {
  readonly ready: Promise<void>;
  free(): void;
}

/**
 * Creates a decoder, waits until its WASM is instantiated, runs `decode`, and frees the decoder
 * whatever happens. A decoder that throws (the packages throw plain Errors on data they cannot
 * parse) is reported as a damaged file.
 */
export async function withDecoder<D extends WasmDecoder, T>(
  create: () => D,
  label: string,
  name: string,
  decode: (decoder: D) => T | Promise<T>,
): Promise<T> {
  const decoder = create();
  try {
    await decoder.ready;
  } catch (error) {
    throw new GlowroomError('internal', `the ${label} decoder could not start (${describe(error)})`);
  }
  try {
    return await decode(decoder);
  } catch (error) {
    if (error instanceof GlowroomError) throw error;
    throw damagedFile(label, name, describe(error));
  } finally {
    decoder.free();
  }
}

/**
 * Refuses a partial result: any decoder error, or no audio at all, makes the file damaged. The
 * decoders carry on past errors and return what they could decode, which would otherwise reach
 * the user as silently shortened or gappy audio.
 */
export function checkDecoded(decoded: WasmDecoded, label: string, name: string): void {
  const first = decoded.errors[0];
  if (first) throw damagedFile(label, name, first.message.trim());
  if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0) {
    throw damagedFile(label, name, 'no audio could be decoded');
  }
}

/** "damaged FLAC file: kick.flac (Error: FLAC__STREAM_DECODER_ERROR_STATUS_LOST_SYNC)" */
export function damagedFile(label: string, name: string, why: string): GlowroomError {
  return new GlowroomError('bad-format', `damaged ${label} file: ${name} (${why})`);
}

/** The decoders hand back views of their whole output buffers; keep exactly `frames` of each. */
export function exactLength(channels: readonly Float32Array[], frames: number): Float32Array[] {
  return channels.map((channel) => (channel.length === frames ? channel : channel.slice(0, frames)));
}

/** Two significant digits below a second, one decimal above: "0.017", "1.8" (as in wav.ts). */
export function formatSeconds(value: number): string {
  return value < 1 ? String(Number(value.toPrecision(2))) : value.toFixed(1);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
