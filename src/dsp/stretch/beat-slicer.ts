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

  constructor(
    private readonly source: StretchSource,
    private readonly slices: Slices,
    /** Source frames per output frame inside a slice: source rate ÷ engine rate × pitch ratio. */
    step: number,
    private readonly crossfade: number,
    private readonly tailFade: number,
    maxBlockFrames: number,
  ) {
    this.rate = { step };
    this.primary = new Float64Array(maxBlockFrames);
    this.primaryGain = new Float64Array(maxBlockFrames);
    this.secondary = new Float64Array(maxBlockFrames);
    this.secondaryGain = new Float64Array(maxBlockFrames);
    this.valuesLeft = new Float64Array(maxBlockFrames);
    this.valuesRight = new Float64Array(maxBlockFrames);
  }

  /** Output frames [frame, frame + count) into `left`/`right` at [at, at + count), replacing what is there. */
  render(interpolator: SincInterpolator, frame: number, count: number, left: Float64Array, right: Float64Array, at: number): void {
    const { slices, source, crossfade } = this;
    let secondaryFrom = count;
    let secondaryTo = 0;
    for (let i = 0; i < count; i++) {
      const f = frame + i;
      const pass = slices.passOutput === Infinity ? 0 : Math.floor(f / slices.passOutput);
      const within = pass === 0 ? f : f - pass * slices.passOutput;
      const slot = this.slotAt(within + crossfade);
      // Slot −1 is the previous pass's last slice (or silence before the first slice).
      const onset = this.outputOf(slot);
      const fadeIn = Math.min(1, (within - (onset - crossfade)) / crossfade);
      const sourceShift = pass === 0 ? 0 : pass * slices.passSource;
      this.primary[i] = source.readPosition(sourceShift + this.positionIn(slot, within));
      this.primaryGain[i] = this.exists(slot) ? fadeIn * this.tail(slot, within) : 0;
      if (fadeIn < 1 && this.exists(slot - 1)) {
        this.secondary[i] = source.readPosition(sourceShift + this.positionIn(slot - 1, within));
        this.secondaryGain[i] = (1 - fadeIn) * this.tail(slot - 1, within);
        if (i < secondaryFrom) secondaryFrom = i;
        secondaryTo = i + 1;
      } else {
        this.secondary[i] = Number.NaN;
        this.secondaryGain[i] = 0;
      }
    }
    const { valuesLeft, valuesRight } = this;
    interpolator.gather(source.left, this.primary, 0, count, this.rate, valuesLeft);
    if (source.right !== source.left) interpolator.gather(source.right, this.primary, 0, count, this.rate, valuesRight);
    else valuesRight.set(valuesLeft);
    for (let i = 0; i < count; i++) {
      const gain = this.primaryGain[i] as number;
      left[at + i] = (valuesLeft[i] as number) * gain;
      right[at + i] = (valuesRight[i] as number) * gain;
    }
    if (secondaryFrom >= secondaryTo) return;
    interpolator.gather(source.left, this.secondary, secondaryFrom, secondaryTo, this.rate, valuesLeft);
    if (source.right !== source.left) interpolator.gather(source.right, this.secondary, secondaryFrom, secondaryTo, this.rate, valuesRight);
    else valuesRight.set(valuesLeft);
    for (let i = secondaryFrom; i < secondaryTo; i++) {
      const gain = this.secondaryGain[i] as number;
      left[at + i] = (left[at + i] as number) + (valuesLeft[i] as number) * gain;
      right[at + i] = (right[at + i] as number) + (valuesRight[i] as number) * gain;
    }
  }

  /** The last slot whose onset is at or before `within` (frames in the pass); −1 when none. */
  private slotAt(within: number): number {
    const starts = this.slices.outputStart;
    let slot = this.lastSlot;
    if (slot >= starts.length || (slot >= 0 && (starts[slot] as number) > within)) slot = -1;
    while (slot + 1 < starts.length && (starts[slot + 1] as number) <= within) slot++;
    this.lastSlot = slot < 0 ? 0 : slot;
    return slot;
  }

  /** Slot s's onset in output frames of this pass (s < 0: the previous pass's slots). */
  private outputOf(slot: number): number {
    const { outputStart, passOutput } = this.slices;
    const count = outputStart.length;
    if (slot >= 0) return slot < count ? (outputStart[slot] as number) : (outputStart[slot - count] as number) + passOutput;
    if (passOutput === Infinity) return -Infinity;
    return (outputStart[slot + count] as number) - passOutput;
  }

  private sourceOf(slot: number): number {
    const { sourceStart, passSource } = this.slices;
    const count = sourceStart.length;
    if (slot >= 0) return slot < count ? (sourceStart[slot] as number) : (sourceStart[slot - count] as number) + passSource;
    return (sourceStart[slot + count] as number) - passSource;
  }

  /** Whether slot s holds a slice: the previous pass's slots exist only for a looping clip. */
  private exists(slot: number): boolean {
    return slot >= 0 || (this.slices.passOutput !== Infinity && slot >= -this.slices.outputStart.length);
  }

  /** Unwrapped source frame slot s plays at output frame `within` of this pass. */
  private positionIn(slot: number, within: number): number {
    return this.sourceOf(slot) + (within - this.outputOf(slot)) * this.rate.step;
  }

  /** 1, or the fade before the next attack once slot s's reading reaches it. */
  private tail(slot: number, within: number): number {
    const next = slot + 1;
    const count = this.slices.attack.length;
    const isAttack = next < count ? this.slices.attack[next] === 1 : this.slices.passOutput !== Infinity && this.slices.attack[next - count] === 1;
    if (!isAttack) return 1;
    const end = this.sourceOf(next) - this.crossfade * this.rate.step;
    const left = end - this.positionIn(slot, within);
    return left <= 0 ? 0 : left >= this.tailFade ? 1 : left / this.tailFade;
  }
}
