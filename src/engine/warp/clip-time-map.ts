import type { StretchMap } from '../../dsp/stretch/stretch-source';
import { WarpCurve } from '../../std/warp-curve';
import { blockFrames, type EngineClip, type EngineWarp } from '../../protocol/engine';
import type { Clock } from '../../std/clock';
import { beats } from '../../std/units';

/**
 * Where a warped clip is in its source at each output frame: timeline frame → song beat (the
 * song's clock, through its tempo map) → the clip's musical beat (its offset, its loop) → source seconds (the warp curve) →
 * source frames, unwrapped past the loop. Output frames count from the clip's start frame.
 */
export class ClipTimeMap implements StretchMap {
  readonly curve: WarpCurve;
  /** Clip beat where the clip's content starts (its offset) and where its source ends. */
  readonly offsetBeat: number;
  readonly endBeat: number;
  /** Beats and unwrapped source frames of one pass of a looping clip; Infinity when it does not loop. */
  readonly passBeats: number;
  readonly passSource: number;
  /** Each frame's loop pass during one `sourceFrames` call (calls cover at most a block). */
  private readonly passes = new Float64Array(blockFrames);

  constructor(
    private readonly clip: EngineClip,
    warp: EngineWarp,
    private readonly sourceRate: number,
    sourceFrames: number,
    private readonly startFrame: number,
    private readonly clock: Clock,
    /** The engine's sample rate (output frames per second). */
    private readonly engineRate: number,
  ) {
    this.curve = new WarpCurve(warp.markers, warp.sourceTempo);
    this.offsetBeat = this.curve.beatAt(clip.offset);
    this.endBeat = this.curve.beatAt(sourceFrames / sourceRate);
    const passBeats = this.endBeat - this.offsetBeat;
    this.passBeats = clip.loop && passBeats > 0 ? passBeats : Infinity;
    this.passSource = this.passBeats === Infinity ? Infinity : sourceFrames - clip.offset * sourceRate;
  }

  sourceFrames(frames: Float64Array, sources: Float64Array, from: number, to: number): void {
    const { curve, offsetBeat, passBeats, passSource, sourceRate, passes } = this;
    // Passes over arrays, so no double crosses a call: song beats, clip beats, source seconds, frames.
    this.clock.beatsAtFrames(frames, sources, from, to, this.startFrame, this.engineRate);
    for (let i = from; i < to; i++) {
      const elapsed = (sources[i] as number) - this.clip.start;
      const pass = passBeats === Infinity ? 0 : Math.floor(elapsed / passBeats);
      passes[i - from] = pass;
      sources[i] = offsetBeat + (pass === 0 ? elapsed : elapsed - pass * passBeats);
    }
    curve.secondsInPlace(sources, from, to);
    for (let i = from; i < to; i++) {
      const pass = passes[i - from] as number;
      sources[i] = (sources[i] as number) * sourceRate + (pass === 0 ? 0 : pass * passSource);
    }
  }

  /** The output frame (from the clip's start, unrounded) where clip beat `beat` of the first pass is heard. */
  outputFrameOf(beat: number): number {
    return this.clock.secondsAt(beats(this.clip.start + beat - this.offsetBeat)) * this.engineRate - this.startFrame;
  }
}
