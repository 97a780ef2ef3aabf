import { exp, sinInPlace } from '../../std/det-math';
import { type Seconds } from '../../std/units';
import { DelayLine } from '../delay/delay-line';
import { type StereoEffect } from '../stereo-effect';

/** The shortest delay a voice reaches, ms: the bottom of every sweep. */
export const CHORUS_MIN_DELAY_MS = 5;
export const CHORUS_MAX_DEPTH_MS = 20;
export const CHORUS_MAX_VOICES = 4;
/** Loudest feedback either way; past it the loop rings on. */
const MAX_FEEDBACK = 0.9;
/** Time constant with which a depth change glides in, so a depth ride bends instead of clicking. */
const DEPTH_GLIDE_MS = 20;

/**
 * Chorus: one to four voices, each a copy of the input read from a delay line whose delay an LFO
 * sweeps sinusoidally between {@link CHORUS_MIN_DELAY_MS} and that plus the depth (the swing, top
 * to bottom, is exactly the depth), read by cubic Hermite interpolation. Voice v's LFO runs
 * v/voices of a cycle ahead of the first, and width spreads the voices across the stereo field
 * (at width 1 the first sits hard left, the last hard right; each side is normalized by its
 * voices' gains, so spreading keeps the level). Feedback sends the wet sum back into the lines.
 *
 * The LFO's phase is a function of the transport position, never of how long the effect has run:
 * frame i of a block sits at t = (the block's timeline seconds) + i / fs and voice v reads
 * sin(2π(rate·t + v/voices)). The engine calls {@link setTransport} before each block, so
 * playback, export and a seek sweep identically; between calls time advances by whole frames
 * from the last position set, so any block partition renders the same samples.
 */
export class Chorus implements StereoEffect {
  readonly latencyFrames = 0;
  private readonly left: DelayLine;
  private readonly right: DelayLine;
  /** Per voice, its normalized gain into the left and the right output. */
  private readonly gainLeft = new Float64Array(CHORUS_MAX_VOICES);
  private readonly gainRight = new Float64Array(CHORUS_MAX_VOICES);
  /** The voices' LFO angles, then their sines (det-math works in place). */
  private readonly sines = new Float64Array(CHORUS_MAX_VOICES);
  private readonly minDelayFrames: number;
  private readonly depthGlide: number;
  private rateHz = 0.8;
  private depthFrames: number;
  /** The depth the sweep uses now, gliding to `depthFrames`. */
  private currentDepthFrames: number;
  /** Whether audio has run since construction or reset; before that, depth changes land at once. */
  private running = false;
  private voices = 2;
  private width = 1;
  private feedback = 0;
  private mix = 0.5;
  /** Transport: seconds at the position last set, and frames processed since. */
  private originSeconds = 0;
  private framesSinceOrigin = 0;

  constructor(private readonly sampleRate: number) {
    this.minDelayFrames = (CHORUS_MIN_DELAY_MS * sampleRate) / 1000;
    const longest = Math.ceil(((CHORUS_MIN_DELAY_MS + CHORUS_MAX_DEPTH_MS) * sampleRate) / 1000) + 2;
    this.left = new DelayLine(longest);
    this.right = new DelayLine(longest);
    this.depthGlide = exp(-1000 / (DEPTH_GLIDE_MS * sampleRate));
    this.depthFrames = this.currentDepthFrames = (5 * sampleRate) / 1000;
    this.spread();
  }

  /** LFO rate, Hz (one sweep down and up per cycle). */
  setRateHz(hz: number): void {
    this.rateHz = Math.max(0, hz);
  }

  /** How far the delay swings, top to bottom, ms (0…20). */
  setDepthMs(ms: number): void {
    this.depthFrames = (Math.min(CHORUS_MAX_DEPTH_MS, Math.max(0, ms)) * this.sampleRate) / 1000;
    if (!this.running) this.currentDepthFrames = this.depthFrames;
  }

  /** 1…4 voices (rounded). */
  setVoices(count: number): void {
    const voices = Math.min(CHORUS_MAX_VOICES, Math.max(1, Math.round(count)));
    if (voices === this.voices) return;
    this.voices = voices;
    this.spread();
  }

  /** 0: every voice in the centre; 1: the voices spread from hard left to hard right. */
  setWidth(fraction: number): void {
    const width = Math.min(1, Math.max(0, fraction));
    if (width === this.width) return;
    this.width = width;
    this.spread();
  }

  /** Share of the wet signal fed back into the delay lines, −0.9…0.9 (negative inverts it). */
  setFeedback(fraction: number): void {
    this.feedback = Math.min(MAX_FEEDBACK, Math.max(-MAX_FEEDBACK, fraction));
  }

  /** Wet share of the output, 0…1. */
  setMix(fraction: number): void {
    this.mix = Math.min(1, Math.max(0, fraction));
  }

  /** Where the next block starts on the timeline, in seconds (whatever the tempo map did before it). */
  setTransport(time: Seconds): void {
    this.originSeconds = time;
    this.framesSinceOrigin = 0;
  }

  /** Forgets the signal and returns the LFO to the position last set. */
  reset(): void {
    this.left.clear();
    this.right.clear();
    this.currentDepthFrames = this.depthFrames;
    this.running = false;
    this.framesSinceOrigin = 0;
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    const { gainLeft, gainRight, voices, feedback, mix, rateHz, minDelayFrames, depthFrames, depthGlide, originSeconds, sampleRate, sines } = this;
    const lineLeft = this.left;
    const lineRight = this.right;
    const dry = 1 - mix;
    const first = this.framesSinceOrigin;
    this.running = true;
    let depth = this.currentDepthFrames;
    for (let i = 0; i < frames; i++) {
      if (depth !== depthFrames) {
        depth = depthFrames + (depth - depthFrames) * depthGlide;
        if (Math.abs(depth - depthFrames) < 1e-6) depth = depthFrames;
      }
      const cycles = rateHz * (originSeconds + (first + i) / sampleRate);
      const centre = minDelayFrames + 0.5 * depth;
      let wetL = 0;
      let wetR = 0;
      for (let v = 0; v < voices; v++) {
        const phase = cycles + v / voices;
        sines[v] = 2 * Math.PI * (phase - Math.floor(phase));
      }
      sinInPlace(sines, 0, voices);
      for (let v = 0; v < voices; v++) {
        const delay = centre + 0.5 * depth * (sines[v] as number);
        wetL += (gainLeft[v] as number) * lineLeft.read(delay);
        wetR += (gainRight[v] as number) * lineRight.read(delay);
      }
      const inL = left[i] as number;
      const inR = right[i] as number;
      lineLeft.write(inL + feedback * wetL);
      lineRight.write(inR + feedback * wetR);
      left[i] = dry * inL + mix * wetL;
      right[i] = dry * inR + mix * wetR;
    }
    this.currentDepthFrames = depth;
    this.framesSinceOrigin = first + frames;
  }

  /** Places the voices across the field and normalizes each side's gains to sum to 1. */
  private spread(): void {
    const { voices, width, gainLeft, gainRight } = this;
    let sumLeft = 0;
    let sumRight = 0;
    for (let v = 0; v < voices; v++) {
      const pan = voices === 1 ? 0 : width * ((2 * v) / (voices - 1) - 1);
      gainLeft[v] = pan > 0 ? 1 - pan : 1;
      gainRight[v] = pan < 0 ? 1 + pan : 1;
      sumLeft += gainLeft[v] as number;
      sumRight += gainRight[v] as number;
    }
    for (let v = 0; v < voices; v++) {
      gainLeft[v] = (gainLeft[v] as number) / sumLeft;
      gainRight[v] = (gainRight[v] as number) / sumRight;
    }
  }
}
