import { cosInPlace, exp10InPlace, log10, sin, sinInPlace } from '../../std/det-math';

/**
 * Second-order section coefficients after R. Bristow-Johnson's "Audio EQ Cookbook", normalized
 * so a0 = 1: y[n] = b0·x[n] + b1·x[n−1] + b2·x[n−2] − a1·y[n−1] − a2·y[n−2].
 * Designs write into an existing object, so a setter called every block allocates nothing.
 */
export class BiquadCoefficients {
  b0 = 1;
  b1 = 0;
  b2 = 0;
  a1 = 0;
  a2 = 0;
  /** The design's a0 until `normalize` divides it out; 1 after. */
  private a0 = 1;
  /**
   * A design's 10^(gainDb / 40), cos ω0 and sin ω0: it writes gainDb / 40, ω0 and ω0 here and
   * `evaluateTerms` replaces them in place (det-math's audio-thread form; nothing fractional crosses a call).
   */
  private readonly terms = new Float64Array(3);

  /** Passes the signal unchanged. */
  setIdentity(): void {
    this.b0 = 1;
    this.b1 = 0;
    this.b2 = 0;
    this.a0 = 1;
    this.a1 = 0;
    this.a2 = 0;
    this.normalize();
  }

  /**
   * Whether the section passes its input unchanged: numerator equal to denominator (a bell or
   * shelf at 0 dB designs exactly that). Run from rest, such a section outputs x exactly and its
   * state stays zero (in transposed direct form II: b1·x − a1·x = 0), so it can be skipped.
   */
  isIdentity(): boolean {
    return this.b0 === 1 && this.b1 === this.a1 && this.b2 === this.a2;
  }

  /** Bell around `frequencyHz`, `gainDb` at its centre, bandwidth by `q`. */
  setPeaking(sampleRate: number, frequencyHz: number, q: number, gainDb: number): void {
    const terms = this.terms;
    terms[0] = gainDb / 40;
    terms[1] = terms[2] = angularFrequency(sampleRate, frequencyHz);
    this.evaluateTerms();
    const a = terms[0] as number;
    const cos = terms[1] as number;
    const alpha = (terms[2] as number) / (2 * q);
    this.b0 = 1 + alpha * a;
    this.b1 = -2 * cos;
    this.b2 = 1 - alpha * a;
    this.a0 = 1 + alpha / a;
    this.a1 = -2 * cos;
    this.a2 = 1 - alpha / a;
    this.normalize();
  }

  /** Shelf below `frequencyHz` (its midpoint, gainDb/2), raised or cut by `gainDb`; `q` 0.707 is the cookbook's S = 1. */
  setLowShelf(sampleRate: number, frequencyHz: number, q: number, gainDb: number): void {
    this.setShelf(sampleRate, frequencyHz, q, gainDb, 1);
  }

  /** Shelf above `frequencyHz`, the mirror of {@link setLowShelf}. */
  setHighShelf(sampleRate: number, frequencyHz: number, q: number, gainDb: number): void {
    this.setShelf(sampleRate, frequencyHz, q, gainDb, -1);
  }

  /**
   * The cookbook's low shelf (side 1) or high shelf (side −1): the high shelf is the low one with
   * cos ω0 and the odd coefficients b1, a1 negated (its formulas are the low shelf's at z → −z).
   * Negation is exact, so both come out bit for bit as the cookbook's own formulas give them.
   */
  private setShelf(sampleRate: number, frequencyHz: number, q: number, gainDb: number, side: number): void {
    const terms = this.terms;
    terms[0] = gainDb / 40;
    terms[1] = terms[2] = angularFrequency(sampleRate, frequencyHz);
    this.evaluateTerms();
    const a = terms[0] as number;
    const cos = side * (terms[1] as number);
    const twoRootAAlpha = (2 * Math.sqrt(a) * (terms[2] as number)) / (2 * q);
    this.b0 = a * (a + 1 - (a - 1) * cos + twoRootAAlpha);
    this.b1 = side * 2 * a * (a - 1 - (a + 1) * cos);
    this.b2 = a * (a + 1 - (a - 1) * cos - twoRootAAlpha);
    this.a0 = a + 1 + (a - 1) * cos + twoRootAAlpha;
    this.a1 = side * -2 * (a - 1 + (a + 1) * cos);
    this.a2 = a + 1 + (a - 1) * cos - twoRootAAlpha;
    this.normalize();
  }

  /** Second-order high-pass at `frequencyHz` with resonance `q` (0.7071: Butterworth). */
  setHighPass(sampleRate: number, frequencyHz: number, q: number): void {
    this.setPass(sampleRate, frequencyHz, q, -1);
  }

  /** Second-order low-pass at `frequencyHz` with resonance `q` (0.7071: Butterworth). */
  setLowPass(sampleRate: number, frequencyHz: number, q: number): void {
    this.setPass(sampleRate, frequencyHz, q, 1);
  }

  /**
   * The cookbook's low-pass (side 1) or high-pass (side −1): the high-pass numerator is the
   * low-pass one with cos ω0 and b1 negated (z → −z in the numerator; the denominator is shared).
   * Negation is exact and 1 − (−c) is 1 + c exactly, so both come out bit for bit as the
   * cookbook's own formulas give them.
   */
  private setPass(sampleRate: number, frequencyHz: number, q: number, side: number): void {
    const terms = this.terms;
    terms[0] = 0;
    terms[1] = terms[2] = angularFrequency(sampleRate, frequencyHz);
    this.evaluateTerms();
    const cos = terms[1] as number;
    const alpha = (terms[2] as number) / (2 * q);
    const rim = 1 - side * cos;
    this.b0 = rim / 2;
    this.b1 = side * rim;
    this.b2 = rim / 2;
    this.a0 = 1 + alpha;
    this.a1 = -2 * cos;
    this.a2 = 1 - alpha;
    this.normalize();
  }

  /** |H(e^jω)| in dB at `frequencyHz`, from these very coefficients (what the UI draws). */
  magnitudeDb(sampleRate: number, frequencyHz: number): number {
    // |b0 + b1 z⁻¹ + b2 z⁻²|² written with φ = sin²(ω/2), which stays accurate at low ω
    // where 1 − cos ω would cancel (the cookbook's own "magnitude" formula).
    const s = sin(angularFrequency(sampleRate, frequencyHz) / 2);
    const phi = s * s;
    return 10 * log10(power(this.b0, this.b1, this.b2, phi)) - 10 * log10(power(1, this.a1, this.a2, phi));
  }

  /** Replaces gainDb / 40, ω0, ω0 in `terms` by 10^(gainDb / 40), cos ω0, sin ω0. */
  private evaluateTerms(): void {
    const terms = this.terms;
    exp10InPlace(terms, 0, 1);
    cosInPlace(terms, 1, 2);
    sinInPlace(terms, 2, 3);
  }

  /**
   * Divides the design's coefficients by its a0. The designs write raw values into the fields
   * rather than passing six doubles to a call, which would box each of them when not inlined.
   */
  private normalize(): void {
    const a0 = this.a0;
    this.b0 /= a0;
    this.b1 /= a0;
    this.b2 /= a0;
    this.a1 /= a0;
    this.a2 /= a0;
    this.a0 = 1;
  }
}

/** Frequencies at or above Nyquist are held just under it, where the designs stay stable. */
function angularFrequency(sampleRate: number, frequencyHz: number): number {
  return (2 * Math.PI * Math.min(frequencyHz, 0.4999 * sampleRate)) / sampleRate;
}

/** |c0 + c1 z⁻¹ + c2 z⁻²|² on the unit circle, with φ = sin²(ω/2). */
function power(c0: number, c1: number, c2: number, phi: number): number {
  const sum = c0 + c1 + c2;
  return sum * sum - 4 * (c0 * c1 + 4 * c0 * c2 + c1 * c2) * phi + 16 * c0 * c2 * phi * phi;
}
