import { BiquadCoefficients } from '../biquad/biquad-coefficients';
import { StereoBiquad } from '../biquad/stereo-biquad';

export type EqBandKind = 'peaking' | 'low-shelf' | 'high-shelf';

/** One bell or shelf of the EQ: a single RBJ section that can be switched off. */
export class EqBand {
  private readonly coefficients = new BiquadCoefficients();
  private readonly state = new StereoBiquad();
  private enabled = true;
  private frequencyHz: number;
  private gainDb = 0;
  private q = Math.SQRT1_2;
  /**
   * A setting moved since the last design. Setters only store and mark; `refresh` designs once
   * per block however many settings moved (a bell whose frequency and gain both moved designed
   * twice), and every design goes through that one call site. While automation moves any band,
   * the site is hot and optimized, so a knob moving another band does not run its design in V8's
   * interpreter, which boxes every fractional double (≈ 600 bytes of garbage per design, from a
   * heap profile of the engine allocation test).
   */
  private stale = false;
  /**
   * The band's coefficients are the identity and its state is at rest: it would give back its input
   * exactly. Kept as one flag (set by `design`, `reset` and `process`) so an idle band costs one
   * field read per block, not reads of its coefficients and state (on a mix of many EQs, mostly
   * cache misses).
   */
  private idle = false;

  constructor(
    private readonly sampleRate: number,
    private readonly kind: EqBandKind,
    frequencyHz: number,
  ) {
    this.frequencyHz = frequencyHz;
    this.design();
  }

  /** A disabled band passes the signal untouched; enabling it again starts from silence. */
  setEnabled(on: boolean): void {
    if (on && !this.enabled) this.reset();
    this.enabled = on;
  }

  setFrequencyHz(hz: number): void {
    if (hz === this.frequencyHz) return;
    this.frequencyHz = hz;
    this.stale = true;
  }

  setGainDb(db: number): void {
    if (db === this.gainDb) return;
    this.gainDb = db;
    this.stale = true;
  }

  setQ(q: number): void {
    if (q === this.q) return;
    this.q = q;
    this.stale = true;
  }

  /**
   * A band at 0 dB whose past has rung out is skipped: it would give back its input exactly
   * (most of an EQ's bands sit there). After a gain change back to 0 dB it runs until its
   * state is at rest, so the ringing is never cut off.
   */
  process(left: Float32Array, right: Float32Array, frames: number): void {
    this.refresh();
    if (!this.enabled || this.idle) return;
    this.state.process(this.coefficients, left, right, frames);
    this.idle = this.coefficients.isIdentity() && this.state.isAtRest();
  }

  reset(): void {
    this.state.reset();
    this.idle = this.coefficients.isIdentity();
  }

  /** Response in dB at `hz` from the band's actual coefficients; 0 while disabled. */
  magnitudeDb(hz: number): number {
    this.refresh();
    return this.enabled ? this.coefficients.magnitudeDb(this.sampleRate, hz) : 0;
  }

  /** Designs the section from the settings if one moved since the last design. */
  refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.design();
  }

  private design(): void {
    const c = this.coefficients;
    if (this.kind === 'peaking') c.setPeaking(this.sampleRate, this.frequencyHz, this.q, this.gainDb);
    else if (this.kind === 'low-shelf') c.setLowShelf(this.sampleRate, this.frequencyHz, this.q, this.gainDb);
    else c.setHighShelf(this.sampleRate, this.frequencyHz, this.q, this.gainDb);
    this.idle = c.isIdentity() && this.state.isAtRest();
  }
}
