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
  const scale = 1 / Math.max(1, channels.length);
  if (factor === 1) {
    const mono = new Float64Array(length);
    for (const channel of channels) for (let i = 0; i < length; i++) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) * scale;
    return { mono, factor, sampleRate };
  }
  // The first stage mixes as it filters: no mono copy at the full rate.
  let mono = halve(channels, length, halfBand(sampleRate, passHz), scale);
  let rate = sampleRate / 2;
  for (let left = factor / 2; left > 1; left /= 2, rate /= 2) mono = halve([mono], mono.length, halfBand(rate, passHz), 1);
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

/**
 * Every other sample of the sum of `inputs[…][0, length)` × `gain`, filtered by the half-band
 * `filter`; samples outside read as silence.
 */
function halve(inputs: readonly (Float32Array | Float64Array)[], length: number, filter: { centre: number; odd: Float64Array }, gain: number): Float64Array {
  const centre = filter.centre * gain;
  const taps = filter.odd.map((tap) => tap * gain);
  const count = taps.length;
  const out = new Float64Array(Math.ceil(length / 2));
  const reach = 2 * count - 1;
  // Outputs whose taps all fall inside the input: no bounds to test.
  const first = Math.min(out.length, Math.ceil(reach / 2));
  const last = Math.max(first, Math.min(out.length, Math.floor((length - 1 - reach) / 2) + 1));
  for (const input of inputs) {
    for (let m = first; m < last; m++) {
      const at = 2 * m;
      let sum = centre * (input[at] as number);
      for (let j = 0; j < count; j++) sum += (taps[j] as number) * ((input[at - 2 * j - 1] as number) + (input[at + 2 * j + 1] as number));
      out[m] = (out[m] as number) + sum;
    }
    for (let m = 0; m < out.length; m = m + 1 === first ? last : m + 1) {
      const at = 2 * m;
      let sum = centre * (input[at] ?? 0);
      for (let j = 0; j < count; j++) {
        const before = at - 2 * j - 1;
        const after = at + 2 * j + 1;
        sum += (taps[j] ?? 0) * ((before >= 0 ? (input[before] ?? 0) : 0) + (after < length ? (input[after] ?? 0) : 0));
      }
      out[m] = (out[m] ?? 0) + sum;
    }
  }
  return out;
}
