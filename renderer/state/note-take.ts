/**
 * One pass of recording notes: ons and offs as the instrument heard them, at the playhead's beat.
 * When the transport loops, the playhead jumps back at the loop's end; the take keeps counting
 * time across the jump, so a note held over it keeps its length, and folds every start back into
 * the loop range (each pass is overdubbed onto the same bars, as in Ableton's loop recording).
 */
export interface TakeNote {
  readonly pitch: number;
  /** Timeline beats. */
  readonly start: number;
  readonly length: number;
  /** 0 < velocity ≤ 1. */
  readonly velocity: number;
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

  /** `loop`: the range the playhead loops in while recording, or null. */
  constructor(
    readonly start: number,
    readonly loop: TakeRange | null,
  ) {
    this.last = start;
  }

  /** A note-on (velocity > 0) or note-off (0) at the playhead's `beat`. */
  note(pitch: number, velocity: number, beat: number): void {
    const time = this.time(beat);
    if (velocity > 0) {
      this.close(pitch, time);
      this.open.set(pitch, { start: time, velocity });
    } else {
      this.close(pitch, time);
    }
  }

  /** Ends the take at the playhead's `beat`: notes still held end there. Sorted by start, then pitch. */
  finish(beat: number): TakeNote[] {
    const time = this.time(beat);
    for (const pitch of [...this.open.keys()]) this.close(pitch, time);
    return this.notes.slice().sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  }

  /** Whether anything was played. */
  get empty(): boolean {
    return this.notes.length === 0 && this.open.size === 0;
  }

  /** The playhead's beat as time since the take began, counting loop passes. */
  private time(beat: number): number {
    if (this.loop && beat < this.last - 1e-9) this.wraps++;
    this.last = beat;
    return beat + this.wraps * (this.loop ? this.loop.end - this.loop.start : 0);
  }

  private close(pitch: number, time: number): void {
    const open = this.open.get(pitch);
    if (!open) return;
    this.open.delete(pitch);
    const length = Math.max(shortestNote, time - open.start);
    this.notes.push({ pitch, start: this.fold(open.start), length: this.loop ? Math.min(length, this.loop.end - this.loop.start) : length, velocity: open.velocity });
  }

  private fold(time: number): number {
    if (!this.loop || time < this.loop.end) return time;
    const span = this.loop.end - this.loop.start;
    return this.loop.start + ((((time - this.loop.start) % span) + span) % span);
  }
}
