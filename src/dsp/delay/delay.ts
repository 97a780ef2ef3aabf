import { exp } from '../../std/det-math';
import { type Beats, type Bpm } from '../../std/units';
import { flushDenormals } from '../denormal';
import { onePoleCoefficient } from '../one-pole';
import { type StereoEffect } from '../stereo-effect';
import { DelayLine } from './delay-line';

/** Longest delay time, seconds: a bar of 4/4 at 48 BPM. */
export const MAX_DELAY_SECONDS = 5;
const MIN_DELAY_MS = 1;
/** Time constant with which the delay time glides to a new setting (a tape-like pitch bend, no click). */
const GLIDE_MS = 60;
/** Once the glide is this close (in frames) it lands exactly on the target. */
const LANDING = 1e-4;

/**
 * Echo delay: a time in ms or in beats at the current tempo (rounded to a whole frame, so an
 * echo lands on a sample), feedback, an optional high-cut/low-cut pair (6 dB/oct each) inside the
 * feedback loop so repeats darken and thin, ping-pong, and a dry/wet mix.
 *
 * Ping-pong feeds the mono sum of the input (each channel at half level) into the left line;
 * the left line's output feeds the right line, the right's feeds the left: echoes alternate left,
 * right, left…, each the feedback factor quieter than the last. Otherwise each channel echoes
 * itself. Time changes while audio runs glide, so a knob ride or a tempo change bends pitch instead of clicking.
 */
export class Delay implements StereoEffect {
  readonly latencyFrames = 0;
  private readonly left: DelayLine;
  private readonly right: DelayLine;
  /** One-pole coefficients of the loop's high cut (a low-pass) and low cut (input minus a low-pass). */
  /** The cut frequencies the coefficients were worked out for (NaN: none yet), so setting the same one again costs nothing. */
  private highCutHz = Number.NaN;
  private lowCutHz = Number.NaN;
  private highCut = 0;
  private lowCut = 0;
  /** The loop filters' states: high cut left, right, low cut left, right (a typed array, so they are flushed in place). */
  private readonly loopState = new Float64Array(4);
  private readonly glide: number;
  private readonly maxFrames: number;
  private timeMs = 375;
  private timeBeats = 0.75;
  private tempoBpm = 120;
  private synced = false;
  private target = 0;
  private current = 0;
  /** Whether audio has run since construction or reset; before that, time changes land at once. */
  private running = false;
  private feedback = 0.4;
  private pingPong = false;
  private filtered = false;
  private mix = 0.3;

  constructor(private readonly sampleRate: number) {
    this.maxFrames = Math.ceil(MAX_DELAY_SECONDS * sampleRate);
    this.left = new DelayLine(this.maxFrames);
    this.right = new DelayLine(this.maxFrames);
    this.glide = exp(-1000 / (GLIDE_MS * sampleRate));
    this.setHighCutHz(8000);
    this.setLowCutHz(100);
    this.updateTarget();
  }

  /** The delay time while not synced, ms. */
  setTimeMs(ms: number): void {
    this.timeMs = ms;
    this.updateTarget();
  }

  /** Whether the time follows {@link setTimeBeats} at the tempo instead of {@link setTimeMs}. */
  setSynced(on: boolean): void {
    this.synced = on;
    this.updateTarget();
  }

  /** The delay time while synced, in beats (0.75: a dotted eighth). */
  setTimeBeats(beats: Beats): void {
    this.timeBeats = beats;
    this.updateTarget();
  }

  /** The transport's tempo; the engine sets it every block. */
  setTempoBpm(tempo: Bpm): void {
    this.tempoBpm = tempo;
    this.updateTarget();
  }

  /** Level of each repeat relative to the one before, 0…1. */
  setFeedback(fraction: number): void {
    this.feedback = Math.min(1, Math.max(0, fraction));
  }

  setPingPong(on: boolean): void {
    this.pingPong = on;
  }

  /** Whether the repeats go through the loop's low cut and high cut. */
  setLoopFilterEnabled(on: boolean): void {
    this.filtered = on;
  }

  setHighCutHz(hz: number): void {
    if (hz === this.highCutHz) return;
    this.highCutHz = hz;
    this.highCut = onePoleCoefficient(hz, this.sampleRate);
  }

  setLowCutHz(hz: number): void {
    if (hz === this.lowCutHz) return;
    this.lowCutHz = hz;
    this.lowCut = onePoleCoefficient(hz, this.sampleRate);
  }

  /** Wet share of the output, 0…1 (1 on a send bus). */
  setMix(fraction: number): void {
    this.mix = Math.min(1, Math.max(0, fraction));
  }

  reset(): void {
    this.left.clear();
    this.right.clear();
    this.loopState.fill(0);
    this.current = this.target;
    this.running = false;
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    const { feedback, pingPong, filtered, mix, glide, target, highCut, lowCut } = this;
    const loopState = this.loopState;
    let highL = loopState[0] as number;
    let highR = loopState[1] as number;
    let lowL = loopState[2] as number;
    let lowR = loopState[3] as number;
    const dry = 1 - mix;
    this.running = true;
    let current = this.current;
    for (let i = 0; i < frames; i++) {
      if (current !== target) {
        current = target + (current - target) * glide;
        if (Math.abs(current - target) < LANDING) current = target;
      }
      const inL = left[i] as number;
      const inR = right[i] as number;
      const wetL = this.left.read(current);
      const wetR = this.right.read(current);
      let backL = wetL;
      let backR = wetR;
      if (filtered) {
        // High cut: the one-pole low-pass; low cut: minus the one-pole low-pass of that.
        let v = (backL - highL) * highCut;
        backL = v + highL;
        highL = backL + v;
        v = (backL - lowL) * lowCut;
        lowL += 2 * v;
        backL -= lowL - v;
        v = (backR - highR) * highCut;
        backR = v + highR;
        highR = backR + v;
        v = (backR - lowR) * lowCut;
        lowR += 2 * v;
        backR -= lowR - v;
      }
      if (pingPong) {
        this.left.write(0.5 * (inL + inR) + feedback * backR);
        this.right.write(feedback * backL);
      } else {
        this.left.write(inL + feedback * backL);
        this.right.write(inR + feedback * backR);
      }
      left[i] = dry * inL + mix * wetL;
      right[i] = dry * inR + mix * wetR;
    }
    this.current = current;
    loopState[0] = highL;
    loopState[1] = highR;
    loopState[2] = lowL;
    loopState[3] = lowR;
    flushDenormals(loopState, 0, 4);
  }

  private updateTarget(): void {
    const seconds = this.synced ? (this.timeBeats * 60) / this.tempoBpm : this.timeMs / 1000;
    const frames = Math.round(seconds * this.sampleRate);
    this.target = Math.min(this.maxFrames, Math.max(Math.ceil((MIN_DELAY_MS * this.sampleRate) / 1000), frames));
    if (!this.running) this.current = this.target;
  }
}
