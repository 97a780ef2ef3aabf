/** One second-order section, normalized so a0 = 1: y = b0·x + b1·x₋₁ + b2·x₋₂ − a1·y₋₁ − a2·y₋₂. */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/** The two stages of the BS.1770 K-weighting filter at one sample rate. */
export interface KWeighting {
  /** Stage 1: the +4 dB high shelf above ≈ 1.5 kHz (the acoustic effect of the head). */
  readonly shelf: BiquadCoefficients;
  /** Stage 2: the RLB high pass near 38 Hz. */
  readonly highPass: BiquadCoefficients;
}

/**
 * K-weighting coefficients for `sampleRate`, from the analogue prototypes of the BS.1770 filter
 * by the bilinear transform with frequency prewarping (the derivation libebur128 uses): a high
 * shelf at f0 = 1681.97 Hz, Q 0.7072, +4.0 dB, and a high pass at 38.135 Hz, Q 0.5003. At 48 kHz
 * this reproduces the table printed in BS.1770-4 to ~1e-14; at any other rate it keeps the same
 * analogue response (the 48 kHz table must not be reused at 44.1 kHz: that shifts the shelf).
 */
export function kWeighting(sampleRate: number): KWeighting {
  const shelfK = Math.tan((Math.PI * 1681.974450955533) / sampleRate);
  const shelfQ = 0.7071752369554196;
  const vh = Math.pow(10, 3.999843853973347 / 20);
  const vb = Math.pow(vh, 0.4996667741545416);
  const shelfA0 = 1 + shelfK / shelfQ + shelfK * shelfK;
  const passK = Math.tan((Math.PI * 38.13547087602444) / sampleRate);
  const passQ = 0.5003270373238773;
  const passA0 = 1 + passK / passQ + passK * passK;
  return {
    shelf: {
      b0: (vh + (vb * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
      b1: (2 * (shelfK * shelfK - vh)) / shelfA0,
      b2: (vh - (vb * shelfK) / shelfQ + shelfK * shelfK) / shelfA0,
      a1: (2 * (shelfK * shelfK - 1)) / shelfA0,
      a2: (1 - shelfK / shelfQ + shelfK * shelfK) / shelfA0,
    },
    highPass: {
      b0: 1,
      b1: -2,
      b2: 1,
      a1: (2 * (passK * passK - 1)) / passA0,
      a2: (1 - passK / passQ + passK * passK) / passA0,
    },
  };
}

/** Magnitude response of a biquad at `frequency`, in dB (for tests and documentation). */
export function biquadGainDb(c: BiquadCoefficients, frequency: number, sampleRate: number): number {
  const w = (2 * Math.PI * frequency) / sampleRate;
  const cos1 = Math.cos(w);
  const sin1 = Math.sin(w);
  const cos2 = Math.cos(2 * w);
  const sin2 = Math.sin(2 * w);
  const numRe = c.b0 + c.b1 * cos1 + c.b2 * cos2;
  const numIm = -(c.b1 * sin1 + c.b2 * sin2);
  const denRe = 1 + c.a1 * cos1 + c.a2 * cos2;
  const denIm = -(c.a1 * sin1 + c.a2 * sin2);
  return 10 * Math.log10((numRe * numRe + numIm * numIm) / (denRe * denRe + denIm * denIm));
}
