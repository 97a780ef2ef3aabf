import { samplePlanes, type SharedSample } from '../protocol/engine';

/** Source frames as a voice reads them: `planes[c][i]` is frame `start + i` of channel c. */
export interface SampleWindow {
  readonly planes: readonly Float32Array[];
  readonly start: number;
}

/**
 * A sample as the engine reads it. In the app the whole PCM sits in shared memory and every read
 * returns it; an offline render may stream a long source from disk instead, a window at a time,
 * so its memory follows the work and not the song (`electron/services/render`).
 */
export interface PooledSample {
  /** Hertz. */
  readonly sampleRate: number;
  /** Frames of the whole source. */
  readonly frames: number;
  readonly channelCount: number;
  /**
   * A window holding at least source frames [from, to) (clipped to the source); it ends at the
   * source's end or after `to`, so a reader never takes the window's end for the source's.
   * Valid until the next call. A sample in memory returns its whole planes and never allocates.
   */
  read(from: number, to: number): SampleWindow;
  /**
   * Every frame in memory, one plane per channel, for readers that need the whole source at once
   * (warped clips: stretchers and transient detection). A streamed sample loads and keeps it all.
   */
  whole(): readonly Float32Array[];
  /**
   * A faster way to add this sample into a mix, when the sample offers one (a stereo 24-bit WAV
   * streamed by an offline render); null or absent otherwise.
   */
  readonly placer?: SamplePlacer | null;
}

/**
 * Adds a run of a stereo sample's frames into a mix in one pass, as a clip read frame for frame
 * into its track's cleared sum and that track's fader pass (a still pan, nothing else on the
 * strip) would add it: the same float32 values (see src/dsp/wasm/place-pcm24.ts for the operations).
 */
export interface SamplePlacer {
  /**
   * Source frames [from, from + frames) at block frames [at, at + frames): writes the strip's
   * planes there and adds into the out planes, with the factors in `gains` (laid out as
   * `placeGains`; the caller writes them). Valid source frames only.
   */
  place(from: number, frames: number, at: number, gains: Float64Array, stripLeft: Float32Array, stripRight: Float32Array, outLeft: Float32Array, outRight: Float32Array): void;
}

/** A whole sample in memory: planar views on shared PCM, no copies. */
export class ResidentSample implements PooledSample {
  readonly frames: number;
  readonly channelCount: number;
  private readonly all: SampleWindow;

  constructor(
    readonly sampleRate: number,
    planes: readonly Float32Array[],
  ) {
    this.frames = planes[0]?.length ?? 0;
    this.channelCount = planes.length;
    this.all = { planes, start: 0 };
  }

  /** Planar views on the PCM a command shared (no copies). */
  static of(shared: SharedSample): ResidentSample {
    return new ResidentSample(shared.sampleRate, samplePlanes(shared));
  }

  read(): SampleWindow {
    return this.all;
  }

  whole(): readonly Float32Array[] {
    return this.all.planes;
  }
}

/**
 * The window of `sample` holding source frames [from, to) (whole frames: what a kernel reaches
 * around positions[first, last)); those positions are made relative to the window's start:
 * whole-frame shifts, exact in float64, so the same samples come out as from the whole source.
 * The bounds are whole numbers so they reach a call unboxed.
 */
export function windowAround(sample: PooledSample, positions: Float64Array, first: number, last: number, from: number, to: number): SampleWindow {
  const window = sample.read(from, to);
  const shift = window.start;
  if (shift !== 0) for (let i = first; i < last; i++) positions[i] = (positions[i] as number) - shift;
  return window;
}

/** Decoded audio the engine can play, by sample id. Filled by commands (or by an offline render's host), read by clips. */
export class SamplePool {
  private readonly samples = new Map<string, PooledSample>();

  put(sampleId: string, sample: PooledSample): void {
    this.samples.set(sampleId, sample);
  }

  remove(sampleId: string): void {
    this.samples.delete(sampleId);
  }

  get(sampleId: string): PooledSample | undefined {
    return this.samples.get(sampleId);
  }
}
