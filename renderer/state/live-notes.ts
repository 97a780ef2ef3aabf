/**
 * Notes played in by hand (the computer keyboard, MIDI inputs) on their way to the armed track's
 * instrument: which source holds which pitch, the sustain pedal (a released key keeps sounding
 * while any source holds the pedal down), and the one rule that makes stuck notes impossible —
 * every note that was sent on is sent off when its key, its pedal, its source, its track or the
 * transport goes away.
 *
 * Listeners get every on and off as the instrument must hear it: the engine's live-note entry
 * (velocity 0 = off), a take (which so records what was heard, pedal included) and the on-screen keys.
 */

export interface LiveNoteEvent {
  readonly trackId: string;
  readonly pitch: number;
  /** 0 < velocity ≤ 1 for an on, 0 for an off. */
  readonly velocity: number;
  /** When it was played, in `performance.now()` milliseconds: the key's or the MIDI message's own time stamp. */
  readonly time: number;
}

export class LiveNotes {
  private track: string | null = null;
  /** Pitch → the sources holding its key down. */
  private readonly holders = new Map<number, Set<string>>();
  /** Pitches still sounding after their keys were released, because the pedal is down. */
  private readonly sustained = new Set<number>();
  private readonly pedals = new Set<string>();
  private readonly listeners = new Set<(event: LiveNoteEvent) => void>();

  get trackId(): string | null {
    return this.track;
  }

  /** Plays into another track (or none); whatever sounds on the old one stops. */
  setTrack(trackId: string | null): void {
    if (trackId === this.track) return;
    this.allNotesOff();
    this.track = trackId;
  }

  /** `time`: when it was played (`performance.now()` ms), so a take places it where it was heard however late this runs. */
  noteOn(source: string, pitch: number, velocity: number, time = performance.now()): void {
    if (this.track === null || velocity <= 0) return;
    if (this.sounding(pitch)) this.emit(pitch, 0, time);
    this.sustained.delete(pitch);
    const holding = this.holders.get(pitch) ?? new Set<string>();
    holding.add(source);
    this.holders.set(pitch, holding);
    this.emit(pitch, Math.min(1, velocity), time);
  }

  noteOff(source: string, pitch: number, time = performance.now()): void {
    const holding = this.holders.get(pitch);
    if (!holding?.delete(source) || holding.size > 0) return;
    this.holders.delete(pitch);
    if (this.pedals.size > 0) this.sustained.add(pitch);
    else this.emit(pitch, 0, time);
  }

  /** The sustain pedal (MIDI CC 64) of one source, down or up. */
  pedal(source: string, down: boolean): void {
    if (down) {
      this.pedals.add(source);
      return;
    }
    if (!this.pedals.delete(source) || this.pedals.size > 0) return;
    const time = performance.now();
    for (const pitch of this.sustained) this.emit(pitch, 0, time);
    this.sustained.clear();
  }

  /** A source went away (a device unplugged, the window lost the keyboard): its keys and pedal let go. */
  releaseSource(source: string): void {
    for (const [pitch, holding] of [...this.holders]) if (holding.has(source)) this.noteOff(source, pitch);
    this.pedal(source, false);
  }

  /** Everything that sounds stops, whatever holds it (stop, track change, device loss). */
  allNotesOff(): void {
    const pitches = new Set([...this.holders.keys(), ...this.sustained]);
    this.holders.clear();
    this.sustained.clear();
    this.pedals.clear();
    const time = performance.now();
    for (const pitch of pitches) this.emit(pitch, 0, time);
  }

  /** Subscribes to what the instrument must hear; returns the unsubscribe. */
  listen(listener: (event: LiveNoteEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private sounding(pitch: number): boolean {
    return this.holders.has(pitch) || this.sustained.has(pitch);
  }

  private emit(pitch: number, velocity: number, time: number): void {
    if (this.track === null) return;
    const event = { trackId: this.track, pitch, velocity, time };
    for (const listener of this.listeners) listener(event);
  }
}
