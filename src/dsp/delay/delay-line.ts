/**
 * One channel's delay line: a ring of float32 samples read at a fractional delay by 4-point
 * cubic Hermite interpolation (a whole-frame delay reads the stored sample exactly).
 */
export class DelayLine {
  private readonly buffer: Float32Array;
  private position = 0;

  /** Holds delays up to `maxFrames` (fractional reads need one frame more, which it keeps). */
  constructor(readonly maxFrames: number) {
    this.buffer = new Float32Array(Math.ceil(maxFrames) + 4);
  }

  /** Stores the next input sample. Read before writing to get a delay of at least one frame. */
  write(sample: number): void {
    this.buffer[this.position] = sample;
    this.position = this.position + 1 === this.buffer.length ? 0 : this.position + 1;
  }

  /** The sample written `frames` writes ago: 1 ≤ frames ≤ maxFrames whole, 2 ≤ frames when fractional (the cubic needs a newer neighbour). */
  read(frames: number): number {
    const buffer = this.buffer;
    const size = buffer.length;
    const whole = Math.floor(frames);
    const t = frames - whole;
    // Indices wrap by a mask (`size` where the index went below 0), not by a branch: a wrap branch
    // runs once per pass of the ring, so in a long ring it may first run minutes into a session,
    // and its arithmetic, never seen by V8, throws the optimized block loop away (boxed doubles
    // on the audio thread while it is optimized again; the cold-params bench suite).
    const i = wrapBelow(this.position - whole, size);
    const x0 = buffer[i] as number;
    if (t === 0) return x0;
    // Neighbours: x1 one frame older, xm1 one frame newer, x2 two frames older.
    const newer = i + 1;
    const xm1 = buffer[newer === size ? 0 : newer] as number;
    const x1 = buffer[wrapBelow(i - 1, size)] as number;
    const x2 = buffer[wrapBelow(i - 2, size)] as number;
    const c1 = 0.5 * (x1 - xm1);
    const c2 = xm1 - 2.5 * x0 + 2 * x1 - 0.5 * x2;
    const c3 = 0.5 * (x2 - xm1) + 1.5 * (x0 - x1);
    return ((c3 * t + c2) * t + c1) * t + x0;
  }

  clear(): void {
    this.buffer.fill(0);
    this.position = 0;
  }
}

/** `index` (an int32 at least −`size`) brought into 0 … size − 1: plus `size` when it is negative, with no branch. */
function wrapBelow(index: number, size: number): number {
  return index + (size & (index >> 31));
}
