import { besselI0 } from '../dsp/bessel';

/**
 * Mono mix at a fraction of the sample rate, for analyses that look only at low frequencies (key
 * detection reads 55 Hz – 2 kHz): decimating first makes their FFTs many times smaller while
 * leaving the same bins on the same frequencies. Kaiser-windowed half-band filters halve the rate
 * an octave at a time; what they let through up to `passHz` is flat to 0.1 %, and whatever would
 * fold back below `passHz` is about 60 dB down (tests/unit/analysis/decimate.test.ts measures it).
 */

/** Attenuation of everything that would alias into the passband, dB. */
const stopbandDb = 60;
/** Kaiser's β for that attenuation (Kaiser's formula, A > 50 dB). */
const beta = 0.1102 * (stopbandDb - 8.7);

/** The mono mix of `channels[…][0, length)` kept at every `factor`-th sample, and the rate it is at. */
export interface Decimated {
  readonly mono: Float64Array;
  /** Input samples per output sample. */
  readonly factor: number;
  /** Hz: the input rate / `factor`. */
  readonly sampleRate: number;
}

/**
 * The largest power-of-two factor (at most `maxFactor`) that keeps the decimated rate at least
 * `minRate`, so content up to `passHz` survives and the filter has room to roll off.
 */
export function decimationFactor(sampleRate: number, minRate: number, maxFactor: number): number {
  let factor = 1;
  while (factor * 2 <= maxFactor && sampleRate / (factor * 2) >= minRate) factor *= 2;
  return factor;
}

/**
 * The mono mix (channels averaged) of the first `length` frames, low-passed below `passHz` and
 * kept every `factor` samples (a power of two): output sample m stands for input sample
 * m · factor (the filters are centred, so nothing shifts). The decimated rate must leave room
 * above `passHz` (rate / factor > 2 · passHz). Halving one octave at a time with half-band
 * filters costs a few multiplications per input sample: each stage needs to be sharp only where
 * its own folding would reach the band that is kept.
 */
export function decimateMono(channels: readonly Float32Array[], length: number, sampleRate: number, factor: number, passHz: number): Decimated {
  if (!Number.isInteger(Math.log2(factor))) throw new RangeError(`decimation factor ${factor} is not a power of two`);
  if (factor > 1 && !(sampleRate / factor > 2 * passHz)) throw new RangeError(`decimating ${sampleRate} Hz by ${factor} leaves no room above ${passHz} Hz`);
  let mono: Float64Array = new Float64Array(length);
  const scale = 1 / Math.max(1, channels.length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) * scale;
  let rate = sampleRate;
  for (let left = factor; left > 1; left /= 2, rate /= 2) mono = halve(mono, halfBand(rate, passHz));
  return { mono, factor, sampleRate: rate };
}

/**
 * A half-band low-pass at `rate`, flat to `passHz` and `stopbandDb` down from rate / 2 − passHz
 * (what folds onto the passband when every other sample is dropped). Half-band: every even tap
 * but the centre is zero, so only the centre and the odd taps (symmetric pairs) are returned,
 * `odd[j]` being the tap at ±(2j + 1).
 */
function halfBand(rate: number, passHz: number): { centre: number; odd: Float64Array } {
  const transition = (2 * Math.PI * (rate / 2 - 2 * passHz)) / rate;
  // Kaiser's length estimate; half a length that is odd, so the outermost taps are not zero.
  const estimate = Math.ceil((stopbandDb - 8) / (2.285 * transition));
  const half = 2 * Math.floor(estimate / 4) + 1;
  const norm = besselI0(beta);
  const tap = (t: number) => (t === 0 ? 0.5 : Math.sin((Math.PI * t) / 2) / (Math.PI * t)) * (besselI0(beta * Math.sqrt(1 - (t / (half + 1)) ** 2)) / norm);
  const odd = new Float64Array((half + 1) / 2);
  let sum = tap(0);
  for (let j = 0; j < odd.length; j++) {
    odd[j] = tap(2 * j + 1);
    sum += 2 * (odd[j] ?? 0);
  }
  for (let j = 0; j < odd.length; j++) odd[j] = (odd[j] ?? 0) / sum;
  return { centre: tap(0) / sum, odd };
}

/** Every other sample of `input` filtered by the half-band `filter`; samples outside `input` read as silence. */
function halve(input: Float64Array, filter: { centre: number; odd: Float64Array }): Float64Array {
  const { centre, odd } = filter;
  const out = new Float64Array(Math.ceil(input.length / 2));
  const reach = 2 * odd.length - 1;
  for (let m = 0; m < out.length; m++) {
    const at = 2 * m;
    let sum = centre * (input[at] ?? 0);
    if (at - reach >= 0 && at + reach < input.length) {
      for (let j = 0; j < odd.length; j++) sum += (odd[j] ?? 0) * ((input[at - 2 * j - 1] ?? 0) + (input[at + 2 * j + 1] ?? 0));
    } else {
      for (let j = 0; j < odd.length; j++) {
        const before = at - 2 * j - 1;
        const after = at + 2 * j + 1;
        sum += (odd[j] ?? 0) * ((before >= 0 ? (input[before] ?? 0) : 0) + (after < input.length ? (input[after] ?? 0) : 0));
      }
    }
    out[m] = sum;
  }
  return out;
}
