import type { InputChannels } from '../../src/protocol/capture';
import { statusSlots } from '../../src/protocol/engine';
import type { AudioHost } from './audio-host';
import type { InputCapture } from './input-capture';
import type { KeptPass, TakePasses } from './take-passes';

/** How often the recorded input is handed on (about four times a second). */
const drainMs = 250;

/** Receives a take's audio in order; answers false to stop the take (the disk is full). */
export type TakeSink = (channels: Float32Array[]) => Promise<boolean>;

/** Why a take ends by itself: the sink refused more (a full disk) or the input device went away. */
export type TakeEnd = 'sink-stopped' | 'input-lost';

/**
 * Records one take from an open input while the engine plays, and finds where it belongs on the
 * timeline: the capture worklet notes the AudioContext frame of the take's first sample, the
 * engine's status says which timeline frame is heard at which context frame (same context), and
 * the round trip (output → input, measured or reported) is taken off, so what was played along
 * to lands where it was heard. `TakePasses` then keeps what belongs in the take (the loop range,
 * pass by pass; the punch range; nothing before the timeline's start) and only that is written.
 */
export class TakeRecorder {
  /** The heard position of the capture's first frame, once known (at the first drain). */
  private heardStart: number | null = null;
  /** Frames captured so far (kept or not). */
  private captured = 0;
  /** The heard position at a context frame, read as the transport started (before any loop wrap). */
  private anchor: { contextFrame: number; heard: number } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sending: Promise<boolean> = Promise.resolve(true);
  private stopped = false;

  constructor(
    private readonly host: AudioHost,
    private readonly capture: InputCapture,
    private readonly channels: InputChannels,
    private readonly roundTripFrames: number,
    private readonly passes: TakePasses,
    private readonly sink: TakeSink,
    private readonly onEnded: (why: TakeEnd) => void,
  ) {}

  /**
   * Captures from the next block on, then has `play` start the transport and waits until it plays:
   * capturing first means the take's first frame is never lost to the capture's start-up (what
   * comes before the transport's start is not kept, see TakePasses).
   */
  async start(play: () => Promise<void>): Promise<void> {
    this.capture.start(this.channels);
    await play();
    while (this.host.status[statusSlots.playing] !== 1) await new Promise((resolve) => setTimeout(resolve, 5));
    this.anchor = this.heardNow();
    this.timer = setInterval(() => this.drain(), drainMs);
  }

  /** Stops capturing, hands on the rest; answers the passes kept (timeline and file frames). */
  async stop(): Promise<KeptPass[]> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.capture.stop();
    this.drain();
    this.stopped = true;
    await this.sending;
    return this.passes.passes;
  }

  private drain(): void {
    if (this.stopped) return;
    if (this.capture.deviceLost && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
      this.onEnded('input-lost');
    }
    const chunk = this.capture.drain(this.channels.length);
    const frames = chunk.channels[0]?.length ?? 0;
    if (frames === 0 || !this.anchor) return;
    this.heardStart ??= this.anchor.heard + (chunk.startContextFrame - this.anchor.contextFrame) - this.roundTripFrames;
    const runs: [number, number][] = [];
    this.passes.place(this.heardStart + this.captured, frames, (from, count) => runs.push([from, count]));
    this.captured += frames;
    if (runs.length === 0) return;
    const planes = chunk.channels.map((plane) => join(plane, runs));
    this.sending = this.sending.then(async (going) => {
      if (!going) return false;
      const keep = await this.sink(planes);
      if (!keep) this.onEnded('sink-stopped');
      return keep;
    });
  }

  /** The timeline frame heard now, and the context frame it belongs to (a consistent pair of the status). */
  private heardNow(): { contextFrame: number; heard: number } {
    const status = this.host.status;
    for (;;) {
      const at = status[statusSlots.contextFrame] as number;
      const playhead = status[statusSlots.playheadFrame] as number;
      if (at >= 0 && status[statusSlots.contextFrame] === at) return { contextFrame: at, heard: playhead };
    }
  }
}

/** The runs of `plane` (start, count) one after the other. */
function join(plane: Float32Array, runs: readonly [number, number][]): Float32Array {
  const only = runs.length === 1 ? runs[0] : undefined;
  if (only) return only[0] === 0 && only[1] === plane.length ? plane : plane.subarray(only[0], only[0] + only[1]);
  const out = new Float32Array(runs.reduce((sum, [, count]) => sum + count, 0));
  let at = 0;
  for (const [from, count] of runs) {
    out.set(plane.subarray(from, from + count), at);
    at += count;
  }
  return out;
}
