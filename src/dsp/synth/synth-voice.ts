import { tanInPlace } from '../../std/det-math';
import { Adsr, adsrStage } from './adsr';
import { exp2InPlace } from './exp2';
import { UnisonOscillator, waveformIndex, type OscillatorTables } from './oscillator';
import { CONTROL_FRAMES, type SynthPatch } from './synth-patch';
import { UnisonSpread } from './unison';
import { VoiceFilter } from './voice-filter';

/** Buffers a synth's voices share while each renders in turn (a block long). */
export class VoiceScratch {
  readonly left: Float32Array;
  readonly right: Float32Array;
  readonly amp: Float32Array;
  readonly filterEnv: Float32Array;

  constructor(frames: number) {
    this.left = new Float32Array(frames);
    this.right = new Float32Array(frames);
    this.amp = new Float32Array(frames);
    this.filterEnv = new Float32Array(frames);
  }
}

/** A single centred voice for the sub oscillator: mono, or the same on both sides when the stack is stereo. */
const singleMono = new UnisonSpread();
const singleStereo = new UnisonSpread();
singleStereo.stereo = true;

/**
 * One note of the synth: two unison oscillators, a sub and noise into the filter, then the amp
 * envelope. Pitch, cutoff and pulse width are recomputed every CONTROL_FRAMES frames of the
 * block (and where a chunk is cut short by an event); the LFO's values arrive per control point.
 * A stolen voice fades out linearly over its fade time, then frees itself.
 */
export class SynthVoice {
  /** Sounding (attack to release, or fading out). */
  active = false;
  /** Its key is down (a note-off has not come). */
  held = false;
  pitch = 0;
  /** 0…1, set by the allocator before `start` or a retrigger. */
  velocity = 0.5;
  /** When the note started (allocator's counter): lower is older. */
  order = 0;
  /** Frames left of a steal fade, and its length (0: not fading). */
  fadeRemaining = 0;
  private fadeLength = 1;
  private readonly osc1 = new UnisonOscillator();
  private readonly osc2 = new UnisonOscillator();
  private readonly sub = new UnisonOscillator();
  private readonly filter = new VoiceFilter();
  readonly ampEnvelope: Adsr;
  private readonly filterEnvelope: Adsr;
  private noiseState = 1;
  /** Glide: the pitch now (semitones), frames left of the slide and its step per frame. */
  private currentPitch = 0.5;
  private glideRemaining = 0;
  private glideStep = 0.5;
  private readonly framesPerSecond: number;
  /** The control point's exponentials: [0] the pitch ratio to A4, [1] the cutoff's modulation ratio. */
  private readonly powers = new Float64Array(2);

  /** `patch` is the synth's one patch: its envelope settings are read live by the voice's envelopes. */
  constructor(sampleRate: number, patch: SynthPatch) {
    this.framesPerSecond = sampleRate;
    this.ampEnvelope = new Adsr(patch.ampEnvelope);
    this.filterEnvelope = new Adsr(patch.filterEnvelope);
  }

  /** Whether the voice is releasing (its key is up), so it goes first when a voice must be stolen. */
  releasing(): boolean {
    return !this.held || this.ampEnvelope.stage === adsrStage.release;
  }

  /** Starts a note from silence (set `velocity` first). `fromPitch` is where a glide starts (the note's own pitch: none). */
  start(pitch: number, fromPitch: number, order: number, patch: SynthPatch): void {
    this.active = true;
    this.order = order;
    this.fadeRemaining = 0;
    this.filter.reset();
    this.ampEnvelope.reset();
    this.filterEnvelope.reset();
    this.osc1.start(patch.unison.count, order * 2 + 1);
    this.osc2.start(patch.unison.count, order * 2 + 2);
    this.sub.start(1, 0);
    this.noiseState = Math.imul(order + 1, 0x9e3779b1) | 0 || 1;
    this.currentPitch = fromPitch;
    this.retarget(pitch, patch, true);
  }

  /** Moves a sounding voice to a new note (mono and legato play): slides there, reopening the envelopes if `retrigger`. */
  retarget(pitch: number, patch: SynthPatch, retrigger: boolean): void {
    this.pitch = pitch;
    this.held = true;
    if (patch.glideFrames > 0 && this.currentPitch !== pitch) {
      this.glideRemaining = patch.glideFrames;
      this.glideStep = (pitch - this.currentPitch) / patch.glideFrames;
    } else {
      this.currentPitch = pitch;
      this.glideRemaining = 0;
    }
    if (retrigger) {
      this.ampEnvelope.gateOn();
      this.filterEnvelope.gateOn();
    }
  }

  release(): void {
    this.held = false;
    this.ampEnvelope.gateOff();
    this.filterEnvelope.gateOff();
  }

  /** Fades out over `frames` (a stolen voice), then stops. */
  fadeOut(frames: number): void {
    this.held = false;
    this.fadeLength = frames;
    this.fadeRemaining = frames;
  }

  stop(): void {
    this.active = false;
    this.held = false;
    this.fadeRemaining = 0;
    this.ampEnvelope.reset();
    this.filterEnvelope.reset();
  }

  /**
   * Adds the voice's frames [from, to) of the block into `outLeft`/`outRight`. `lfo[c]` is the LFO
   * at frame c·CONTROL_FRAMES of the block (−1…1).
   */
  render(patch: SynthPatch, tables: OscillatorTables, lfo: Float64Array, scratch: VoiceScratch, outLeft: Float32Array, outRight: Float32Array, from: number, to: number): void {
    const { left, right, amp, filterEnv } = scratch;
    const stereo = patch.unison.stereo;
    const frames = patch.blockFrames;
    const nyquistGuard = 0.49 * this.framesPerSecond;
    const filter = this.filter;
    filter.k = patch.damping;
    filter.drive = patch.drive;
    let start = from;
    while (start < to && this.active) {
      const end = Math.min(to, (Math.floor(start / CONTROL_FRAMES) + 1) * CONTROL_FRAMES);
      const lfoNow = lfo[(start / CONTROL_FRAMES) | 0] as number;
      // Glide, then the pitch at this control point.
      if (this.glideRemaining > 0) {
        const step = Math.min(this.glideRemaining, end - start);
        this.currentPitch += this.glideStep * step;
        this.glideRemaining -= step;
        if (this.glideRemaining === 0) this.currentPitch = this.pitch;
      }
      // Both exponentials of the control point at once (octaves from A4 for the pitch; for the cutoff
      // the envelope, key tracking and LFO), in place: see exp2.ts.
      this.filterEnvelope.render(filterEnv, start, end);
      const powers = this.powers;
      powers[0] = (this.currentPitch + lfoNow * patch.lfoPitchSemitones - 69) / 12;
      powers[1] = (filterEnv[start] as number) * patch.filterEnvOctaves + (patch.keyTracking * (this.pitch - 60)) / 12 + lfoNow * patch.lfoFilterOctaves;
      exp2InPlace(powers, 2);
      const increment = (440 * (powers[0] as number)) / this.framesPerSecond;

      left.fill(0, start, end);
      if (stereo) right.fill(0, start, end);
      // Inputs travel in fields (see UnisonOscillator); the pulse width is held to 2…98 %.
      const widthShift = lfoNow * patch.lfoPulseWidth;
      for (let o = 0; o < 2; o++) {
        const settings = o === 0 ? patch.osc1 : patch.osc2;
        const oscillator = o === 0 ? this.osc1 : this.osc2;
        if (settings.level <= 0) continue;
        const width = settings.pulseWidth + widthShift;
        oscillator.increment = settings.ratio * increment;
        oscillator.pulseWidth = width < 0.02 ? 0.02 : width > 0.98 ? 0.98 : width;
        oscillator.level = settings.level;
        oscillator.render(tables, settings.waveform, patch.unison, left, right, start, end);
      }
      if (patch.subLevel > 0) {
        this.sub.increment = patch.subOctaves === 2 ? increment * 0.25 : increment * 0.5;
        this.sub.level = patch.subLevel;
        this.sub.render(tables, patch.subSquare ? waveformIndex.pulse : waveformIndex.sine, stereo ? singleStereo : singleMono, left, right, start, end);
      }
      if (patch.noiseLevel > 0) this.renderNoise(patch, stereo, left, right, start, end);

      let cutoff = (patch.cutoffStartHz + ((patch.cutoffEndHz - patch.cutoffStartHz) * start) / frames) * (powers[1] as number);
      cutoff = cutoff < 10 ? 10 : cutoff > nyquistGuard ? nyquistGuard : cutoff;
      // svfGain, written out: it returns a double. The tangent is taken in place.
      powers[1] = (Math.PI * cutoff) / this.framesPerSecond;
      tanInPlace(powers, 1, 2);
      filter.g = powers[1] as number;
      filter.process(left, right, stereo, start, end, patch.filterMode, patch.filterSlope);

      this.ampEnvelope.render(amp, start, end);
      this.mixOut(patch, lfo, left, right, amp, stereo, outLeft, outRight, start, end);
      // Done: released to silence, or decayed to a sustain of 0 (a pluck held down makes no more sound; its voice is free).
      const stage = this.ampEnvelope.stage;
      if (stage === adsrStage.idle || (stage === adsrStage.sustain && this.ampEnvelope.level === 0)) this.stop();
      start = end;
    }
  }

  private renderNoise(patch: SynthPatch, stereo: boolean, left: Float32Array, right: Float32Array, from: number, to: number): void {
    let state = this.noiseState;
    const scale = patch.noiseLevel / 2147483648;
    for (let i = from; i < to; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const value = state * scale;
      left[i] = (left[i] as number) + value;
      if (stereo) right[i] = (right[i] as number) + value;
    }
    this.noiseState = state;
  }

  /** Amp envelope × velocity × output gain × tremolo (and a steal fade) onto the output. */
  private mixOut(patch: SynthPatch, lfo: Float64Array, left: Float32Array, right: Float32Array, amp: Float32Array, stereo: boolean, outLeft: Float32Array, outRight: Float32Array, from: number, to: number): void {
    const frames = patch.blockFrames;
    const velocityGain = 1 - patch.velocityToAmp + patch.velocityToAmp * this.velocity;
    const depth = patch.lfoVolume;
    // Output gain × tremolo (1 − depth at the LFO's bottom, 1 at its top) at the chunk's control
    // points, in a straight line between them.
    const point = (from / CONTROL_FRAMES) | 0;
    const pointStart = point * CONTROL_FRAMES;
    const pointEnd = pointStart + CONTROL_FRAMES;
    const gainSlope = (patch.gainEnd - patch.gainStart) / frames;
    const startGain = velocityGain * (patch.gainStart + gainSlope * pointStart) * (1 - depth * 0.5 * (1 - (lfo[point] as number)));
    const endGain = velocityGain * (patch.gainStart + gainSlope * pointEnd) * (1 - depth * 0.5 * (1 - (lfo[point + 1] as number)));
    const step = (endGain - startGain) / CONTROL_FRAMES;
    const source = stereo ? right : left;
    for (let i = from; i < to; i++) {
      let gain = (amp[i] as number) * (startGain + step * (i - pointStart));
      if (this.fadeRemaining > 0) {
        gain *= this.fadeRemaining / (this.fadeLength + 1);
        if (--this.fadeRemaining === 0) {
          this.stop();
          return;
        }
      }
      outLeft[i] = (outLeft[i] as number) + gain * (left[i] as number);
      outRight[i] = (outRight[i] as number) + gain * (source[i] as number);
    }
  }
}
