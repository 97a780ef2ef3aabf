/**
 * The synth load the benchmarks play, shared by the Node bench and the worklet page: `voices`
 * notes held from the first block on a two-oscillator patch (unison 1), each through its own
 * 24 dB filter swept by its envelope, with vibrato from the LFO.
 */
import { synthSpec, polyphonyChoices, type SynthParamId } from '../../src/devices/instruments/synth';
import { BlockContext, ParamView } from '../../src/engine/devices/device-processor';
import { NoteEvents, noteEventKind, type InstrumentProcessor } from '../../src/engine/instruments/instrument-processor';
import type { ParamTable } from '../../src/engine/params/param-table';

export const benchPatch: Partial<Record<SynthParamId, number>> = {
  osc1Wave: 0,
  osc2Wave: 1,
  osc2Level: 50,
  osc2Detune: 0.07,
  cutoffHz: 2000,
  resonance: 30,
  filterEnvAmount: 2,
  filterDecayMs: 2000,
  filterSustain: 40,
  sustain: 100,
  lfoPitch: 0.1,
  polyphony: polyphonyChoices.indexOf(128),
};

export const benchPatchDescription = 'saw + pulse (unison 1), 24 dB low-pass at 2 kHz, resonance 30 %, filter envelope, LFO vibrato';

/** Drives an instrument block by block with `voices` notes started in the first block and held. */
export class SynthLoad {
  readonly left = new Float32Array(128);
  readonly right = new Float32Array(128);
  private readonly params: ParamView;
  private readonly events = new NoteEvents(256);
  private readonly context = new BlockContext();
  private first = true;

  constructor(
    private readonly synth: InstrumentProcessor,
    private readonly voices: number,
  ) {
    const values = Float64Array.from(synthSpec.params, (spec) => (benchPatch as Record<string, number | undefined>)[spec.id] ?? spec.default);
    this.params = new ParamView({ start: values, end: values.slice() } as unknown as ParamTable, 0, values.length);
  }

  /** Renders the next 128-frame block. */
  block(): void {
    const events = this.events;
    events.clear();
    if (this.first) {
      // Distinct pitches (a key struck again would release its first note), a few frames apart: 5 is prime to 128.
      for (let n = 0; n < this.voices; n++) events.push(n % 128, noteEventKind.on, (n * 5) % 128, 0.8);
      this.first = false;
    }
    this.context.beat += (128 / 48_000) * 2;
    this.synth.process(this.left, this.right, this.params, events, 128, this.context);
  }
}
