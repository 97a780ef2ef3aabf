import { exp2InPlace, pow, sinInPlace, tanInPlace } from '../../std/det-math';
import { flushDenormal } from '../denormal';
import { type StereoEffect } from '../stereo-effect';
import { type Beats, type Bpm } from '../../std/units';

export type FilterMode = 'low-pass' | 'high-pass' | 'band-pass';

/** Resonance 0…1 maps to Q 0.707 (Butterworth, no peak) … 25 (ringing), evenly in ratio. */
const MIN_Q = Math.SQRT1_2;
const MAX_Q = 25;
const MIN_CUTOFF_HZ = 10;

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
 */
export class FilterEffect implements StereoEffect {
  readonly latencyFrames = 0;
  private mode: FilterMode = 'low-pass';
  private cutoffHz = 1000;
  private k = 1 / MIN_Q;
  private periodBeats = 4;
  private depthOctaves = 0;
  /** Transport: the beat last set, the tempo, and frames processed since that beat. */
  private originBeat = 0;
  // Initialized here, not only in the constructor: a field that starts out undefined holds boxed
  // doubles, and `setTransport` (every block) would allocate one each time.
  private beatsPerFrame = 0;
  private framesSinceOrigin = 0;
  /** Cutoff on the last frame processed. */
  private lastCutoffHz = 1000;
  /** Integrator states: left 1, left 2, right 1, right 2. */
  private readonly state = new Float64Array(4);
  /** The LFO's angle, sine, octaves and the cutoff's tan pass through this slot (det-math works in place). */
  private readonly slot = new Float64Array(1);

  constructor(private readonly sampleRate: number) {
    this.beatsPerFrame = 2 / sampleRate;
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
    this.originBeat = position;
    this.framesSinceOrigin = 0;
    this.beatsPerFrame = tempo / (60 * this.sampleRate);
  }

  /** The cutoff the last processed frame was filtered with, Hz (for the UI to show the sweep). */
  lfoCutoffHz(): number {
    return this.lastCutoffHz;
  }

  /** Forgets the signal and returns the LFO to the position last set. */
  reset(): void {
    this.state.fill(0);
    this.framesSinceOrigin = 0;
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    const { state, k, cutoffHz, depthOctaves, periodBeats, originBeat, beatsPerFrame, sampleRate, slot } = this;
    const lowMode = this.mode === 'low-pass';
    const bandMode = this.mode === 'band-pass';
    const highest = 0.49 * sampleRate;
    const first = this.framesSinceOrigin;
    let l1 = state[0] as number;
    let l2 = state[1] as number;
    let r1 = state[2] as number;
    let r2 = state[3] as number;
    let cutoff = cutoffHz;
    let g = 0;
    for (let i = 0; i < frames; i++) {
      if (depthOctaves !== 0 || i === 0) {
        if (depthOctaves !== 0) {
          const cycles = (originBeat + (first + i) * beatsPerFrame) / periodBeats;
          slot[0] = 2 * Math.PI * (cycles - Math.floor(cycles));
          sinInPlace(slot, 0, 1);
          slot[0] = depthOctaves * (slot[0] as number);
          exp2InPlace(slot, 0, 1);
          cutoff = cutoffHz * (slot[0] as number);
        }
        cutoff = cutoff < MIN_CUTOFF_HZ ? MIN_CUTOFF_HZ : cutoff > highest ? highest : cutoff;
        slot[0] = (Math.PI * cutoff) / sampleRate;
        tanInPlace(slot, 0, 1);
        g = slot[0] as number;
      }
      const a1 = 1 / (1 + g * (g + k));
      const a2 = g * a1;
      const a3 = g * a2;

      let x = left[i] as number;
      let v3 = x - l2;
      let v1 = a1 * l1 + a2 * v3;
      let v2 = l2 + a2 * l1 + a3 * v3;
      l1 = 2 * v1 - l1;
      l2 = 2 * v2 - l2;
      left[i] = lowMode ? v2 : bandMode ? k * v1 : x - k * v1 - v2;

      x = right[i] as number;
      v3 = x - r2;
      v1 = a1 * r1 + a2 * v3;
      v2 = r2 + a2 * r1 + a3 * v3;
      r1 = 2 * v1 - r1;
      r2 = 2 * v2 - r2;
      right[i] = lowMode ? v2 : bandMode ? k * v1 : x - k * v1 - v2;
    }
    state[0] = flushDenormal(l1);
    state[1] = flushDenormal(l2);
    state[2] = flushDenormal(r1);
    state[3] = flushDenormal(r2);
    this.framesSinceOrigin = first + frames;
    this.lastCutoffHz = cutoff;
  }
}
