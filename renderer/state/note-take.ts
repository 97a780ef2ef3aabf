/**
 * One pass of recording notes: ons and offs as the instrument heard them, at the playhead's beat.
 * When the transport loops, the playhead jumps back at the loop's end; the take keeps counting
 * time across the jump, so a note held over it keeps its length, folds every start back into the
 * loop range and remembers the pass it began in: each pass becomes a take (`finishPasses`), as in
 * Ableton's loop recording.
 */
export interface TakeNote {
  readonly pitch: number;
  /** Timeline beats. */
  readonly start: number;
  readonly length: number;
  /** 0 < velocity ≤ 1. */
  readonly velocity: number;
  /** The pass through the loop it began in, from 0 (0 when not looping). */
  readonly pass: number;
}

/** One pass through the loop: where it lies (timeline beats) and the notes that began in it. */
export interface TakePass {
  readonly start: number;
  readonly length: number;
  readonly notes: readonly TakeNote[];
}

export interface TakeRange {
  readonly start: number;
  readonly end: number;
}

/** The shortest note a take keeps, in beats (a key tapped within one block still sounds). */
const shortestNote = 1 / 128;

export class NoteTake {
  private readonly notes: TakeNote[] = [];
  private readonly open = new Map<number, { start: number; velocity: number }>();
  private wraps = 0;
  private last: number;
  private ended: number | null = null;

  /** `loop`: the range the playhead loops in while recording, or null. */
  constructor(
    readonly start: number,
    readonly loop: TakeRange | null,
  ) {
    this.last = start;
  }

  /**
   * A note-on (velocity > 0) or note-off (0) at the playhead's `beat`; `wraps`: the loop wraps
   * since the take began when known (`LoopCounter`), else they are inferred from the playhead
   * going back between calls.
   */
  note(pitch: number, velocity: number, beat: number, wraps: number | null = null): void {
    const time = this.time(beat, wraps);
    if (velocity > 0) {
      this.close(pitch, time);
      this.open.set(pitch, { start: time, velocity });
    } else {
      this.close(pitch, time);
    }
  }

  /** Ends the take at the playhead's `beat`: notes still held end there. Sorted by start, then pitch. */
  finish(beat: number, wraps: number | null = null): TakeNote[] {
    const time = this.ended ?? this.time(beat, wraps);
    this.ended = time;
    for (const pitch of [...this.open.keys()]) this.close(pitch, time);
    return this.notes.slice().sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  }

  /**
   * Ends a looped take at the playhead's `beat` (as `finish`) and splits it into its passes: each
   * is the loop range, the last cut where the take ended. Empty when not looping.
   */
  finishPasses(beat: number, wraps: number | null = null): TakePass[] {
    const notes = this.finish(beat, wraps);
    const { loop, ended } = this;
    if (!loop || ended === null) return [];
    const span = loop.end - loop.start;
    const count = this.passAt(ended) + 1;
    return Array.from({ length: count }, (_, pass) => ({
      start: loop.start,
      length: pass === count - 1 ? Math.min(span, ended - loop.start - pass * span) : span,
      notes: notes.filter((note) => note.pass === pass),
    }));
  }

  /** Whether anything was played. */
  get empty(): boolean {
    return this.notes.length === 0 && this.open.size === 0;
  }

  /** The playhead's beat as time since the take began, counting loop passes. */
  private time(beat: number, wraps: number | null): number {
    if (wraps !== null) this.wraps = wraps;
    else if (this.loop && beat < this.last - 1e-9) this.wraps++;
    this.last = beat;
    return beat + this.wraps * (this.loop ? this.loop.end - this.loop.start : 0);
  }

  private close(pitch: number, time: number): void {
    const open = this.open.get(pitch);
    if (!open) return;
    this.open.delete(pitch);
    const length = Math.max(shortestNote, time - open.start);
    this.notes.push({ pitch, start: this.fold(open.start), length: this.loop ? Math.min(length, this.loop.end - this.loop.start) : length, velocity: open.velocity, pass: this.passAt(open.start) });
  }

  /** The pass through the loop at take time `time`, from 0. */
  private passAt(time: number): number {
    return this.loop ? Math.max(0, Math.floor((time - this.loop.start) / (this.loop.end - this.loop.start) + 1e-9)) : 0;
  }

  private fold(time: number): number {
    if (!this.loop || time < this.loop.end) return time;
    const span = this.loop.end - this.loop.start;
    return this.loop.start + ((((time - this.loop.start) % span) + span) % span);
  }
}
