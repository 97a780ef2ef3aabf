/**
 * One voice playing a stretch of a pooled sample at a pitch ratio, with a linear attack–decay–
 * sustain–release envelope, an optional loop with a crossfade across its seam and an optional
 * filter with its own envelope (before the amp envelope): the playing unit of the sampler and the
 * drum machine. Plain fields and typed arrays only; nothing allocates
 * after construction.
 */
import { blockFrames } from '../../protocol/engine';
import type { StereoBlock } from '../graph/channel-strip';
import type { PooledSample } from '../sample-pool';
import { SampleVoiceFilter } from './sample-voice-filter';

/** A sample held whole for instant starts: what the sampler and the drum machine keep per zone or pad. */
export interface VoiceSample {
  readonly planes: readonly Float32Array[];
  readonly sampleRate: number;
  readonly frames: number;
}

/** `sample` with its every frame in memory (taken once, when an instrument loads, never per note). */
export function voiceSample(sample: PooledSample): VoiceSample {
  return { planes: sample.whole(), sampleRate: sample.sampleRate, frames: sample.frames };
}

/** Block-long buffers the voices of one pool share while each renders in turn: the sample read, and the filter envelope. */
export class SampleScratch {
  readonly left = new Float32Array(blockFrames);
  readonly right = new Float32Array(blockFrames);
  readonly levels = new Float32Array(blockFrames);
}

const idle = 0;
const attacking = 1;
const decaying = 2;
const sustaining = 3;
const releasing = 4;

export class SampleVoice {
  /** The MIDI pitch it plays (to release it by), or −1 when free. */
  pitch = -1;
  sample: VoiceSample | null = null;
  /** Read position and step, in frames of the sample; step < 0 plays backwards. */
  position = 0;
  step = 1;
  /** Where the sample stretch ends (exclusive; for a reversed voice: where it starts, inclusive). */
  from = 0;
  to = 0;
  /** Loop region in sample frames (loopEnd > loopStart to loop) and the crossfade length before its end. */
  loopStart = 0;
  loopEnd = 0;
  crossfade = 0;
  gainLeft = 1;
  gainRight = 1;
  /** Envelope times in output frames and the sustain level 0–1. */
  attackFrames = 0;
  decayFrames = 0;
  sustain = 1;
  releaseFrames = 1;
  /** Order of starting, to steal the oldest voice. */
  started = 0;
  /** Where it plays: 0 the instrument's own output, n > 0 its pool's `outputs[n − 1]` (a drum pad's own output). */
  output = 0;
  /** The sampler's filter section (off unless its mode is set before `start`). */
  readonly filter: SampleVoiceFilter;
  private stage = idle;
  private level = 0;
  private releaseStep = 0;
  /** Glide: the step it moves to, by `glideDelta` a frame for `glideLeft` more frames. */
  private targetStep = 1;
  private glideDelta = 0;
  private glideLeft = 0;

  constructor(sampleRate: number) {
    this.filter = new SampleVoiceFilter(sampleRate);
  }

  get active(): boolean {
    return this.stage !== idle;
  }

  start(sample: VoiceSample, pitch: number, order: number): void {
    this.sample = sample;
    this.pitch = pitch;
    this.started = order;
    this.level = 0;
    this.stage = this.attackFrames > 0 ? attacking : this.decayFrames > 0 ? decaying : sustaining;
    if (this.stage !== attacking) this.level = 1;
    if (this.filter.on) this.filter.start();
  }

  /** Moves the pitch ratio to `step` over `frames` frames (0: at once). */
  glideTo(step: number, frames: number): void {
    const signed = this.step < 0 ? -Math.abs(step) : Math.abs(step);
    this.targetStep = signed;
    this.glideLeft = Math.max(0, Math.round(frames));
    if (this.glideLeft === 0) this.step = signed;
    else this.glideDelta = (signed - this.step) / this.glideLeft;
  }

  /** Starts the release from the current level. */
  release(): void {
    if (this.stage === idle || this.stage === releasing) return;
    this.stage = releasing;
    this.releaseStep = this.level / Math.max(1, this.releaseFrames);
    if (this.filter.on) this.filter.release();
  }

  /** Fades out over `frames` (a choke or a steal): short, so it does not click. */
  fadeOut(frames: number): void {
    if (this.stage === idle) return;
    this.stage = releasing;
    this.releaseStep = this.level / Math.max(1, frames);
  }

  stop(): void {
    this.stage = idle;
    this.pitch = -1;
    this.sample = null;
  }

  /**
   * Adds frames [from, to) of its sound into `left`/`right`: the sample read into `scratch`, through
   * the filter when it is on, then the amp envelope and the gains.
   */
  render(left: Float32Array, right: Float32Array, from: number, to: number, scratch: SampleScratch): void {
    const sample = this.sample;
    if (sample === null || this.stage === idle) return;
    const stereo = sample.planes.length > 1;
    const end = this.readInto(scratch, sample, from, to);
    if (this.filter.on) this.filter.process(scratch.left, scratch.right, stereo, scratch.levels, from, end);
    const dryLeft = scratch.left;
    const dryRight = stereo ? scratch.right : scratch.left;
    for (let i = from; i < end; i++) {
      this.advanceEnvelope();
      if (this.stage === idle) return;
      const envelope = this.level;
      left[i] = (left[i] as number) + (dryLeft[i] as number) * envelope * this.gainLeft;
      right[i] = (right[i] as number) + (dryRight[i] as number) * envelope * this.gainRight;
    }
    if (end < to) this.stop();
  }

  /**
   * Reads the sample (looping and crossfading across the seam) into `scratch` [from, …) and
   * advances the position and the glide; returns where the sample ran out (`to` if it did not).
   */
  private readInto(scratch: SampleScratch, sample: VoiceSample, from: number, to: number): number {
    const planes = sample.planes;
    const first = planes[0] as Float32Array;
    const second = (planes[1] ?? first) as Float32Array;
    const stereo = planes.length > 1;
    const outLeft = scratch.left;
    const outRight = scratch.right;
    const looping = this.loopEnd > this.loopStart && this.step > 0;
    for (let i = from; i < to; i++) {
      let position = this.position;
      if (looping && position >= this.loopEnd) {
        position = this.loopStart + ((position - this.loopStart) % (this.loopEnd - this.loopStart));
        this.position = position;
      }
      if (!looping && (position >= this.to || position < this.from)) return i;
      let l = read(first, position);
      let r = stereo ? read(second, position) : l;
      const fade = this.crossfade;
      if (looping && fade > 0 && position > this.loopEnd - fade) {
        // Across the seam: fade into what sits the same distance before the loop start.
        const share = (position - (this.loopEnd - fade)) / fade;
        const echo = position - (this.loopEnd - this.loopStart);
        l = l * (1 - share) + read(first, echo) * share;
        if (stereo) r = r * (1 - share) + read(second, echo) * share;
      }
      outLeft[i] = l;
      outRight[i] = r;
      this.position = position + this.step;
      if (this.glideLeft > 0 && --this.glideLeft === 0) this.step = this.targetStep;
      else if (this.glideLeft > 0) this.step += this.glideDelta;
    }
    return to;
  }

  /** Moves the amp envelope on by a frame; its value is then in `level` (a returned double would be boxed whenever V8 did not inline this). */
  private advanceEnvelope(): void {
    switch (this.stage) {
      case attacking:
        this.level += 1 / this.attackFrames;
        if (this.level >= 1) {
          this.level = 1;
          this.stage = this.decayFrames > 0 ? decaying : sustaining;
        }
        break;
      case decaying:
        this.level -= (1 - this.sustain) / this.decayFrames;
        if (this.level <= this.sustain) {
          this.level = this.sustain;
          this.stage = sustaining;
        }
        break;
      case releasing:
        this.level -= this.releaseStep;
        if (this.level <= 0) this.stop();
        break;
    }
  }
}

/** The sample at a fractional frame, linearly interpolated (0 outside the sample). */
function read(plane: Float32Array, position: number): number {
  const index = Math.floor(position);
  if (index < 0 || index >= plane.length) return 0;
  const next = index + 1 < plane.length ? (plane[index + 1] as number) : 0;
  const a = plane[index] as number;
  return a + (next - a) * (position - index);
}

/** A pool of voices: a free one, else the oldest (it fades out first). */
export class VoicePool {
  readonly voices: SampleVoice[];
  /** The further outputs voices may play into (a voice's `output` n > 0 is `outputs[n − 1]`). */
  outputs: readonly StereoBlock[] = [];
  private readonly scratch = new SampleScratch();
  private order = 0;

  constructor(count: number, sampleRate: number) {
    this.voices = Array.from({ length: count }, () => new SampleVoice(sampleRate));
  }

  /** A voice to start: a free one, or the oldest sounding one stopped. */
  take(): SampleVoice {
    const voices = this.voices;
    let oldest = voices[0] as SampleVoice;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v] as SampleVoice;
      if (!voice.active) return voice;
      if (voice.started < oldest.started) oldest = voice;
    }
    oldest.stop();
    return oldest;
  }

  nextOrder(): number {
    return ++this.order;
  }

  releasePitch(pitch: number): void {
    const voices = this.voices;
    for (let v = 0; v < voices.length; v++) {
      const voice = voices[v] as SampleVoice;
      if (voice.active && voice.pitch === pitch) voice.release();
    }
  }

  releaseAll(): void {
    for (let v = 0; v < this.voices.length; v++) (this.voices[v] as SampleVoice).release();
  }

  stopAll(): void {
    for (let v = 0; v < this.voices.length; v++) (this.voices[v] as SampleVoice).stop();
  }

  /** Adds [from, to) of every sounding voice into `left`/`right` or the further output it plays into. */
  render(left: Float32Array, right: Float32Array, from: number, to: number): void {
    for (let v = 0; v < this.voices.length; v++) {
      const voice = this.voices[v] as SampleVoice;
      if (!voice.active) continue;
      const other = voice.output > 0 ? this.outputs[voice.output - 1] : undefined;
      if (other) voice.render(other.left, other.right, from, to, this.scratch);
      else voice.render(left, right, from, to, this.scratch);
    }
  }
}
