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
    let i = this.position - whole;
    if (i < 0) i += size;
    const x0 = buffer[i] as number;
    if (t === 0) return x0;
    // Neighbours: x1 one frame older, xm1 one frame newer, x2 two frames older.
    const xm1 = buffer[i + 1 === size ? 0 : i + 1] as number;
    const x1 = buffer[i === 0 ? size - 1 : i - 1] as number;
    const x2 = buffer[i <= 1 ? i + size - 2 : i - 2] as number;
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
