import { sin, sinInPlace } from '../../std/det-math';
import { CONTROL_FRAMES } from './synth-patch';

/** The LFO's shapes, in the order of the synth's options. */
export const lfoShapes = ['sine', 'triangle', 'saw', 'square'] as const;

/** The shape's value at `phase` cycles (any real), −1…1; each starts at 0 or its top at phase 0. */
export function lfoShapeValue(shape: number, phase: number): number {
  const p = phase - Math.floor(phase);
  if (shape === 1) return p < 0.25 ? 4 * p : p < 0.75 ? 2 - 4 * p : 4 * p - 4;
  if (shape === 2) return 1 - 2 * p;
  if (shape === 3) return p < 0.5 ? 1 : -1;
  return sin(2 * Math.PI * p);
}

/**
 * The synth's one LFO, shared by its voices, evaluated at control points (every CONTROL_FRAMES
 * frames of a block, plus the block's end). While the transport runs, its phase is read from the
 * timeline position: synced, `beat / periodBeats` cycles; free, `seconds × hz` with seconds =
 * beat · 60 / tempo. So playback and an export from any start point modulate identically. While
 * the transport stands still (live playing), the phase runs on from where it was.
 */
export class SynthLfo {
  /** `values[c]`: the LFO at frame c · CONTROL_FRAMES of the block, −1…1. */
  readonly values: Float64Array;
  /** Inputs: lfoShapes index; synced to the tempo (one cycle per `periodBeats`) or free at `hz`. */
  shape = 0;
  synced = true;
  periodBeats = 1.5;
  hz = 5.5;
  private phase = 0;
  private lastBeat = Number.NaN;

  constructor(
    private readonly sampleRate: number,
    maxBlockFrames: number,
  ) {
    this.values = new Float64Array(Math.ceil(maxBlockFrames / CONTROL_FRAMES) + 2);
  }

  /** Fills `values` for a block of `frames` starting at the transport's `beat` at its `tempo` (bpm). */
  fill(frames: number, transport: { readonly beat: number; readonly tempo: number }): void {
    const { beat, tempo } = transport;
    const { shape, synced, periodBeats, hz } = this;
    const moving = beat !== this.lastBeat;
    this.lastBeat = beat;
    const cyclesPerFrame = synced ? tempo / (60 * this.sampleRate * periodBeats) : hz / this.sampleRate;
    if (moving) this.phase = synced ? beat / periodBeats : ((beat * 60) / tempo) * hz;
    const points = Math.ceil(frames / CONTROL_FRAMES) + 1;
    // The sine's angles are gathered, then their sines taken in place (lfoShapeValue's arithmetic).
    for (let c = 0; c < points; c++) {
      const phase = this.phase + c * CONTROL_FRAMES * cyclesPerFrame;
      this.values[c] = shape === 0 ? 2 * Math.PI * (phase - Math.floor(phase)) : lfoShapeValue(shape, phase);
    }
    if (shape === 0) sinInPlace(this.values, 0, points);
    this.phase += frames * cyclesPerFrame;
    this.phase -= Math.floor(this.phase);
  }

  reset(): void {
    this.phase = 0;
    this.lastBeat = Number.NaN;
  }
}
