import { CutFilter } from '../biquad/cut-filter';
import { type StereoEffect } from '../stereo-effect';
import { EqBand } from './eq-band';

/** Where the peaking bands start out, spread over the musical range; one band per entry. */
const PEAKING_START_HZ = [200, 600, 2000, 6000];
/** Peaking bands of the EQ, between its shelves. */
export const EQ_PEAKING_BANDS = PEAKING_START_HZ.length;

/**
 * The stock EQ, in signal order: high-pass, low shelf, four peaking bands, high shelf,
 * low-pass. Each band is set through its own object (`eq.peaking[2].setGainDb(-3)`) and can be
 * switched off; the cut filters start switched off, the others at 0 dB (transparent).
 * {@link magnitudeDb} sums the enabled bands' responses from their actual coefficients: the curve
 * the UI draws is the filter that runs.
 */
export class Eq implements StereoEffect {
  readonly latencyFrames = 0;
  readonly highPass: CutFilter;
  readonly lowShelf: EqBand;
  readonly peaking: readonly EqBand[];
  readonly highShelf: EqBand;
  readonly lowPass: CutFilter;
  private readonly stages: readonly { process(l: Float32Array, r: Float32Array, frames: number): void; reset(): void; magnitudeDb(hz: number): number }[];

  constructor(sampleRate: number) {
    this.highPass = new CutFilter(sampleRate, 'high-pass');
    this.highPass.setFrequencyHz(30);
    this.highPass.setEnabled(false);
    this.lowShelf = new EqBand(sampleRate, 'low-shelf', 100);
    this.peaking = PEAKING_START_HZ.map((hz) => new EqBand(sampleRate, 'peaking', hz));
    this.highShelf = new EqBand(sampleRate, 'high-shelf', 10_000);
    this.lowPass = new CutFilter(sampleRate, 'low-pass');
    this.lowPass.setFrequencyHz(18_000);
    this.lowPass.setEnabled(false);
    this.stages = [this.highPass, this.lowShelf, ...this.peaking, this.highShelf, this.lowPass];
  }

  process(left: Float32Array, right: Float32Array, frames: number): void {
    const stages = this.stages;
    for (let s = 0; s < stages.length; s++) stages[s]?.process(left, right, frames);
  }

  reset(): void {
    for (const stage of this.stages) stage.reset();
  }

  /** The whole EQ's response in dB at `hz`. */
  magnitudeDb(hz: number): number {
    let db = 0;
    for (const stage of this.stages) db += stage.magnitudeDb(hz);
    return db;
  }
}
