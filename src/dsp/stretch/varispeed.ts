import type { ReadRate, SincInterpolator } from '../sinc-interpolator';
import type { StretchMap, StretchSource } from './stretch-source';

/**
 * Repitch mode: the source is read wherever the map puts it, band-limited, so tempo and pitch
 * move together (the varispeed, "screwed" sound). Stateless: any frame renders alike however it
 * is reached.
 */
export class Varispeed {
  private readonly rate: ReadRate;
  private readonly frames: Float64Array;
  private readonly positions: Float64Array;
  private readonly valuesLeft: Float64Array;
  private readonly valuesRight: Float64Array;

  constructor(
    private readonly source: StretchSource,
    private readonly map: StretchMap,
    /** Source frames per output frame on average, for the interpolator's anti-aliasing. */
    step: number,
    maxBlockFrames: number,
  ) {
    this.rate = { step, kernel: null };
    this.frames = new Float64Array(maxBlockFrames);
    this.positions = new Float64Array(maxBlockFrames);
    this.valuesLeft = new Float64Array(maxBlockFrames);
    this.valuesRight = new Float64Array(maxBlockFrames);
  }

  /** Output frames [frame, frame + count) into `left`/`right` at [at, at + count), replacing what is there. */
  render(interpolator: SincInterpolator, frame: number, count: number, left: Float64Array, right: Float64Array, at: number): void {
    const { frames, positions, source } = this;
    for (let i = 0; i < count; i++) frames[i] = frame + i;
    this.map.sourceFrames(frames, positions, 0, count);
    source.foldPositions(positions, 0, count);
    interpolator.gatherStereo(source.left, source.right, positions, 0, count, this.rate, this.valuesLeft, this.valuesRight);
    for (let i = 0; i < count; i++) {
      left[at + i] = this.valuesLeft[i] as number;
      right[at + i] = this.valuesRight[i] as number;
    }
  }
}
