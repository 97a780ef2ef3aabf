/**
 * What a stretcher reads: a clip's source planes and how output time maps onto them.
 *
 * Source positions are *unwrapped*: a looping clip keeps counting past the end of its source,
 * and `readFrame` folds a position back into the loop [loopStart, frames). Positions outside
 * the source (and any position of a non-looping clip past its end) read as silence.
 */
export interface StretchMap {
  /**
   * `sources[i]` = the unwrapped source frame heard at output frame `frames[i]` (frames counted
   * from the clip's start, possibly fractional), for i in [from, to). Monotonic non-decreasing.
   * Arrays in and out so no double is boxed on the audio thread.
   */
  sourceFrames(frames: Float64Array, sources: Float64Array, from: number, to: number): void;
}

export class StretchSource {
  readonly left: Float32Array;
  readonly right: Float32Array;
  readonly frames: number;
  readonly channelCount: number;
  /** Where a loop starts again (the clip's offset, whole frames); −1 when the clip does not loop. */
  readonly loopStart: number;
  /** Reverse plays the reversed source: frame i reads frame frames − 1 − i. */
  readonly reverse: boolean;

  constructor(planes: readonly Float32Array[], loopStart: number, reverse: boolean) {
    const left = planes[0];
    if (!left) throw new RangeError('a stretch source needs at least one plane');
    this.left = left;
    this.right = planes[1] ?? left;
    this.frames = left.length;
    this.channelCount = planes.length;
    this.loopStart = loopStart >= 0 && loopStart < left.length ? loopStart : -1;
    this.reverse = reverse;
  }

  /** The plane index an unwrapped whole frame reads, or −1 for silence. */
  readFrame(frame: number): number {
    let index = frame;
    if (this.loopStart >= 0 && index >= this.frames) {
      const span = this.frames - this.loopStart;
      index = this.loopStart + ((index - this.loopStart) % span);
    }
    if (index < 0 || index >= this.frames) return -1;
    return this.reverse ? this.frames - 1 - index : index;
  }

  /**
   * Turns unwrapped fractional positions [from, to) into plane positions for a band-limited read,
   * folding loops the same way; silence (past the end, before the start, NaN) becomes NaN, which
   * the interpolator reads as 0.
   */
  foldPositions(positions: Float64Array, from: number, to: number): void {
    const { frames, loopStart, reverse } = this;
    const span = frames - loopStart;
    for (let i = from; i < to; i++) {
      let index = positions[i] as number;
      if (loopStart >= 0 && index >= frames) index = loopStart + ((index - loopStart) % span);
      positions[i] = index < 0 || index >= frames || Number.isNaN(index) ? Number.NaN : reverse ? frames - 1 - index : index;
    }
  }
}
