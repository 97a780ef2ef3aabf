/**
 * The instrument half of the renderer⇄worklet contract (format v4): what an instrument track's
 * instrument is as the engine runs it, and the note clips it plays, compiled from the project by
 * `compileEngineDocument`. Parameters travel as `set-param` like a device's, under the
 * instrument's id.
 */
import type { InstrumentType } from '../devices/instruments/catalog';
import type { StepDivision } from '../devices/instruments/note-grid';

/** A sampler's zone with its source resolved to a pooled sample; times in seconds of the sample. */
export interface EngineSamplerZone {
  readonly sampleId: string;
  readonly rootNote: number;
  readonly start: number;
  readonly end: number;
  readonly loopStart: number;
  readonly loopEnd: number;
  readonly slices: readonly number[];
}

/** A drum pad: its pooled sample (null = empty), its settings in `drumPadParams` order and where it plays. */
export interface EngineDrumPad {
  readonly sampleId: string | null;
  readonly params: readonly number[];
  /** A bus id: the pad plays straight into that bus (past the track's inserts and fader); null: into the track's channel. */
  readonly output: string | null;
}

/** The buses a drum machine's pads play into past its track's channel, each once, in pad order. */
export function padOutputs(instrument: EngineInstrument | null | undefined): string[] {
  const outputs: string[] = [];
  for (const pad of instrument?.pads ?? []) if (pad.output !== null && !outputs.includes(pad.output)) outputs.push(pad.output);
  return outputs;
}

/** The instrument of a track; its parameters live in the parameter table under `id`. */
export interface EngineInstrument {
  readonly id: string;
  readonly type: InstrumentType;
  /** The sampler's zone; null for other types or an empty sampler. */
  readonly zone: EngineSamplerZone | null;
  /** The drum machine's 16 pads; empty for other types. */
  readonly pads: readonly EngineDrumPad[];
}

/** A pattern note, as the format has it (beats from the pattern's start). */
export interface EngineNote {
  readonly pitch: number;
  readonly start: number;
  readonly length: number;
  readonly velocity: number;
  readonly probability?: number | undefined;
  readonly ratchet?: number | undefined;
}

/** A note clip with its pattern resolved: what the note scheduler turns into events. */
export interface EngineNoteClip {
  readonly id: string;
  /** Beats from the start of the timeline. */
  readonly start: number;
  readonly length: number;
  /** Beats into the pattern where the clip starts. */
  readonly offset: number;
  readonly loop: boolean;
  readonly mute: boolean;
  /** The pattern's notes (sorted by start, then pitch) and length in beats. */
  readonly notes: readonly EngineNote[];
  readonly patternLength: number;
  /** The swing that applies (the pattern's, else the song's), percent, on steps of `division`. */
  readonly swing: number;
  readonly division: StepDivision;
}
