/** An ADSR's settings, read where a segment begins (sustain: every frame): times in frames (rounded, at least 1), sustain 0…1. */
import { exp, expInPlace } from '../../std/det-math';
export class EnvelopeSettings {
  attackFrames = 1;
  decayFrames = 1;
  sustain = 1;
  releaseFrames = 1;
}

/** Where an envelope is. */
export const adsrStage = { idle: 0, attack: 1, decay: 2, sustain: 3, release: 4 } as const;

/** How bent the decay and release are: e^(−4) of the way left at the end, then snapped to the target. */
const CURVE = 4;
const CURVE_END = exp(-CURVE);
/** A segment's per-frame curve factor, taken in place (nothing fractional crosses a call on the audio thread). */
const stepSlot = new Float64Array(1);

/**
 * An ADSR envelope that keeps its times to the frame. With the gate opened at frame 0: the level
 * is 0 at frame 0 and rises in a straight line to 1 at frame A (the attack in frames); it falls
 * from 1 to the sustain level S along an exponential curve that lands exactly on S at frame A + D;
 * after the gate closes at frame m it falls from wherever it was to 0 along the same curve and is
 * 0 (idle) from frame m + R on. The curve is (e^(−4t) − e^(−4)) / (1 − e^(−4)) of the distance
 * left at t ∈ [0, 1], so it starts like an analog RC discharge but ends on time. A gate opened
 * while sounding (a legato retrigger) attacks from the current level, never from 0: no click.
 *
 * No method takes or returns a fractional number: on the audio thread a double crossing a call
 * that is not inlined is boxed (garbage), so levels and settings travel in fields.
 */
export class Adsr {
  stage: number = adsrStage.idle;
  /** The level of the last frame rendered, 0…1. */
  level = 0;
  /** The running segment: frames done of `length`, its start level, its end level and the curve's state. */
  private position = 0;
  private length = 1;
  private from = 0;
  private to = 0;
  private curve = 1;
  private curveStep = 1;

  /** The settings are read, never copied: a change applies from the next segment on (the sustain level at once). */
  constructor(private readonly settings: EnvelopeSettings) {}

  gateOn(): void {
    this.stage = adsrStage.attack;
    this.from = this.level;
    this.to = 1;
    this.begin(this.settings.attackFrames);
  }

  gateOff(): void {
    if (this.stage === adsrStage.idle || this.stage === adsrStage.release) return;
    this.stage = adsrStage.release;
    this.from = this.level;
    this.to = 0;
    this.begin(this.settings.releaseFrames);
  }

  reset(): void {
    this.stage = adsrStage.idle;
    this.level = 0;
  }

  /** Writes the level of each frame [from, to) into `out`, advancing the envelope. */
  render(out: Float32Array, from: number, to: number): void {
    if (this.stage === adsrStage.sustain || this.stage === adsrStage.idle) {
      // Held (the usual case) or silent: one level for the whole stretch.
      const level = this.stage === adsrStage.sustain ? this.settings.sustain : 0;
      // A loop, not fill(): a double handed to a builtin is boxed.
      for (let i = from; i < to; i++) out[i] = level;
      this.level = level;
      return;
    }
    for (let i = from; i < to; i++) {
      const stage = this.stage;
      let level = 0;
      if (stage === adsrStage.attack) {
        level = this.from + ((this.to - this.from) * this.position) / this.length;
        if (++this.position > this.length) {
          // This frame (level 1) is the decay's first.
          this.stage = adsrStage.decay;
          this.from = 1;
          this.to = this.settings.sustain;
          this.begin(this.settings.decayFrames);
          this.position = 1;
          this.curve = this.curveStep;
        }
      } else if (stage === adsrStage.decay || stage === adsrStage.release) {
        level = this.to + ((this.from - this.to) * (this.curve - CURVE_END)) / (1 - CURVE_END);
        this.curve *= this.curveStep;
        if (++this.position > this.length) {
          this.stage = stage === adsrStage.decay ? adsrStage.sustain : adsrStage.idle;
          level = this.to;
        }
      } else if (stage === adsrStage.sustain) {
        level = this.settings.sustain;
      }
      out[i] = level;
      this.level = level;
    }
  }

  private begin(frames: number): void {
    const length = frames < 1 ? 1 : Math.round(frames);
    this.position = 0;
    this.length = length;
    this.curve = 1;
    stepSlot[0] = -CURVE / length;
    expInPlace(stepSlot, 0, 1);
    this.curveStep = stepSlot[0] as number;
  }
}
