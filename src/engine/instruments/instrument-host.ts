/**
 * A track's instrument in the engine: its processor, its parameters' view, the note schedule of
 * its clips and the live notes waiting for the next block. Each segment it gathers the events
 * (live notes on the segment's first frame, then the scheduled ones), lets the instrument play
 * them, and adds its stereo output to the track's input. Allocates only when built.
 */
import { blockFrames } from '../../protocol/engine';
import type { EngineInstrument } from '../../protocol/engine-instruments';
import type { BlockContext, ParamView } from '../devices/device-processor';
import { NoteEvents, noteEventKind } from './instrument-processor';
import { NoteSchedule } from './note-schedule';
import type { HostedInstrument } from './registry';

/** Most events in one block: scheduled and live together (more are dropped, never allocated for). */
const eventCapacity = 1024;
/** Most live notes waiting for one block. */
const liveCapacity = 256;

export class InstrumentHost {
  schedule = NoteSchedule.empty;
  private readonly events = new NoteEvents(eventCapacity);
  private readonly live = new NoteEvents(liveCapacity);
  private readonly left = new Float32Array(blockFrames);
  private readonly right = new Float32Array(blockFrames);

  constructor(
    public instrument: EngineInstrument,
    readonly processor: HostedInstrument,
    public params: ParamView,
  ) {}

  /** A live note for the next block: velocity 0 (or less) releases the pitch. */
  queueLive(pitch: number, velocity: number): void {
    const on = velocity > 0;
    this.live.push(0, on ? noteEventKind.on : noteEventKind.off, pitch, on ? Math.min(1, velocity) : 0);
  }

  /** Releases every sounding note and forgets waiting live notes. */
  allNotesOff(): void {
    this.live.clear();
    this.processor.allNotesOff();
  }

  /**
   * Plays timeline frames [frame, frame + frames) (`playing`: the scheduled notes too) and adds
   * the output into `left`/`right` [0, frames).
   */
  render(left: Float32Array, right: Float32Array, playing: boolean, frame: number, frames: number, context: BlockContext): void {
    const events = this.events;
    events.clear();
    const live = this.live;
    for (let i = 0; i < live.count; i++) events.push(0, live.kind[i] as number, live.pitch[i] as number, live.velocity[i] as number);
    live.clear();
    if (playing) this.schedule.take(events, frame, frames);
    this.processor.process(this.left, this.right, this.params, events, frames, context);
    for (let i = 0; i < frames; i++) {
      left[i] = (left[i] as number) + (this.left[i] as number);
      right[i] = (right[i] as number) + (this.right[i] as number);
    }
  }
}
