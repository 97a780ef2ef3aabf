import { GlowroomError } from '../std/errors';
import { lossyCeiling } from './limits';

/**
 * What the FLAC, MP3 and Ogg Vorbis adapters share. The decoders are the WASM builds of libFLAC,
 * mpg123 and libvorbis from the wasm-audio-decoders project. They run in Node, Node workers and
 * Chromium alike: the WASM is embedded in the JavaScript, nothing is fetched. The compiled module
 * is cached by the package, but each instance still costs about 3 ms and a WASM memory for the
 * garbage collector to reclaim, so a format whose decoder is clean after a file keeps one idle
 * instance per thread (`ReusedDecoder`); a decoder that failed, or whose result `decode` refused,
 * is always freed, never reused.
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
 * One idle decoder of a format, kept between files on this thread. Only for a decoder that is
 * clean after a successful file, as the Ogg Vorbis one is: its `flush` ends a file by starting a
 * new instance (so the next file costs one instance instead of two). Not the FLAC one, whose
 * `decodeFrames` keeps counting samples and frames across calls (an error would then be placed
 * in the wrong second), nor mpg123, whose bit reservoir would carry the end of one file into the
 * start of the next. Concurrent decodes each take their own: the idle one goes to one caller, the
 * others get fresh ones.
 */
export class ReusedDecoder<D extends WasmDecoder> {
  private idle: D | null = null;

  constructor(private readonly create: () => D) {}

  /** The idle decoder, or a new one; the caller owns it until `keep` or `free`. */
  take(): D {
    const decoder = this.idle ?? this.create();
    this.idle = null;
    return decoder;
  }

  /** Takes back a decoder that finished a file cleanly (frees it when one is already idle). */
  keep(decoder: D): void {
    if (this.idle === null) this.idle = decoder;
    else decoder.free();
  }
}

/**
 * Takes a decoder (fresh from `source`, or the idle one of a `ReusedDecoder`), waits until its
 * WASM is instantiated, runs `decode`, and frees the decoder whatever happens, unless the
 * decoder is reused and `decode` succeeded. A decoder that throws (the packages throw plain
 * Errors, even ReferenceErrors, on data they cannot parse) is reported as a damaged file; its own
 * text stays out of the message and is kept as the error's `cause`. `decode` checks the result
 * (`checkErrors`) itself, so a decoder that reported errors is never kept; it must not return
 * views into the decoder's memory, since the next file overwrites them.
 */
export async function withDecoder<D extends WasmDecoder, T>(
  source: (() => D) | ReusedDecoder<D>,
  label: string,
  name: string,
  decode: (decoder: D) => T | Promise<T>,
): Promise<T> {
  const decoder = source instanceof ReusedDecoder ? source.take() : source();
  try {
    await decoder.ready;
  } catch (error) {
    const failed = new GlowroomError('internal', `The ${label} decoder could not start; restart Glowroom and try again.`);
    failed.cause = error;
    throw failed;
  }
  let result: T;
  try {
    result = await decode(decoder);
  } catch (error) {
    decoder.free();
    if (error instanceof GlowroomError) throw error;
    const damaged = damagedFile(label, name, 'its audio data cannot be decoded');
    damaged.cause = error;
    throw damaged;
  }
  if (source instanceof ReusedDecoder) source.keep(decoder);
  else decoder.free();
  return result;
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

