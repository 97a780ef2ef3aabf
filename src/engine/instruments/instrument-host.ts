/**
 * A track's instrument in the engine: its processor, its parameters' view, the note schedule of
 * its clips and the live notes waiting for the next block. Each segment it gathers the events
 * (releases of the schedule's notes and live notes on the segment's first frame, then the
 * scheduled ones), lets the instrument play them, and adds its stereo output to the track's
 * input. It keeps count of the schedule's sounding notes, so a loop wrap, a seek or an edit
 * releases those and leaves live notes alone. Allocates only when built.
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
  /** Per MIDI pitch: the schedule's notes sounding (started by it and not yet released by it). */
  private readonly scheduled = new Uint8Array(128);
  /** Releases of the schedule's notes for the next block (one per pitch at most: never full). */
  private readonly releases = new NoteEvents(128);
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

  /** Releases every sounding note and forgets waiting live notes (stop, device loss). */
  allNotesOff(): void {
    this.live.clear();
    this.releases.clear();
    this.scheduled.fill(0);
    this.processor.allNotesOff();
  }

  /**
   * Releases, on the next block's first frame, the notes the schedule started and has not released
   * (a loop wrap, a seek, edited clips: its own note-offs will not come). Notes played live keep
   * sounding, and a drum hit rings out as a one-shot does.
   */
  releaseScheduled(): void {
    const scheduled = this.scheduled;
    for (let pitch = 0; pitch < 128; pitch++) {
      if (scheduled[pitch] === 0) continue;
      scheduled[pitch] = 0;
      this.releases.push(0, noteEventKind.off, pitch, 0);
    }
  }

  /**
   * Plays timeline frames [frame, frame + frames) (`playing`: the scheduled notes too) and adds
   * the output into `left`/`right` [0, frames).
   */
  render(left: Float32Array, right: Float32Array, playing: boolean, frame: number, frames: number, context: BlockContext): void {
    const events = this.events;
    events.clear();
    const releases = this.releases;
    for (let i = 0; i < releases.count; i++) events.push(0, noteEventKind.off, releases.pitch[i] as number, 0);
    releases.clear();
    const live = this.live;
    for (let i = 0; i < live.count; i++) events.push(0, live.kind[i] as number, live.pitch[i] as number, live.velocity[i] as number);
    live.clear();
    if (playing) {
      const first = events.count;
      this.schedule.take(events, frame, frames);
      this.countScheduled(first);
    }
    this.processor.process(this.left, this.right, this.params, events, frames, context);
    for (let i = 0; i < frames; i++) {
      left[i] = (left[i] as number) + (this.left[i] as number);
      right[i] = (right[i] as number) + (this.right[i] as number);
    }
  }

  /** Counts the schedule's ons and offs among `events` from `first` on. */
  private countScheduled(first: number): void {
    const events = this.events;
    const scheduled = this.scheduled;
    for (let i = first; i < events.count; i++) {
      const pitch = events.pitch[i] as number;
      if (events.kind[i] === noteEventKind.on) scheduled[pitch] = Math.min(255, (scheduled[pitch] as number) + 1);
      else if ((scheduled[pitch] as number) > 0) scheduled[pitch] = (scheduled[pitch] as number) - 1;
    }
  }
}
