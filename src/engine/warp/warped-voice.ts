import { exp2 } from '../../std/det-math';
import { BeatSlicer } from '../../dsp/stretch/beat-slicer';
import { PhaseVocoder } from '../../dsp/stretch/phase-vocoder';
import type { Stretcher } from '../../dsp/stretch/stretcher';
import { StretchSource } from '../../dsp/stretch/stretch-source';
import { Varispeed } from '../../dsp/stretch/varispeed';
import type { SincInterpolator } from '../../dsp/sinc-interpolator';
import { blockFrames, type EngineClip, type EngineWarp } from '../../protocol/engine';
import type { Clock } from '../../std/clock';
import { beats, decibelsToGain, hertz } from '../../std/units';
import type { PanGains } from '../pan-law';
import type { PooledSample } from '../sample-pool';
import type { VoiceScratch } from '../voice-scratch';
import { beatSlices } from './beat-slices';
import { ClipTimeMap } from './clip-time-map';

/** Beats mode: slices cross-fade over 1 ms before their onset and fade out over 5 ms before an attack. */
const crossfadeSeconds = 0.001;
const tailFadeSeconds = 0.005;

/**
 * A clip that follows the song's tempo (format v4 `warp`): placed like any clip, it reads its
 * source through the mode's stretcher (repitch: varispeed; beats: slices at transients; tonal:
 * the phase vocoder), transposed by `transpose` semitones + `detune` cents in beats and tonal
 * modes. Fades and gain work as for any clip, fades in seconds of source time. Rendering is a
 * pure function of the timeline frame (see `Stretcher`), so playback and export agree.
 */
export class WarpedVoice {
  readonly startFrame: number;
  readonly endFrame: number;
  private readonly map: ClipTimeMap;
  private readonly stretcher: Stretcher;
  private readonly gain: number;
  private readonly fadeInFrames: number;
  private readonly fadeOutFrames: number;
  /** Unwrapped source frames where the clip starts and ends. */
  private readonly sourceAtStart: number;
  private readonly sourceAtEnd: number;

  constructor(
    readonly clip: EngineClip,
    warp: EngineWarp,
    private readonly sample: PooledSample,
    clock: Clock,
    engineRate: number,
  ) {
    this.startFrame = clock.frameAt(beats(clip.start), hertz(engineRate));
    this.endFrame = clock.frameAt(beats(clip.start + clip.length), hertz(engineRate));
    // The clip's mean tempo: the varispeed's average read rate, for its anti-aliasing.
    const tempo = clock.constantTempo ? clock.tempoAt(beats(0)) : (clip.length * 60) / clock.secondsOver(beats(clip.start), beats(clip.length));
    this.map = new ClipTimeMap(clip, warp, sample.sampleRate, sample.frames, this.startFrame, clock, engineRate);
    const source = new StretchSource(sample.whole(), clip.loop ? Math.round(clip.offset * sample.sampleRate) : -1, clip.reverse);
    const rateRatio = sample.sampleRate / engineRate;
    const pitch = warp.mode === 'repitch' ? 1 : exp2(((clip.transpose ?? 0) + (clip.detune ?? 0) / 100) / 12);
    const step = rateRatio * pitch;
    if (warp.mode === 'tonal') this.stretcher = new PhaseVocoder(source, this.map, step, blockFrames, { size: fftSizeFor(sample.sampleRate) });
    else if (warp.mode === 'beats')
      this.stretcher = new BeatSlicer(source, beatSlices(sample, this.map), step, Math.round(crossfadeSeconds * engineRate), tailFadeSeconds * sample.sampleRate, blockFrames);
    else this.stretcher = new Varispeed(source, this.map, (rateRatio * tempo) / warp.sourceTempo, blockFrames);
    this.gain = decibelsToGain(clip.gainDb);
    this.fadeInFrames = clip.fadeIn * sample.sampleRate;
    this.fadeOutFrames = clip.fadeOut * sample.sampleRate;
    const ends = Float64Array.of(0, this.endFrame - this.startFrame);
    this.map.sourceFrames(ends, ends, 0, 2);
    this.sourceAtStart = ends[0] as number;
    this.sourceAtEnd = ends[1] as number;
  }

  get channelCount(): number {
    return this.sample.channelCount;
  }

  /** Adds the clip into `left`/`right` at [at, at + count) for timeline frames from `frame`, as `ClipVoice.mixInto`. */
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
    const last = Math.min(count, this.endFrame - frame);
    if (first >= last) return;
    this.stretcher.render(interpolator, frame + first - this.startFrame, last - first, scratch.left, scratch.right, first);
    const { positions, gains } = scratch;
    // Without fades the gain is the clip's throughout: no source positions are needed.
    if (this.fadeInFrames > 0 || this.fadeOutFrames > 0) this.fadeGains(positions, gains, frame, first, last);
    else {
      const gain = this.gain;
      for (let i = first; i < last; i++) gains[i] = gain;
    }
    const gainLeft = pan.left;
    const gainRight = pan.right;
    for (let i = first; i < last; i++) {
      const gain = gains[i] as number;
      left[at + i] = (left[at + i] as number) + (scratch.left[i] as number) * gain * gainLeft;
      right[at + i] = (right[at + i] as number) + (scratch.right[i] as number) * gain * gainRight;
    }
  }

  /** The clip's gain with its fades (in source time) at output frames [first, last) of the block from `frame`, into `gains`. */
  private fadeGains(positions: Float64Array, gains: Float64Array, frame: number, first: number, last: number): void {
    for (let i = first; i < last; i++) positions[i] = frame + i - this.startFrame;
    this.map.sourceFrames(positions, gains, first, last);
    for (let i = first; i < last; i++) {
      const source = gains[i] as number;
      let gain = this.gain;
      const elapsed = source - this.sourceAtStart;
      const remaining = this.sourceAtEnd - source;
      if (elapsed < this.fadeInFrames) gain *= elapsed / this.fadeInFrames;
      if (remaining < this.fadeOutFrames) gain *= remaining / this.fadeOutFrames;
      gains[i] = gain;
    }
  }
}

/** About 46 ms of source per grain: 2048 frames up to 48 kHz, 4096 up to 96 kHz, and so on. */
function fftSizeFor(sampleRate: number): number {
  let size = 2048;
  while (size * 48_000 < sampleRate * 2048 * 0.75) size *= 2;
  return size;
}
