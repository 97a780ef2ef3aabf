import { exp2InPlace, pow, sinInPlace, tanInPlace } from '../../std/det-math';
import { flushDenormals } from '../denormal';
import { type StereoEffect } from '../stereo-effect';
import { type Beats, type Bpm } from '../../std/units';

export type FilterMode = 'low-pass' | 'high-pass' | 'band-pass';

/** Resonance 0…1 maps to Q 0.707 (Butterworth, no peak) … 25 (ringing), evenly in ratio. */
const MIN_Q = Math.SQRT1_2;
const MAX_Q = 25;
const MIN_CUTOFF_HZ = 10;
/** Frames whose cutoffs and SVF gains are worked out together, in place (det-math's audio-thread form). */
const CHUNK = 128;
/** Slots of `FilterEffect.transport`. */
const ORIGIN_BEAT = 0;
const BEATS_PER_FRAME = 1;
const LAST_CUTOFF_HZ = 2;

/**
 * The filter effect: a topology-preserving state-variable filter (Zavalishin's TPT; Simper's
 * trapezoidal SVF) in low-, high- or band-pass (band-pass normalized to 0 dB at the centre),
 * with resonance, whose cutoff an LFO sweeps by ±depth octaves over a period in beats.
 *
 * The LFO's phase is a function of the transport position, never of how long the effect has
 * run: frame i of a block sits at position + i·(tempo / 60 / fs) beats and the LFO reads
 * sin(2π·beats / period). The engine calls {@link setTransport} before each block with that
 * block's first beat, so playback, export and a seek all sweep identically; between calls the
 * position advances by whole frames from the last one set, so any block partition renders the
 * same samples. The SVF's coefficients follow the LFO every frame.
 *
 * No garbage on the audio thread: per chunk of frames, the LFO's cutoffs and then the SVF's
 * gains g are computed into typed arrays (three det-math calls a chunk, none per sample), and the
 * sample loop only reads them. Every fractional value the process keeps between calls lives in a
 * Float64Array. Measured: the former per-frame form, whose cutoff was a loop variable merged with
 * a clamp's constants, settled in some V8 runs into code that boxed a double per frame (≈ 100
 * scavenges per 100,000 blocks).
 */
export class FilterEffect implements StereoEffect {
  readonly latencyFrames = 0;
  private mode: FilterMode = 'low-pass';
  private cutoffHz = 1000;
  private k = 1 / MIN_Q;
  private periodBeats = 4;
  private depthOctaves = 0;
  /** Frames processed since the beat last set. */
  private framesSinceOrigin = 0;
  /** [ORIGIN_BEAT]: the beat last set; [BEATS_PER_FRAME]: from the tempo; [LAST_CUTOFF_HZ]: the cutoff on the last frame processed. */
  private readonly transport = new Float64Array(3);
  /** Integrator states: left 1, left 2, right 1, right 2. */
  private readonly state = new Float64Array(4);
  /** A chunk's cutoffs, Hz (the LFO's angle, sine and octaves pass through here first). */
  private readonly cutoffs = new Float64Array(CHUNK);
  /** A chunk's SVF gains g = tan(π · cutoff / fs). */
  private readonly gains = new Float64Array(CHUNK);

  constructor(private readonly sampleRate: number) {
    this.transport[BEATS_PER_FRAME] = 2 / sampleRate;
    this.transport[LAST_CUTOFF_HZ] = this.cutoffHz;
  }

  setMode(mode: FilterMode): void {
    this.mode = mode;
  }

  setCutoffHz(hz: number): void {
    this.cutoffHz = hz;
  }

  /** 0…1: from no peak to a ringing one. */
  setResonance(fraction: number): void {
    const r = Math.min(1, Math.max(0, fraction));
    this.k = 1 / (MIN_Q * pow(MAX_Q / MIN_Q, r));
  }

  /** One LFO cycle lasts this many beats (a bar of 4/4: 4). */
  setLfoPeriodBeats(beats: Beats): void {
    this.periodBeats = Math.max(1 / 64, beats);
  }

  /** How far the LFO moves the cutoff up and down, octaves (0: no sweep). */
  setLfoDepthOctaves(octaves: number): void {
    this.depthOctaves = octaves;
  }

  /** Where the next block starts on the timeline, and the tempo there. */
  setTransport(position: Beats, tempo: Bpm): void {
    this.transport[ORIGIN_BEAT] = position;
    this.transport[BEATS_PER_FRAME] = tempo / (60 * this.sampleRate);
    this.framesSinceOrigin = 0;
  }

  /** The cutoff the last processed frame was filtered with, Hz (for the UI to show the sweep). */
  lfoCutoffHz(): number {
    return this.transport[LAST_CUTOFF_HZ] as number;
  }

  /** Forgets the signal and returns the LFO to the position last set. */
  reset(): void {
    this.state.fill(0);
    this.framesSinceOrigin = 0;
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    for (let start = 0; start < frames; start += CHUNK) {
      const count = Math.min(CHUNK, frames - start);
      this.sweep(count);
      this.filter(left, right, start, count);
      this.framesSinceOrigin += count;
    }
  }

  /** Cutoffs and gains of the next `count` frames (one value for them all without an LFO). */
  private sweep(count: number): void {
    const { cutoffs, gains, cutoffHz, depthOctaves, periodBeats, transport, sampleRate } = this;
    const highest = 0.49 * sampleRate;
    const swept = depthOctaves !== 0;
    const n = swept ? count : 1;
    if (swept) {
      const originBeat = transport[ORIGIN_BEAT] as number;
      const beatsPerFrame = transport[BEATS_PER_FRAME] as number;
      const first = this.framesSinceOrigin;
      for (let i = 0; i < n; i++) {
        const cycles = (originBeat + (first + i) * beatsPerFrame) / periodBeats;
        cutoffs[i] = 2 * Math.PI * (cycles - Math.floor(cycles));
      }
      sinInPlace(cutoffs, 0, n);
      for (let i = 0; i < n; i++) cutoffs[i] = depthOctaves * (cutoffs[i] as number);
      exp2InPlace(cutoffs, 0, n);
      for (let i = 0; i < n; i++) cutoffs[i] = cutoffHz * (cutoffs[i] as number);
    } else cutoffs[0] = cutoffHz;
    for (let i = 0; i < n; i++) {
      const hz = Math.min(highest, Math.max(MIN_CUTOFF_HZ, cutoffs[i] as number));
      cutoffs[i] = hz;
      gains[i] = (Math.PI * hz) / sampleRate;
    }
    tanInPlace(gains, 0, n);
    // A loop, not gains.fill(): a double passed to a builtin is boxed.
    for (let i = n; i < count; i++) gains[i] = gains[0] as number;
    transport[LAST_CUTOFF_HZ] = cutoffs[n - 1] as number;
  }

  /** The SVF over `count` frames from `start`, with the gains of {@link sweep}. */
  private filter(left: Float32Array, right: Float32Array, start: number, count: number): void {
    const { state, k, gains } = this;
    const lowMode = this.mode === 'low-pass';
    const bandMode = this.mode === 'band-pass';
    let l1 = state[0] as number;
    let l2 = state[1] as number;
    let r1 = state[2] as number;
    let r2 = state[3] as number;
    for (let i = 0; i < count; i++) {
      const g = gains[i] as number;
      const a1 = 1 / (1 + g * (g + k));
      const a2 = g * a1;
      const a3 = g * a2;

      let x = left[start + i] as number;
      let v3 = x - l2;
      let v1 = a1 * l1 + a2 * v3;
      let v2 = l2 + a2 * l1 + a3 * v3;
      l1 = 2 * v1 - l1;
      l2 = 2 * v2 - l2;
      left[start + i] = lowMode ? v2 : bandMode ? k * v1 : x - k * v1 - v2;

      x = right[start + i] as number;
      v3 = x - r2;
      v1 = a1 * r1 + a2 * v3;
      v2 = r2 + a2 * r1 + a3 * v3;
      r1 = 2 * v1 - r1;
      r2 = 2 * v2 - r2;
      right[start + i] = lowMode ? v2 : bandMode ? k * v1 : x - k * v1 - v2;
    }
    state[0] = l1;
    state[1] = l2;
    state[2] = r1;
    state[3] = r2;
    flushDenormals(state, 0, 4);
  }
}
