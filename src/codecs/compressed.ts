import { GlowroomError } from '../std/errors';
import { lossyCeiling } from './limits';

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
  readonly errors: readonly { readonly message: string; readonly outputSamples: number }[];
}

/** The life cycle every wasm-audio-decoders class shares: compile, decode, free. */
export interface WasmDecoder {
  readonly ready: Promise<void>;
  free(): void;
}

/**
 * Creates a decoder, waits until its WASM is instantiated, runs `decode`, and frees the decoder
 * whatever happens. A decoder that throws (the packages throw plain Errors, even ReferenceErrors,
 * on data they cannot parse) is reported as a damaged file; its own text stays out of the
 * message and is kept as the error's `cause`.
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
    const failed = new GlowroomError('internal', `The ${label} decoder could not start; restart Glowroom and try again.`);
    failed.cause = error;
    throw failed;
  }
  try {
    return await decode(decoder);
  } catch (error) {
    if (error instanceof GlowroomError) throw error;
    const damaged = damagedFile(label, name, 'its audio data cannot be decoded');
    damaged.cause = error;
    throw damaged;
  } finally {
    decoder.free();
  }
}

/**
 * Refuses a partial result: any decoder error makes the file damaged. The decoders carry on past
 * errors and return what they could decode, which would otherwise reach the user as silently
 * shortened or gappy audio. The message says where the damage starts (the decoders count output
 * samples from the start of the stream, across chunks); the decoder's own status text
 * ("-1 MPG123_ERR") is kept as the error's `cause`.
 */
export function checkErrors(decoded: WasmDecoded, label: string, name: string): void {
  const first = decoded.errors[0];
  if (first) {
    const at = decoded.sampleRate > 0 ? ` after ${formatSeconds(first.outputSamples / decoded.sampleRate)} s` : '';
    const damaged = damagedFile(label, name, `its audio data is corrupt${at}`);
    damaged.cause = first.message;
    throw damaged;
  }
}

/** Refuses a decode that yielded no audio at all. */
export function checkNotEmpty(samplesDecoded: number, label: string, name: string): void {
  if (samplesDecoded === 0) throw damagedFile(label, name, 'no audio could be decoded');
}

/**
 * Refuses lossy audio that decodes far above full scale (`peak`, the largest magnitude of the
 * sound kept): frames of garbage that happen to parse (a damaged header, junk with a sync word)
 * decode to noise at +40 dBFS or more, which would reach the speakers as a blast. Real encodes
 * of loud masters stay within `lossyCeiling`.
 */
export function checkLevels(peak: number, label: string, name: string): void {
  if (peak > lossyCeiling) {
    throw damagedFile(label, name, `parts of it decode to noise at +${(20 * Math.log10(peak)).toFixed(0)} dBFS, far above full scale`);
  }
}

/** "damaged FLAC file: kick.flac (Error: FLAC__STREAM_DECODER_ERROR_STATUS_LOST_SYNC)" */
export function damagedFile(label: string, name: string, why: string): GlowroomError {
  return new GlowroomError('bad-format', `damaged ${label} file: ${name} (${why})`);
}

/** Two significant digits below a second, one decimal above: "0.017", "1.8" (as in wav.ts). */
export function formatSeconds(value: number): string {
  return value < 1 ? String(Number(value.toPrecision(2))) : value.toFixed(1);
}

