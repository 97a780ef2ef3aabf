import { GlowroomError } from '../std/errors';
import { lossyCeiling } from './limits';

/**
 * What the FLAC, MP3 and Ogg Vorbis adapters share. The decoders are the WASM builds of libFLAC,
 * mpg123 and libvorbis from the wasm-audio-decoders project. They run in Node, Node workers and
 * Chromium alike: the WASM is embedded in the JavaScript, nothing is fetched. The compiled module
 * is cached by the package, but each instance costs 2–7 ms and a 16 MiB WASM memory for the
 * garbage collector to reclaim (a library import of 1,000 compressed files made 16 GiB of them),
 * so each format keeps one idle decoder per thread (`ReusedDecoder`) that starts each file's
 * decoder inside the WASM instance it already has (`resetInPlace`). A decoder that failed, or
 * whose result `decode` refused, is always freed, never reused.
 */

/** The part of every wasm-audio-decoders result the adapters read. */
export interface WasmDecoded {
  readonly channelData: readonly Float32Array[];
  readonly samplesDecoded: number;
  readonly sampleRate: number;
  readonly errors: readonly { readonly message: string; readonly outputSamples: number }[];
}

/** What every wasm-audio-decoders class has: a promise of its WASM instance. */
export interface WasmDecoder {
  readonly ready: Promise<void>;
}

/**
 * One idle decoder of a format, kept between files on this thread. After a file that decoded
 * cleanly, `renew` makes it new (the package's `reset`, made to stay in its WASM instance by
 * `resetInPlace`): a reused decoder must start each file as a fresh one does, since libFLAC counts
 * samples and frames across calls (an error would be placed in the wrong second) and mpg123 would
 * carry the end of one file (its bit reservoir, its filter state) into the start of the next.
 * Concurrent decodes each take their own: the idle one goes to one caller, the others get fresh
 * ones. A decoder not kept is dropped, not freed: its instance, heap and all, goes to the garbage
 * collector, and the packages' C teardown is no longer safe to run on every decoder (libvorbis's
 * reads uninitialised memory for a decoder that never started, in a heap that is not fresh).
 */
export class ReusedDecoder<D extends WasmDecoder> {
  private idle: D | null = null;

  /** `renew` readies a decoder that finished a file for the next one (default: nothing to do). */
  constructor(
    private readonly create: () => D,
    private readonly renew: (decoder: D) => Promise<void> = async () => undefined,
  ) {}

  /** The idle decoder, or a new one; the caller owns it until it gives it back to `keep` or drops it. */
  take(): D {
    const decoder = this.idle ?? this.create();
    this.idle = null;
    return decoder;
  }

  /** Takes back a decoder that finished a file cleanly (dropped when one is already idle, or when it cannot be renewed). */
  async keep(decoder: D): Promise<void> {
    try {
      await this.renew(decoder);
    } catch {
      return;
    }
    this.idle ??= decoder;
  }
}

export type WasmExports = Readonly<Record<string, (...args: number[]) => number>>;

/** The members of a wasm-audio-decoders decoder (the inner one, which owns the WASM) that `resetInPlace` uses. */
interface EmscriptenDecoder {
  /** The WASM instance's helper (its `wasm` holds the exports); set once the instance is ready. */
  _common: { readonly wasm: WasmExports; free(): void } | undefined;
  /** The decoder's C state: a pointer into the instance. */
  _decoder: number;
  _WASMAudioDecoderCommon: unknown;
  _init(): Promise<void>;
  free(): void;
  reset(): Promise<void>;
}

function isEmscriptenDecoder(value: unknown): value is EmscriptenDecoder {
  const candidate = value as Partial<Record<keyof EmscriptenDecoder, unknown>> | null;
  return (
    typeof candidate === 'object' && candidate !== null && typeof candidate._init === 'function' && typeof candidate.free === 'function' &&
    typeof candidate.reset === 'function' && typeof candidate._WASMAudioDecoderCommon === 'function'
  );
}

export interface InPlaceOptions {
  /**
   * Destroys the decoder's C state, given the instance's exports, the state's pointer and the
   * inner decoder (for the package's own views into the heap); what `_init` allocated besides is
   * freed after it. Default the package's `free`, which does both: give this where that `free`
   * would damage the heap of an instance that is kept.
   */
  readonly destroy?: (exports: WasmExports, pointer: number, decoder: Readonly<Record<string, unknown>>) => void;
  /** Files after which the instance is replaced all the same, for a C teardown that leaks; default never. */
  readonly filesPerInstance?: number;
}

/**
 * Makes `decoder.reset()` (the package's own, which frees the decoder and instantiates the WASM
 * anew) destroy the decoder's C state and create it again inside the WASM instance it has: the
 * same calls the package makes on a fresh instance, minus the instance. The teardown must free
 * everything exactly once (libFLAC's does; mpg123's and libvorbis's need `destroy`), since a
 * kept instance carries any damage to its heap into every later file. The FLAC and Ogg classes
 * wrap an inner decoder (`_decoder`) whose `reset` they call; mpg123's is the decoder itself.
 * A package version whose decoder is built otherwise is left as it is: its `reset` then makes a
 * new instance, which is slower but just as right. tests/unit/codecs/reused-decoder.test.ts
 * checks, per format, that a renewed decoder gives a fresh one's samples bit for bit.
 */
export function resetInPlace<D extends WasmDecoder>(decoder: D, options: InPlaceOptions = {}): D {
  const inner: unknown = (decoder as { _decoder?: unknown })._decoder ?? decoder;
  if (!isEmscriptenDecoder(inner)) return decoder;
  let files = 0;
  inner.reset = () => {
    const common = inner._common;
    files++;
    // Not started yet (`_common` comes with the instance), or old enough to retire: a new
    // instance, the old one dropped (as `ReusedDecoder` drops decoders, without the C teardown).
    if (common === undefined || files >= (options.filesPerInstance ?? Infinity)) {
      files = 0;
      return inner._init();
    }
    if (options.destroy) {
      options.destroy(common.wasm, inner._decoder, inner as unknown as Readonly<Record<string, unknown>>);
      common.free();
    } else inner.free();
    const factory = inner._WASMAudioDecoderCommon;
    // `_init` asks `new this._WASMAudioDecoderCommon().instantiate(…)` for its WASM: hand back the one it has.
    inner._WASMAudioDecoderCommon = function sameInstance() {
      return { instantiate: () => Promise.resolve(common) };
    };
    try {
      return inner._init();
    } finally {
      inner._WASMAudioDecoderCommon = factory;
    }
  };
  return decoder;
}

/**
 * Takes a decoder from `source` (its idle one or a new one), waits until its WASM is
 * instantiated, runs `decode`, and gives the decoder back if `decode` succeeded (else it is
 * dropped, see `ReusedDecoder`). A decoder that throws (the packages throw plain
 * Errors, even ReferenceErrors, on data they cannot parse) is reported as a damaged file; its own
 * text stays out of the message and is kept as the error's `cause`. `decode` checks the result
 * (`checkErrors`) itself, so a decoder that reported errors is never kept; it must not return
 * views into the decoder's memory, since the next file overwrites them.
 */
export async function withDecoder<D extends WasmDecoder, T>(
  source: ReusedDecoder<D>,
  label: string,
  name: string,
  decode: (decoder: D) => T | Promise<T>,
): Promise<T> {
  const decoder = source.take();
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
    if (error instanceof GlowroomError) throw error;
    const damaged = damagedFile(label, name, 'its audio data cannot be decoded');
    damaged.cause = error;
    throw damaged;
  }
  await source.keep(decoder);
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

