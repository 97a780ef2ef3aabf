/**
 * What a strip's meter keeps between animation frames, from the levels the engine measured: the
 * peak-hold line (the recent peak, held 1.5 s, then falling 20 dB/s as the bars do) and the
 * highest level since the last reset, which lights the clip indicator at 0 dBFS and stays lit
 * until the user resets it.
 */
import { amplitudeToDbfs } from '../format';

export const holdSeconds = 1.5;
export const holdFallDbPerSecond = 20;
/** A sample at or above full scale clips. */
export const clipAmplitude = 1;

export class MeterBallistics {
  /** dBFS of the peak-hold line, per side. */
  readonly holdDb: [number, number] = [-120, -120];
  /** Highest amplitude since the last reset, both sides. */
  highest = 0;
  private readonly heldAt: [number, number] = [0, 0];

  /** Takes one frame's readings at `nowSeconds`: the peaks, and the engine's held peaks (highest sample since play or reset). */
  update(nowSeconds: number, peaks: readonly [number, number], held: readonly [number, number]): void {
    for (const side of [0, 1] as const) {
      const db = amplitudeToDbfs(peaks[side]);
      if (db >= this.holdDb[side]) {
        this.holdDb[side] = db;
        this.heldAt[side] = nowSeconds;
      } else {
        const falling = nowSeconds - this.heldAt[side] - holdSeconds;
        if (falling > 0) {
          this.holdDb[side] = Math.max(db, this.holdDb[side] - falling * holdFallDbPerSecond);
          this.heldAt[side] = nowSeconds - holdSeconds;
        }
      }
      this.highest = Math.max(this.highest, peaks[side], held[side]);
    }
  }

  get clipped(): boolean {
    return this.highest >= clipAmplitude;
  }

  reset(): void {
    this.highest = 0;
    this.holdDb[0] = this.holdDb[1] = -120;
  }
}
