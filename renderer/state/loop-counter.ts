/**
 * Counts the transport's passes through the loop during a take. The song's frame jumps back at
 * each wrap while the AudioContext's frame only grows, so from one pair of the two seen while
 * playing (the anchor, taken before the first wrap) the wraps up to any later pair are
 * (context frames gone by − song frames gone by) ÷ the loop's frames — whether or not anything
 * was played in between, and whatever side of a wrap a late key was heard on.
 */
export interface FramePair {
  /** Frames from the timeline's start. */
  readonly frame: number;
  /** The AudioContext frame it was (or is heard) at. */
  readonly contextFrame: number;
}

export class LoopCounter {
  private anchor: FramePair | null = null;

  /** `loopFrames`: one pass through the loop, in frames (> 0). */
  constructor(private readonly loopFrames: number) {}

  /** Keeps the first pair given while playing as the anchor; later ones are ignored. */
  anchorAt(pair: FramePair | null): void {
    if (this.anchor === null && pair !== null) this.anchor = pair;
  }

  get anchored(): boolean {
    return this.anchor !== null;
  }

  /** The wraps from the anchor to `pair`; null before there is an anchor. */
  wrapsAt(pair: FramePair | null): number | null {
    if (this.anchor === null || pair === null) return null;
    const wraps = (pair.contextFrame - this.anchor.contextFrame - (pair.frame - this.anchor.frame)) / this.loopFrames;
    return Math.max(0, Math.round(wraps));
  }
}
