import type { BlockContext, ParamView } from '../devices/device-processor';

/** What a note event does: start a note, or release it. */
export const noteEventKind = { off: 0, on: 1 } as const;

/**
 * The note events of one block, in frame order: preallocated by the engine and refilled before
 * every block, so nothing is allocated on the audio thread. Event `i` (i < `count`) happens at
 * frame `frame[i]` of the block (0 ≤ frame < the block's frames); at equal frames, offs come
 * before ons, so a retriggered pitch is released before it starts again.
 */
export class NoteEvents {
  count = 0;
  readonly frame: Int32Array;
  /** `noteEventKind.on` or `.off`. */
  readonly kind: Uint8Array;
  /** MIDI note number 0–127 (60 = C4, 69 = A4 at 440 Hz). */
  readonly pitch: Uint8Array;
  /** 0 < velocity ≤ 1 for ons; the release velocity (or 0) for offs. */
  readonly velocity: Float32Array;

  constructor(readonly capacity: number) {
    this.frame = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.pitch = new Uint8Array(capacity);
    this.velocity = new Float32Array(capacity);
  }

  clear(): void {
    this.count = 0;
  }

  /** Appends an event; returns false (and drops it) when the block's queue is full. */
  push(frame: number, kind: number, pitch: number, velocity: number): boolean {
    if (this.count === this.capacity) return false;
    const i = this.count++;
    this.frame[i] = frame;
    this.kind[i] = kind;
    this.pitch[i] = pitch;
    this.velocity[i] = velocity;
    return true;
  }
}

/**
 * An instrument: notes in, stereo audio out. The engine calls `process` once per block with the
 * block's events; the output is the track channel's input (before its inserts). Deterministic and
 * allocation-free, like every device: the same events and parameters give the same samples in
 * the worklet and in the render worker.
 */
export interface InstrumentProcessor {
  /**
   * Overwrites `left`/`right` [0, frames) with the instrument's output, starting and releasing
   * notes on the exact frames of `events`. Never allocates.
   */
  process(left: Float32Array, right: Float32Array, params: ParamView, events: NoteEvents, frames: number, context: BlockContext): void;
  /** Releases every sounding note (with its normal release): on stop and device loss. */
  allNotesOff(): void;
  /** Silences at once and forgets all state (voices, envelopes, filters). */
  reset(): void;
}
