import type { InputChannels } from '../../src/protocol/capture';
import { statusSlots } from '../../src/protocol/engine';
import type { AudioHost } from './audio-host';
import type { InputCapture } from './input-capture';

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
 * to lands where it was heard. Audio from before the timeline's start is dropped.
 */
export class TakeRecorder {
  /** The timeline frame of the take's first written frame, once known (at the first drain). */
  private startFrame: number | null = null;
  private skip = 0;
  private written = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sending: Promise<boolean> = Promise.resolve(true);
  private stopped = false;

  constructor(
    private readonly host: AudioHost,
    private readonly capture: InputCapture,
    private readonly channels: InputChannels,
    private readonly roundTripFrames: number,
    private readonly sink: TakeSink,
    private readonly onEnded: (why: TakeEnd) => void,
  ) {}

  /** Waits for the engine to play, then captures from the next block. */
  async start(): Promise<void> {
    while (this.host.status[statusSlots.playing] !== 1) await new Promise((resolve) => setTimeout(resolve, 5));
    this.capture.start(this.channels);
    this.timer = setInterval(() => this.drain(), drainMs);
  }

  /** Stops capturing, hands on the rest; answers the take's timeline start frame and length (frames written). */
  async stop(): Promise<{ startFrame: number; frames: number }> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.capture.stop();
    this.drain();
    this.stopped = true;
    await this.sending;
    return { startFrame: this.startFrame ?? 0, frames: this.written };
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
    if (frames === 0) return;
    if (this.startFrame === null) {
      const heard = this.timelineFrameAt(chunk.startContextFrame) - this.roundTripFrames;
      this.skip = Math.max(0, -Math.round(heard));
      this.startFrame = Math.max(0, Math.round(heard));
    }
    const drop = Math.min(this.skip, frames);
    this.skip -= drop;
    if (drop === frames) return;
    const planes = drop > 0 ? chunk.channels.map((plane) => plane.subarray(drop)) : chunk.channels;
    this.written += frames - drop;
    this.sending = this.sending.then(async (going) => {
      if (!going) return false;
      const keep = await this.sink(planes);
      if (!keep) this.onEnded('sink-stopped');
      return keep;
    });
  }

  /** The timeline frame heard at `contextFrame` (the transport plays straight through, no loop wrap in between). */
  private timelineFrameAt(contextFrame: number): number {
    const status = this.host.status;
    for (;;) {
      const at = status[statusSlots.contextFrame] as number;
      const playhead = status[statusSlots.playheadFrame] as number;
      if (at >= 0 && status[statusSlots.contextFrame] === at) return playhead + (contextFrame - at);
    }
  }
}
