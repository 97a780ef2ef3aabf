import { synthSpec, type SynthParamId } from '../../../src/devices/instruments/synth';
import { BlockContext, ParamView } from '../../../src/engine/devices/device-processor';
import { NoteEvents, noteEventKind, type InstrumentProcessor } from '../../../src/engine/instruments/instrument-processor';
import type { ParamTable } from '../../../src/engine/params/param-table';

export const RATE = 48_000;
export const BLOCK = 128;

export type SynthParams = Partial<Record<SynthParamId, number>>;

/** A ParamView holding the synth's defaults with `overrides`, the same at every block's start and end. */
export function synthParams(overrides: SynthParams = {}): ParamView {
  const values = Float64Array.from(synthSpec.params, (spec) => (overrides as Record<string, number | undefined>)[spec.id] ?? spec.default);
  const table = { start: values, end: values.slice() } as unknown as ParamTable;
  return new ParamView(table, 0, values.length);
}

/** A note as the tests write it: frames from the start of the render. */
export interface TestNote {
  readonly pitch: number;
  readonly on: number;
  /** Frame of the note-off (absent: held to the end). */
  readonly off?: number;
  readonly velocity?: number;
}

/**
 * Renders `frames` frames of `instrument` in 128-frame blocks, feeding each block the events of
 * `notes` that fall in it (offs before ons at one frame, as the engine orders them). The transport
 * advances at `tempo` from beat 0.
 */
export function renderNotes(instrument: InstrumentProcessor, notes: readonly TestNote[], frames: number, params: ParamView = synthParams(), tempo = 120): [Float32Array, Float32Array] {
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  const blockL = new Float32Array(BLOCK);
  const blockR = new Float32Array(BLOCK);
  const events = new NoteEvents(256);
  const context = new BlockContext();
  context.tempo = tempo;
  const all = notes
    .flatMap((note) => [
      { frame: note.on, kind: noteEventKind.on, pitch: note.pitch, velocity: note.velocity ?? 1 },
      ...(note.off === undefined ? [] : [{ frame: note.off, kind: noteEventKind.off, pitch: note.pitch, velocity: 0 }]),
    ])
    .sort((a, b) => a.frame - b.frame || a.kind - b.kind);
  for (let start = 0; start < frames; start += BLOCK) {
    const n = Math.min(BLOCK, frames - start);
    events.clear();
    for (const event of all) if (event.frame >= start && event.frame < start + n) events.push(event.frame - start, event.kind, event.pitch, event.velocity);
    context.beat = (start / RATE) * (tempo / 60);
    instrument.process(blockL, blockR, params, events, n, context);
    left.set(blockL.subarray(0, n), start);
    right.set(blockR.subarray(0, n), start);
  }
  return [left, right];
}
