import { type StereoEffect } from '../stereo-effect';
import { TRUE_PEAK_HALF_TAPS } from './true-peak-estimator';
import { TruePeakLimiter } from './true-peak-limiter';

/** The insert's lookahead and release unless set: the export limiter's defaults. */
const DEFAULT_LOOKAHEAD_MS = 1.5;
const DEFAULT_RELEASE_MS = 50;
/** The limiter needs the detector's kernel half plus two frames of lookahead. */
const SHORTEST_LOOKAHEAD_FRAMES = TRUE_PEAK_HALF_TAPS + 2;

/**
 * The limiter insert: the export's {@link TruePeakLimiter} (the same detector, the same ceiling
 * guarantee as the loudness meter measures it) on a stereo channel, streamed block by block.
 * Ceiling and release move mid-stream. The lookahead is the device's latency, so changing it is
 * a routing change, not a knob ride: the limiter is rebuilt (one allocation, silent past) and
 * the graph re-reads {@link latencyFrames} to re-align parallel paths.
 */
export class InsertLimiter implements StereoEffect {
  private limiter: TruePeakLimiter;
  private lookaheadMs = DEFAULT_LOOKAHEAD_MS;
  /** The two planes of the current call, in the array shape the limiter takes, reused. */
  private readonly planes: Float32Array[] = [new Float32Array(0), new Float32Array(0)];

  constructor(private readonly sampleRate: number) {
    this.limiter = new TruePeakLimiter(sampleRate, 2, { ceilingDbtp: -1, lookaheadMs: DEFAULT_LOOKAHEAD_MS, releaseMs: DEFAULT_RELEASE_MS });
  }

  get latencyFrames(): number {
    return this.limiter.latencyFrames;
  }

  setCeilingDbtp(db: number): void {
    this.limiter.setCeilingDbtp(db);
  }

  setReleaseMs(ms: number): void {
    this.limiter.setReleaseMs(ms);
  }

  /** Clamped to the shortest lookahead the true-peak detector allows at this rate, and to 100 ms. */
  setLookaheadMs(ms: number): void {
    const shortest = (1000 * SHORTEST_LOOKAHEAD_FRAMES) / this.sampleRate;
    const clamped = Math.min(100, Math.max(shortest, ms));
    if (clamped === this.lookaheadMs) return;
    const { ceilingDbtp, releaseMs } = this.limiter;
    this.lookaheadMs = clamped;
    this.limiter = new TruePeakLimiter(this.sampleRate, 2, { ceilingDbtp, lookaheadMs: clamped, releaseMs });
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    this.planes[0] = left;
    this.planes[1] = right;
    this.limiter.process(this.planes, frames);
  }

  reset(): void {
    this.limiter.reset();
  }

  /** Gain reduction on the last frame, in dB (≤ 0), for the insert's meter. */
  gainReductionDb(): number {
    return this.limiter.currentGainReductionDb();
  }
}
