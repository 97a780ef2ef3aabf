import type { ReadRate, SincInterpolator } from '../dsp/sinc-interpolator';
import { placeGains } from '../dsp/wasm/place-gains';
import type { EngineClip } from '../protocol/engine';
import type { Clock } from '../std/clock';
import { beats, decibelsToGain, hertz } from '../std/units';
import type { PanGains } from './pan-law';
import { windowAround, type PooledSample, type SamplePlacer } from './sample-pool';
import type { VoiceScratch } from './voice-scratch';

/**
 * One clip placed on the timeline by the song's clock at the engine's rate: where it starts and ends in
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
  /** Source frames per output frame, in an object so it reaches the interpolator unboxed. */
  private readonly rate: ReadRate;
  private readonly offsetFrames: number;
  private readonly gain: number;
  /** Source frames of fade; 0 for none. */
  private readonly fadeInFrames: number;
  private readonly fadeOutFrames: number;
  /**
   * Same rate, rate 1, from a whole-frame offset: every position is a whole frame, so the loop wrap
   * is counted rather than divided and the interpolator's answer is the frame itself, copied.
   */
  private readonly wholeFrames: boolean;

  constructor(
    readonly clip: EngineClip,
    private readonly sample: PooledSample,
    clock: Clock,
    engineRate: number,
  ) {
    this.startFrame = clock.frameAt(beats(clip.start), hertz(engineRate));
    this.endFrame = clock.frameAt(beats(clip.start + clip.length), hertz(engineRate));
    this.rate = { step: (sample.sampleRate / engineRate) * clip.rate, kernel: null };
    this.offsetFrames = snapToInteger(clip.offset * sample.sampleRate);
    this.gain = decibelsToGain(clip.gainDb);
    this.fadeInFrames = clip.fadeIn * sample.sampleRate;
    this.fadeOutFrames = clip.fadeOut * sample.sampleRate;
    this.wholeFrames = this.rate.step === 1 && Number.isInteger(this.offsetFrames) && Number.isInteger(this.startFrame);
  }

  get channelCount(): number {
    return this.sample.channelCount;
  }

  /**
   * Adds the clip into `left`/`right` at [at, at + count) for timeline frames starting at
   * `frame`, scaled by the track's pan gains for this clip's channel count.
   */
  mixInto(
    interpolator: SincInterpolator,
    scratch: VoiceScratch,
    left: Float32Array,
    right: Float32Array,
    at: number,
    frame: number,
    count: number,
    pan: PanGains,
  ): void {
    const first = Math.max(0, this.startFrame - frame);
    let last = Math.min(count, this.endFrame - frame);
    if (first >= last) return;
    const sample = this.sample;
    if (sample.channelCount === 0) return;
    const sourceFrames = sample.frames;
    const loopFrames = sourceFrames - this.offsetFrames;
    if (loopFrames <= 0) return;
    const { positions, gains } = scratch;
    const step = this.rate.step;
    const lastIndex = sourceFrames - 1;
    let lowest = Infinity;
    let highest = -Infinity;
    const wholeFrames = this.wholeFrames;
    const { loop, reverse } = this.clip;
    const { startFrame, endFrame, offsetFrames, fadeInFrames, fadeOutFrames } = this;
    // Elapsed time grows and remaining time shrinks along the block: when neither fade covers its
    // ends, every frame has the clip's gain as it is, and the fades need not be worked out per frame.
    const fading = (frame + first - startFrame) * step < fadeInFrames || (endFrame - frame - (last - 1)) * step < fadeOutFrames;
    // With whole frames, (elapsed % loopFrames) counted along: the same integers, no division per frame.
    if (wholeFrames && !fading && !reverse) {
      this.mixRuns(left, right, at, frame, first, last, pan);
      return;
    }
    let wrapped = wholeFrames ? (frame + first - startFrame) % loopFrames : 0;
    for (let i = first; i < last; i++) {
      const elapsed = (frame + i - startFrame) * step;
      let position: number;
      if (loop) {
        if (wholeFrames) {
          position = offsetFrames + wrapped;
          if (++wrapped === loopFrames) wrapped = 0;
        } else position = offsetFrames + (elapsed % loopFrames);
      } else {
        position = offsetFrames + elapsed;
        if (position >= sourceFrames) {
          last = i;
          break;
        }
      }
      if (reverse) position = lastIndex - position;
      positions[i] = position;
      if (position < lowest) lowest = position;
      if (position > highest) highest = position;
      let gain = this.gain;
      if (fading) {
        const remaining = (endFrame - frame - i) * step;
        if (elapsed < fadeInFrames) gain *= elapsed / fadeInFrames;
        if (remaining < fadeOutFrames) gain *= remaining / fadeOutFrames;
      }
      gains[i] = gain;
    }
    if (first >= last) return;
    // The source frames the interpolator's kernel reaches from these positions.
    const reach = interpolator.reach(step) + 1;
    const window = windowAround(sample, positions, first, last, Math.floor(lowest) - reach, Math.ceil(highest) + reach + 1);
    const planeLeft = window.planes[0] as Float32Array;
    const planeRight = window.planes[1] ?? planeLeft;
    const valuesRight = planeRight === planeLeft ? scratch.left : scratch.right;
    const gainLeft = pan.left;
    const gainRight = pan.right;
    if (wholeFrames) {
      // The interpolator's answer at step 1 and whole frames is the frame itself: read in place.
      for (let i = first; i < last; i++) {
        const gain = gains[i] as number;
        const position = positions[i] as number;
        left[at + i] = (left[at + i] as number) + (planeLeft[position] as number) * gain * gainLeft;
        right[at + i] = (right[at + i] as number) + (planeRight[position] as number) * gain * gainRight;
      }
      return;
    }
    interpolator.gatherStereo(planeLeft, planeRight, positions, first, last, this.rate, scratch.left, valuesRight);
    for (let i = first; i < last; i++) {
      const gain = gains[i] as number;
      left[at + i] = (left[at + i] as number) + (scratch.left[i] as number) * gain * gainLeft;
      right[at + i] = (right[at + i] as number) + (valuesRight[i] as number) * gain * gainRight;
    }
  }

  /**
   * Whether `place` can add this clip for timeline frames [frame, frame + count): its sample
   * offers a placer, and the clip covers every one of those frames reading its source frame for
   * frame, forwards, at its own gain (no fade reaches into them), as `mixRuns` reads it.
   */
  placeable(frame: number, count: number): boolean {
    const sample = this.sample;
    if (!sample.placer || !this.wholeFrames || this.clip.reverse) return false;
    if (frame < this.startFrame || frame + count > this.endFrame) return false;
    const loopFrames = sample.frames - this.offsetFrames;
    if (loopFrames <= 0) return false;
    if (!this.clip.loop && this.offsetFrames + (frame + count - this.startFrame) > sample.frames) return false;
    return frame - this.startFrame >= this.fadeInFrames && this.endFrame - frame - (count - 1) >= this.fadeOutFrames;
  }

  /**
   * Adds the clip for timeline frames [frame, frame + count) (where `placeable`) as its track's
   * strip with a still pan and nothing else on it would: the sample's placer writes the strip's
   * planes and adds into the out planes, `gains` (laid out as `placeGains`) holding the pan's
   * and the fader's factors; this writes the clip's gain into it.
   */
  place(frame: number, count: number, gains: Float64Array, stripLeft: Float32Array, stripRight: Float32Array, outLeft: Float32Array, outRight: Float32Array): void {
    const sample = this.sample;
    const placer = sample.placer as SamplePlacer;
    const sourceFrames = sample.frames;
    const offsetFrames = this.offsetFrames;
    gains[placeGains.clip] = this.gain;
    const elapsed = frame - this.startFrame;
    let position = offsetFrames + (this.clip.loop ? elapsed % (sourceFrames - offsetFrames) : elapsed);
    for (let i = 0; i < count; ) {
      const run = Math.min(count - i, sourceFrames - position);
      placer.place(position, run, i, gains, stripLeft, stripRight, outLeft, outRight);
      i += run;
      position = offsetFrames;
    }
  }

  /** Adds the clip into a track's stereo sums for timeline frames [frame, frame + count) where `placeable` holds (as `mixInto` would). */
  mixPlaceable(left: Float32Array, right: Float32Array, frame: number, count: number): void {
    this.mixRuns(left, right, 0, frame, 0, count, stereoUnity);
  }

  /**
   * `mixInto` for frames [first, last) of a clip read frame for frame, forwards, at its own gain
   * (whole frames, no fade reaching into the block): the source position runs on by one, so the
   * block is at most two runs of consecutive source frames (a loop wraps once at most), each added
   * straight from its window with the same products as the general path, without working out a
   * position and a gain per frame.
   */
  private mixRuns(left: Float32Array, right: Float32Array, at: number, frame: number, first: number, last: number, pan: PanGains): void {
    const sample = this.sample;
    const sourceFrames = sample.frames;
    const { offsetFrames, gain } = this;
    const loop = this.clip.loop;
    const gainLeft = pan.left;
    const gainRight = pan.right;
    const elapsed = frame + first - this.startFrame;
    let position = offsetFrames + (loop ? elapsed % (sourceFrames - offsetFrames) : elapsed);
    for (let i = first; i < last; ) {
      // Up to the block's end or the source's, whichever comes first; without loop the clip ends with its source.
      const run = Math.min(last - i, sourceFrames - position);
      if (run <= 0) return;
      const window = sample.read(position, position + run);
      const planeLeft = window.planes[0] as Float32Array;
      const planeRight = window.planes[1] ?? planeLeft;
      const from = position - window.start;
      for (let k = 0; k < run; k++) {
        left[at + i + k] = (left[at + i + k] as number) + (planeLeft[from + k] as number) * gain * gainLeft;
        right[at + i + k] = (right[at + i + k] as number) + (planeRight[from + k] as number) * gain * gainRight;
      }
      i += run;
      position = loop ? offsetFrames : sourceFrames;
    }
  }
}

/** Pan gains of a stereo clip into a track's stereo sums. */
const stereoUnity: PanGains = { left: 1, right: 1 };

/** Source offsets like 0.1 s × 44,100 Hz land a hair off the integer; snap them so same-rate clips stay bit-exact. */
function snapToInteger(frames: number): number {
  const nearest = Math.round(frames);
  return Math.abs(frames - nearest) < 1e-6 ? nearest : frames;
}
