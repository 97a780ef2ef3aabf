import type { SincInterpolator } from '../dsp/sinc-interpolator';
import type { EngineClip } from '../protocol/engine';
import { beatsToSamples, bpm, beats, decibelsToGain, hertz } from '../std/units';
import type { PooledSample } from './sample-pool';

/**
 * One clip placed on the timeline at a given tempo and engine rate: where it starts and ends in
 * frames, and how it reads its source. Rendering is a pure function of the timeline frame, so
 * any block partition, seek or loop gives the same samples (the null test relies on it).
 *
 * Source reading: `step` source frames per output frame (source rate ÷ engine rate × clip rate),
 * band-limited by the sinc interpolator; a same-rate clip at rate 1 reads the file sample for
 * sample. Without loop the clip falls silent when the source runs out; with loop the source from
 * `offset` repeats. Reverse plays the reversed source. Fades are linear over seconds of source
 * time from the clip's start and before its end.
 */
export class ClipVoice {
  readonly startFrame: number;
  readonly endFrame: number;
  private readonly step: number;
  private readonly offsetFrames: number;
  private readonly gain: number;
  /** Source frames of fade; 0 for none. */
  private readonly fadeInFrames: number;
  private readonly fadeOutFrames: number;

  constructor(
    readonly clip: EngineClip,
    private readonly sample: PooledSample,
    tempo: number,
    engineRate: number,
  ) {
    this.startFrame = beatsToSamples(beats(clip.start), bpm(tempo), hertz(engineRate));
    this.endFrame = beatsToSamples(beats(clip.start + clip.length), bpm(tempo), hertz(engineRate));
    this.step = (sample.sampleRate / engineRate) * clip.rate;
    this.offsetFrames = snapToInteger(clip.offset * sample.sampleRate);
    this.gain = decibelsToGain(clip.gainDb);
    this.fadeInFrames = clip.fadeIn * sample.sampleRate;
    this.fadeOutFrames = clip.fadeOut * sample.sampleRate;
  }

  get channelCount(): number {
    return this.sample.planes.length;
  }

  /**
   * Adds the clip into `left`/`right` at [at, at + count) for timeline frames starting at
   * `frame`, scaled by the pan gains of the track.
   */
  mixInto(
    interpolator: SincInterpolator,
    left: Float32Array,
    right: Float32Array,
    at: number,
    frame: number,
    count: number,
    gainLeft: number,
    gainRight: number,
  ): void {
    const first = Math.max(0, this.startFrame - frame);
    const last = Math.min(count, this.endFrame - frame);
    if (first >= last) return;
    const planeLeft = this.sample.planes[0];
    if (!planeLeft) return;
    const planeRight = this.sample.planes[1] ?? planeLeft;
    const stereo = planeRight !== planeLeft;
    const sourceFrames = this.sample.frames;
    const loopFrames = sourceFrames - this.offsetFrames;
    if (loopFrames <= 0) return;
    const step = this.step;
    const lastIndex = sourceFrames - 1;
    for (let i = first; i < last; i++) {
      const elapsed = (frame + i - this.startFrame) * step;
      const remaining = (this.endFrame - frame - i) * step;
      let position: number;
      if (this.clip.loop) position = this.offsetFrames + (elapsed % loopFrames);
      else {
        position = this.offsetFrames + elapsed;
        if (position >= sourceFrames) break;
      }
      if (this.clip.reverse) position = lastIndex - position;
      let gain = this.gain;
      if (elapsed < this.fadeInFrames) gain *= elapsed / this.fadeInFrames;
      if (remaining < this.fadeOutFrames) gain *= remaining / this.fadeOutFrames;
      const l = interpolator.valueAt(planeLeft, position, step) * gain;
      const r = stereo ? interpolator.valueAt(planeRight, position, step) * gain : l;
      left[at + i] = (left[at + i] ?? 0) + l * gainLeft;
      right[at + i] = (right[at + i] ?? 0) + r * gainRight;
    }
  }
}

/** Source offsets like 0.1 s × 44,100 Hz land a hair off the integer; snap them so same-rate clips stay bit-exact. */
function snapToInteger(frames: number): number {
  const nearest = Math.round(frames);
  return Math.abs(frames - nearest) < 1e-6 ? nearest : frames;
}
