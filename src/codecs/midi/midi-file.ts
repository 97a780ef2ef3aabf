/**
 * A Standard MIDI File as Glowroom reads and writes it: notes paired from their on/off events,
 * the tempo map and the meter map. Positions are in ticks of `ticksPerQuarter` (the file's own
 * resolution), so a file read and written again keeps every position exactly.
 *
 * Limits: what a real song file holds, with room to spare; beyond them a file is refused before
 * anything is built from it (a hostile header cannot make the reader allocate or loop for long).
 */

/** A note: a paired note-on and note-off on one channel. */
export interface MidiNote {
  /** 0–15 (channel 10 of the spec, the GM drum channel, is 9). */
  readonly channel: number;
  /** 0–127, 60 = middle C. */
  readonly pitch: number;
  /** 1–127 (a note-on with velocity 0 is a note-off). */
  readonly velocity: number;
  /** Ticks from the start of the song. */
  readonly start: number;
  /** Ticks, at least 1. */
  readonly duration: number;
}

export interface MidiTrack {
  /** The track-name meta event, or '' when the track has none. */
  readonly name: string;
  /** Sorted by start, then pitch, then channel. */
  readonly notes: readonly MidiNote[];
}

/** A tempo meta event: from `tick` on, a quarter note lasts `microsPerQuarter` µs. */
export interface MidiTempo {
  readonly tick: number;
  readonly microsPerQuarter: number;
}

/** A time-signature meta event: `numerator`/`denominator` from `tick` on. */
export interface MidiMeter {
  readonly tick: number;
  readonly numerator: number;
  /** A power of two, 1–64. */
  readonly denominator: number;
}

export interface MidiFile {
  /** 0: one track holds every channel; 1: several tracks played together. */
  readonly format: 0 | 1;
  /** Pulses per quarter note (1–32767). */
  readonly ticksPerQuarter: number;
  /** Tracks in file order, including ones without notes (a type-1 file's tempo track). */
  readonly tracks: readonly MidiTrack[];
  /** Sorted by tick, one per tick (the last event at a tick wins), from every track. */
  readonly tempos: readonly MidiTempo[];
  /** Sorted by tick, one per tick, from every track. */
  readonly meters: readonly MidiMeter[];
}

/** The GM percussion channel (channel 10 counted from 1). */
export const drumChannel = 9;

export const midiLimits = {
  /** 16 MiB: a dense orchestral type-1 file is well under 1 MiB. */
  maxFileBytes: 16 * 1024 * 1024,
  /** Tracks in one file (the format allows 65,535; sequencers write tens). */
  maxTracks: 256,
  /** Notes in one file, across tracks. */
  maxNotes: 500_000,
  /** The last tick any event may fall on: 2^31 − 1, far past any song at any resolution. */
  maxTick: 0x7fffffff,
} as const;

/** The default resolution Glowroom writes: 960 divides into every straight and triplet grid down to 1/64T. */
export const defaultTicksPerQuarter = 960;
