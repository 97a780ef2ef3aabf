import type { ReadRate, SincInterpolator } from '../sinc-interpolator';
import type { StretchSource } from './stretch-source';

/**
 * Where the slices of one loop pass lie: slice i starts at unwrapped source frame `sourceStart[i]`
 * and is heard from output frame `outputStart[i]` (frames from the clip's start; both ascending).
 */
export interface Slices {
  readonly sourceStart: Float64Array;
  readonly outputStart: Float64Array;
  /** 1 where the slice starts at a transient: the slice before it fades out before that attack. */
  readonly attack: Uint8Array;
  /** Output and source frames of one pass of a looping clip; Infinity when it does not loop. */
  readonly passOutput: number;
  readonly passSource: number;
}

/**
 * Beats-mode stretching: each slice plays at the source's own speed (times the transposition)
 * from its warped onset, so attacks are never smeared and land where the warp puts them.
 *
 * - A slice starts `crossfade` output frames before its onset, fading in over them while the
 *   slice before it fades out (so the attack itself plays at full level, on its frame).
 * - Slower than the source (the slot is longer than the slice): before an attack, the slice
 *   fades out over `tailFade` source frames ahead of that attack (no double hit) and the rest of
 *   the slot is silent; before a grid slice (no attack) it simply plays on through the source.
 * - Faster (the slot is shorter): the slice is cut by the next one's crossfade.
 * - Transposition reads each slice `step` times faster: slices get shorter or longer, onsets
 *   stay on their frames.
 *
 * Stateless: every output frame is a function of the frame alone, so seeks and loop wraps give
 * the very samples of an uninterrupted play.
 */
export class BeatSlicer {
  private readonly rate: ReadRate;
  private readonly primary: Float64Array;
  private readonly primaryGain: Float64Array;
  private readonly secondary: Float64Array;
  private readonly secondaryGain: Float64Array;
  private readonly valuesLeft: Float64Array;
  private readonly valuesRight: Float64Array;
  /** Where the last lookup found its slot, to start the next search there. */
  private lastSlot = 0;
  /** The slot playing and the one before it (see `describe`). */
  private readonly current = new Float64Array(4);
  private readonly previous = new Float64Array(4);

  constructor(
    private readonly source: StretchSource,
    private readonly slices: Slices,
    /** Source frames per output frame inside a slice: source rate ÷ engine rate × pitch ratio. */
    step: number,
    private readonly crossfade: number,
    private readonly tailFade: number,
    maxBlockFrames: number,
  ) {
    this.rate = { step, kernel: null };
    this.primary = new Float64Array(maxBlockFrames);
    this.primaryGain = new Float64Array(maxBlockFrames);
    this.secondary = new Float64Array(maxBlockFrames);
    this.secondaryGain = new Float64Array(maxBlockFrames);
    this.valuesLeft = new Float64Array(maxBlockFrames);
    this.valuesRight = new Float64Array(maxBlockFrames);
  }

  /** Output frames [frame, frame + count) into `left`/`right` at [at, at + count), replacing what is there. */
  render(interpolator: SincInterpolator, frame: number, count: number, left: Float64Array, right: Float64Array, at: number): void {
    const { slices, source, crossfade, current, previous, primary, primaryGain, secondary, secondaryGain } = this;
    const { outputStart, passOutput, passSource } = slices;
    const slotCount = outputStart.length;
    const step = this.rate.step;
    let secondaryFrom = count;
    let secondaryTo = 0;
    // Plain arithmetic on locals and typed arrays only: a double passed to or returned from a
    // call that is not inlined would be boxed, and the audio thread must not allocate.
    for (let i = 0; i < count; i++) {
      const f = frame + i;
      const pass = passOutput === Infinity ? 0 : Math.floor(f / passOutput);
      const within = pass === 0 ? f : f - pass * passOutput;
      const sourceShift = pass === 0 ? 0 : pass * passSource;
      // The slot whose slice has begun (its fade-in starts `crossfade` frames before its onset).
      const probe = within + crossfade;
      let slot = this.lastSlot;
      if (slot >= slotCount || (slot >= 0 && (outputStart[slot] as number) > probe)) slot = -1;
      while (slot + 1 < slotCount && (outputStart[slot + 1] as number) <= probe) slot++;
      this.lastSlot = slot < 0 ? 0 : slot;
      this.describe(slot, current);
      this.describe(slot - 1, previous);
      const onset = current[onsetSlot] as number;
      const fadeIn = Math.min(1, (within - (onset - crossfade)) / crossfade);
      const position = (current[sourceSlot] as number) + (within - onset) * step;
      primary[i] = sourceShift + position;
      primaryGain[i] = current[existsSlot] === 1 ? fadeIn * Math.min(1, Math.max(0, ((current[tailSlot] as number) - position) / this.tailFade)) : 0;
      // The slice before, fading out under this one's fade-in.
      const before = (previous[sourceSlot] as number) + (within - (previous[onsetSlot] as number)) * step;
      secondary[i] = sourceShift + before;
      const fading = fadeIn < 1 && previous[existsSlot] === 1;
      secondaryGain[i] = fading ? (1 - fadeIn) * Math.min(1, Math.max(0, ((previous[tailSlot] as number) - before) / this.tailFade)) : 0;
      if (fading && i < secondaryFrom) secondaryFrom = i;
      if (fading) secondaryTo = i + 1;
    }
    source.foldPositions(primary, 0, count);
    const { valuesLeft, valuesRight } = this;
    interpolator.gatherStereo(source.left, source.right, primary, 0, count, this.rate, valuesLeft, valuesRight);
    for (let i = 0; i < count; i++) {
      const gain = primaryGain[i] as number;
      left[at + i] = (valuesLeft[i] as number) * gain;
      right[at + i] = (valuesRight[i] as number) * gain;
    }
    if (secondaryFrom >= secondaryTo) return;
    source.foldPositions(secondary, secondaryFrom, secondaryTo);
    interpolator.gatherStereo(source.left, source.right, secondary, secondaryFrom, secondaryTo, this.rate, valuesLeft, valuesRight);
    for (let i = secondaryFrom; i < secondaryTo; i++) {
      const gain = secondaryGain[i] as number;
      left[at + i] = (left[at + i] as number) + (valuesLeft[i] as number) * gain;
      right[at + i] = (right[at + i] as number) + (valuesRight[i] as number) * gain;
    }
  }

  /**
   * Writes slot s of the current pass into `out`: whether it holds a slice (slots below 0 are the
   * previous pass's, only for a looping clip), its onset (output frame), its source start and
   * the source frame its tail must fade out by (before the next slice's attack; Infinity when the
   * next slice starts on the grid).
   */
  private describe(slot: number, out: Float64Array): void {
    const { outputStart, sourceStart, attack, passOutput, passSource } = this.slices;
    const count = outputStart.length;
    const loops = passOutput !== Infinity;
    if (slot < (loops ? -count : 0)) {
      out[existsSlot] = 0;
      out[onsetSlot] = 0;
      out[sourceSlot] = 0;
      out[tailSlot] = 0;
      return;
    }
    const index = slot < 0 ? slot + count : slot;
    out[existsSlot] = 1;
    out[onsetSlot] = (outputStart[index] as number) - (slot < 0 ? passOutput : 0);
    out[sourceSlot] = (sourceStart[index] as number) - (slot < 0 ? passSource : 0);
    const next = slot + 1;
    if (next >= count && !loops) {
      out[tailSlot] = Infinity;
      return;
    }
    const nextIndex = next < 0 ? next + count : next >= count ? next - count : next;
    const nextShift = next < 0 ? -passSource : next >= count ? passSource : 0;
    out[tailSlot] = attack[nextIndex] === 1 ? (sourceStart[nextIndex] as number) + nextShift - this.crossfade * this.rate.step : Infinity;
  }
}

/** Slots of a slot description (see `describe`). */
const existsSlot = 0;
const onsetSlot = 1;
const sourceSlot = 2;
const tailSlot = 3;
