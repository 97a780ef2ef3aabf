/**
 * Stereo 24-bit source frames placed straight into a mix in one pass of WebAssembly SIMD
 * (place-pcm24.wat), for an offline render's gain-only tracks: for source frame k of a run placed
 * at block frame i = at + k, with p the sample (integer · 2^-23) and g = `placeGains`,
 *
 *   a = fround(p · g.clip)                                   (the track's cleared sum)
 *   l = fround(fround(a · g.side + 0) · (g.from + g.step · (i + 1)))   (still pan, gliding fader)
 *   strip[i] = l;  out[i] = fround(out[i] + l · g.out)
 *
 * each channel with its own side gain: what ClipVoice's whole-frame read into a cleared track sum,
 * then ChannelStrip's fader pass for a track with a still pan and nothing else on it, write, bit
 * for bit (a test compares them). Measured reason: those three passes (the source's 24-bit
 * conversion, the clip read, the fader pass) were about 60 % of a gain-only render's CPU.
 * Allocation-free after construction.
 */
import { placeGains } from './place-gains';
import { placePcm24Base64 } from './place-pcm24-wasm';
import { KernelModule, Layout } from './wasm-module';

/** The kernel module, compiled once per host. */
const placeModule = new KernelModule<PlaceExports>(placePcm24Base64);

interface PlaceExports {
  place(src: number, frames: number, at: number, gains: number, stripLeft: number, stripRight: number, outLeft: number, outRight: number): void;
}

/** Bytes of one stereo 24-bit frame. */
export const PCM24_FRAME_BYTES = 6;

export class Pcm24Placer {
  /** Where the caller keeps source bytes (frames of six bytes, as a WAV file holds them); the kernel reads 16 bytes past any frame. */
  readonly bytes: Uint8Array;
  /** The run's factors, laid out as `placeGains`: written by the caller before `place`. */
  readonly gains: Float64Array;
  private readonly exports: PlaceExports;
  private readonly at: { bytes: number; gains: number; stripLeft: number; stripRight: number; outLeft: number; outRight: number };
  private readonly stripLeft: Float32Array;
  private readonly stripRight: Float32Array;
  private readonly outLeft: Float32Array;
  private readonly outRight: Float32Array;

  /** A placer with `byteCount` bytes of source room and planes of `blockFrames` frames. */
  constructor(
    byteCount: number,
    private readonly blockFrames: number,
  ) {
    const layout = new Layout();
    const plane = 4 * blockFrames;
    this.at = { bytes: layout.take(byteCount + 16), gains: layout.take(8 * placeGains.count), stripLeft: layout.take(plane), stripRight: layout.take(plane), outLeft: layout.take(plane), outRight: layout.take(plane) };
    const { exports, buffer } = placeModule.instance(layout);
    this.exports = exports;
    this.bytes = new Uint8Array(buffer, this.at.bytes, byteCount);
    this.gains = new Float64Array(buffer, this.at.gains, placeGains.count);
    this.stripLeft = new Float32Array(buffer, this.at.stripLeft, blockFrames);
    this.stripRight = new Float32Array(buffer, this.at.stripRight, blockFrames);
    this.outLeft = new Float32Array(buffer, this.at.outLeft, blockFrames);
    this.outRight = new Float32Array(buffer, this.at.outRight, blockFrames);
  }

  /**
   * Places `frames` frames whose bytes start at `byteOffset` of `bytes` at block frames
   * [at, at + frames) (within the block): writes the strip's planes there and adds into the out
   * planes (each `blockFrames` long; the frames outside the run are left as they are).
   */
  place(byteOffset: number, frames: number, at: number, stripLeft: Float32Array, stripRight: Float32Array, outLeft: Float32Array, outRight: Float32Array): void {
    if (at < 0 || at + frames > this.blockFrames) throw new RangeError(`Pcm24Placer: frames [${at}, ${at + frames}) are not within the block`);
    const a = this.at;
    this.outLeft.set(outLeft);
    this.outRight.set(outRight);
    this.exports.place(a.bytes + byteOffset, frames, at, a.gains, a.stripLeft, a.stripRight, a.outLeft, a.outRight);
    outLeft.set(this.outLeft);
    outRight.set(this.outRight);
    if (at === 0 && frames === this.blockFrames) {
      stripLeft.set(this.stripLeft);
      stripRight.set(this.stripRight);
      return;
    }
    for (let i = at; i < at + frames; i++) {
      stripLeft[i] = this.stripLeft[i] as number;
      stripRight[i] = this.stripRight[i] as number;
    }
  }
}
