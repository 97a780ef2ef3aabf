/**
 * A fixed stereo delay of whole frames that adds its output into a destination: how the graph
 * holds back a faster path so it meets a slower one. Allocated when the routing is compiled.
 */
export class StereoDelay {
  private readonly left: Float32Array;
  private readonly right: Float32Array;
  private position = 0;

  constructor(readonly frames: number) {
    this.left = new Float32Array(frames);
    this.right = new Float32Array(frames);
  }

  /** Adds `inLeft`/`inRight` [0, count), `frames` late, into `outLeft`/`outRight`. */
  addDelayed(inLeft: Float32Array, inRight: Float32Array, outLeft: Float32Array, outRight: Float32Array, count: number): void {
    const size = this.frames;
    let at = this.position;
    for (let i = 0; i < count; i++) {
      outLeft[i] = (outLeft[i] as number) + (this.left[at] as number);
      outRight[i] = (outRight[i] as number) + (this.right[at] as number);
      this.left[at] = inLeft[i] as number;
      this.right[at] = inRight[i] as number;
      at = at + 1 === size ? 0 : at + 1;
    }
    this.position = at;
  }

  /** Delays `left`/`right` [0, count) in place. */
  delayInPlace(left: Float32Array, right: Float32Array, count: number): void {
    const size = this.frames;
    let at = this.position;
    for (let i = 0; i < count; i++) {
      const l = left[i] as number;
      const r = right[i] as number;
      left[i] = this.left[at] as number;
      right[i] = this.right[at] as number;
      this.left[at] = l;
      this.right[at] = r;
      at = at + 1 === size ? 0 : at + 1;
    }
    this.position = at;
  }

  reset(): void {
    this.left.fill(0);
    this.right.fill(0);
    this.position = 0;
  }
}
