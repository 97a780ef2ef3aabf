/**
 * Which recorded frames a take keeps and where they go on the timeline. The recorder hears the
 * input on one straight line of frames (the "heard" position: the timeline frame that was sounding
 * when the input was played, counted on without loop wraps); this maps it onto the timeline:
 *
 * - While looping (the transport started before the loop's end), every wrap starts a new pass and
 *   only the loop range is kept, so each pass is a take over the same region (the first begins
 *   where recording began when that was inside the loop; the last ends where Stop was pressed).
 * - With a punch range only the frames inside it are kept (in every pass): audio outside the range
 *   is never written.
 * - Nothing before where recording began (`from`: the capture runs from before the transport
 *   starts, so the take's first frame is never lost to the start-up) and nothing before the
 *   timeline's start is kept.
 *
 * The kept frames are written to one file in the order heard; each pass is one run of it. The
 * engine wraps its playhead ahead of what is heard when devices look ahead, but their delay lines
 * still play the loop's tail first, so what is heard wraps exactly at the loop's end. All
 * positions are whole frames.
 */

/** Frames [start, end) of the timeline. */
export interface FrameRange {
  readonly start: number;
  readonly end: number;
}

/** One pass as kept: its first timeline frame, where it begins in the file, and how many frames it has. */
export interface KeptPass {
  readonly timelineFrame: number;
  readonly fileFrame: number;
  readonly frames: number;
}

export class TakePasses {
  private readonly kept = new Map<number, { timelineFrame: number; fileFrame: number; frames: number }>();
  private fileFrames = 0;

  /**
   * `loop`: the loop range when the transport loops through it during this take (null when not
   * looping, or when the take began after the loop's end, where the transport does not wrap).
   * `punch`: the punch range, or null to keep everything. `from`: the timeline frame where
   * recording began.
   */
  constructor(
    private readonly loop: FrameRange | null,
    private readonly punch: FrameRange | null,
    private readonly from = 0,
  ) {}

  /**
   * Places `count` frames heard from the heard position `heard`: calls `keep(from, frames)` for each
   * run to write (indices into those `count` frames, in order), and notes where each run goes.
   */
  place(heard: number, count: number, keep: (from: number, frames: number) => void): void {
    const loop = this.loop;
    const low = Math.max(0, this.from, this.punch?.start ?? 0, loop?.start ?? 0);
    const high = Math.min(this.punch?.end ?? Infinity, loop?.end ?? Infinity);
    for (let i = 0; i < count; ) {
      const straight = heard + i;
      let pass = 0;
      let timeline = straight;
      if (loop && straight >= loop.end) {
        const into = straight - loop.end;
        const length = loop.end - loop.start;
        const wraps = Math.floor(into / length);
        pass = wraps + 1;
        timeline = loop.start + (into - wraps * length);
      }
      const run = loop ? Math.min(count - i, loop.end - timeline) : count - i;
      const from = Math.max(timeline, low);
      const to = Math.min(timeline + run, high);
      if (to > from) this.keepRun(pass, from, to - from, i + (from - timeline), keep);
      i += run;
    }
  }

  /** The passes kept so far, in the order recorded. */
  get passes(): KeptPass[] {
    return [...this.kept.entries()].sort((a, b) => a[0] - b[0]).map(([, pass]) => ({ ...pass }));
  }

  /** Frames written so far. */
  get frames(): number {
    return this.fileFrames;
  }

  private keepRun(pass: number, timelineFrame: number, frames: number, from: number, keep: (from: number, frames: number) => void): void {
    const kept = this.kept.get(pass);
    if (kept) kept.frames += frames;
    else this.kept.set(pass, { timelineFrame, fileFrame: this.fileFrames, frames });
    this.fileFrames += frames;
    keep(from, frames);
  }
}
