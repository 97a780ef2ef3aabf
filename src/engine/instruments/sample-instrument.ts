/**
 * What the sampler and the drum machine share: a voice pool rendered in the stretches between a
 * block's note events, each event applied on its exact frame, and the samples they play looked
 * up in the engine's pool when the instrument is (re)loaded. Subclasses say what a note does.
 */
import type { EngineInstrument } from '../../protocol/engine-instruments';
import type { BlockContext, ParamView } from '../devices/device-processor';
import type { StereoBlock } from '../graph/channel-strip';
import type { SamplePool } from '../sample-pool';
import { noteEventKind, type InstrumentProcessor, type NoteEvents } from './instrument-processor';
import { VoicePool } from './sample-voice';

/** A voice cut off by a choke, a steal or mono play fades out over this long. */
export const cutFadeMs = 3;

export abstract class SampleInstrument implements InstrumentProcessor {
  protected readonly voices: VoicePool;
  protected readonly cutFrames: number;

  constructor(
    protected readonly sampleRate: number,
    voiceCount: number,
  ) {
    this.voices = new VoicePool(voiceCount, sampleRate);
    this.cutFrames = Math.round((cutFadeMs * sampleRate) / 1000);
  }

  /** Takes the instrument's zone or pads, with their samples from `pool` (called when either changes). */
  abstract load(instrument: EngineInstrument, pool: SamplePool): void;

  /** What the pads with their own outputs played in the last block, in `padOutputs` order (the sampler has none). */
  get padBlocks(): readonly StereoBlock[] {
    return this.voices.outputs;
  }

  protected abstract noteOn(params: ParamView, pitch: number, velocity: number): void;
  protected abstract noteOff(params: ParamView, pitch: number): void;
  /** Reads the block's parameters before its events apply. */
  protected abstract prepare(params: ParamView): void;

  process(left: Float32Array, right: Float32Array, params: ParamView, events: NoteEvents, frames: number, _context: BlockContext): void {
    left.fill(0, 0, frames);
    right.fill(0, 0, frames);
    const outputs = this.voices.outputs;
    for (let o = 0; o < outputs.length; o++) {
      const output = outputs[o] as StereoBlock;
      output.left.fill(0, 0, frames);
      output.right.fill(0, 0, frames);
    }
    this.prepare(params);
    let cursor = 0;
    for (let e = 0; e < events.count; e++) {
      const raw = events.frame[e] as number;
      const frame = raw < cursor ? cursor : raw > frames ? frames : raw;
      if (frame > cursor) this.voices.render(left, right, cursor, frame);
      cursor = frame;
      const pitch = events.pitch[e] as number;
      if (events.kind[e] === noteEventKind.on) this.noteOn(params, pitch, events.velocity[e] as number);
      else this.noteOff(params, pitch);
    }
    if (cursor < frames) this.voices.render(left, right, cursor, frames);
  }

  allNotesOff(): void {
    this.voices.releaseAll();
  }

  reset(): void {
    this.voices.stopAll();
  }
}
