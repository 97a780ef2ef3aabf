/**
 * Musical key detection from PCM, pure and deterministic.
 *
 * The channels are mixed to mono, decimated to 5–10 kHz (decimate.ts: everything read lies below
 * 2 kHz, and the FFTs get eight times smaller at 44.1 kHz) and cut into Hann-windowed frames of
 * about 170 ms (a power of two, so the FFT is radix-2). Each frame's spectral peaks between 55 Hz and 2 kHz are folded onto
 * the twelve pitch classes (A = 440 Hz, equal temperament), weighted by magnitude (peaks more
 * than 30 dB under the frame's strongest are dropped), giving a
 * chromagram summed over the sound. The chroma vector is correlated (Pearson) with the
 * Krumhansl–Kessler major and minor profiles rotated to all twelve tonics; the best of the 24
 * keys wins.
 *
 * Non-tonal sounds get null rather than a guess: shorter than `minSeconds`, mostly noise (median
 * spectral flatness of the frames above `maxFlatness`), too little pitched content (fewer than
 * three pitch classes carry weight), a best correlation below `minCorrelation`, or a winner too
 * close to a rival key (confidence below `minConfidence`).
 */
import { allKeys } from './musical-key';
import { fft } from '../dsp/fft';
import { decimateMono, decimationFactor } from './decimate';
import { maxOf } from '../std/extremes';

export interface KeyDetection {
  /** Normalised like src/analysis/musical-key (`C minor`, `F# major`). */
  readonly key: string;
  /** Pearson correlation of the chroma with the winning key's profile, −1…1. */
  readonly correlation: number;
  /**
   * 0…1: how clearly the winner beats the runner-up that is not its relative key (relatives share
   * every note, so they are told apart only by weighting), scaled by the correlation.
   */
  readonly confidence: number;
  /** The summed chroma, C…B, normalised to a maximum of 1. */
  readonly chroma: readonly number[];
}

export interface KeyDetectOptions {
  readonly minSeconds?: number;
  readonly maxFlatness?: number;
  readonly minCorrelation?: number;
  /** Below this confidence the winner is too close to a rival key to name. */
  readonly minConfidence?: number;
  /** Only this much from the start is analysed, to bound the work on long files. */
  readonly maxSeconds?: number;
}

const defaults = { minSeconds: 0.75, maxFlatness: 0.35, minCorrelation: 0.6, minConfidence: 0.3, maxSeconds: 30 };

/** Krumhansl & Kessler (1982) probe-tone ratings, tonic first. */
const majorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
const minorProfile = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

const lowHz = 55;
const highHz = 2000;
/**
 * The spectrum is read from a mono mix decimated to at least this rate (decimate.ts), flat up to
 * `passHz` (a little above `highHz`, where the peak test reads one bin further): an 8192-point
 * FFT at 44.1 kHz becomes a 1024-point one on the very same bins.
 */
const minAnalysisRate = 5000;
const passHz = 2100;
/** Peaks more than 30 dB under the frame's strongest are ignored. */
const peakFloor = 10 ** (-30 / 20);

/** The key of a tonal sound, or null when the sound is too short, noisy or unpitched to have one. */
export function detectKey(channels: readonly Float32Array[], sampleRate: number, options: KeyDetectOptions = {}): KeyDetection | null {
  const { minSeconds, maxFlatness, minCorrelation, minConfidence, maxSeconds } = { ...defaults, ...options };
  const length = Math.min(channels[0]?.length ?? 0, Math.floor(maxSeconds * sampleRate));
  if (channels.length === 0 || length < minSeconds * sampleRate) return null;
  // Frames of about 170 ms at the file's rate; the same frames, bins and hops at the decimated rate.
  const fullSize = 2 ** Math.round(Math.log2(sampleRate * 0.17));
  const fullHop = fullSize / 2;
  const frames = Math.max(1, Math.floor((length - fullSize) / fullHop) + 1);
  const decimated = decimateMono(channels, length, sampleRate, decimationFactor(sampleRate, minAnalysisRate, fullHop), passHz);
  const { mono } = decimated;
  const size = fullSize / decimated.factor;
  const hop = fullHop / decimated.factor;
  const rate = decimated.sampleRate;
  const window = new Float64Array(size);
  // Scaled by the factor, so spectra keep the magnitudes of the full-rate transform (the silence test reads them).
  for (let i = 0; i < size; i++) window[i] = (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size)) * decimated.factor;
  const firstBin = Math.max(1, Math.floor((lowHz * size) / rate));
  const lastBin = Math.min(size / 2 - 1, Math.ceil((highHz * size) / rate));
  const pitchOfBin = new Int8Array(lastBin + 1);
  for (let bin = firstBin; bin <= lastBin; bin++) {
    const midi = 69 + 12 * Math.log2((bin * rate) / size / 440);
    pitchOfBin[bin] = ((Math.round(midi) % 12) + 12) % 12;
  }

  const chroma = new Float64Array(12);
  const flatness: number[] = [];
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  const magnitude = new Float64Array(lastBin + 2);
  for (let frame = 0; frame < frames; frame++) {
    const start = frame * hop;
    for (let i = 0; i < size; i++) {
      re[i] = (mono[start + i] ?? 0) * (window[i] ?? 0);
      im[i] = 0;
    }
    fft(re, im);
    let energy = 0;
    let logSum = 0;
    for (let bin = firstBin; bin <= lastBin + 1; bin++) {
      const power = (re[bin] ?? 0) ** 2 + (im[bin] ?? 0) ** 2;
      magnitude[bin] = Math.sqrt(power);
      if (bin <= lastBin) {
        energy += power;
        logSum += Math.log(power + 1e-20);
      }
    }
    const bins = lastBin - firstBin + 1;
    // Frames at digital silence say nothing about tonality.
    if (energy / bins < 1e-12) continue;
    flatness.push(Math.exp(logSum / bins) / (energy / bins));
    let frameMax = 0;
    for (let bin = firstBin; bin <= lastBin; bin++) frameMax = Math.max(frameMax, magnitude[bin] ?? 0);
    // Only clear peaks count: within 30 dB of the frame's strongest, so noise floors stay out.
    const floor = frameMax * peakFloor;
    for (let bin = firstBin + 1; bin <= lastBin; bin++) {
      const m = magnitude[bin] ?? 0;
      if (m > floor && m > (magnitude[bin - 1] ?? 0) && m >= (magnitude[bin + 1] ?? 0)) {
        const pc = pitchOfBin[bin] ?? 0;
        chroma[pc] = (chroma[pc] ?? 0) + m;
      }
    }
  }
  if (flatness.length === 0) return null;
  flatness.sort((a, b) => a - b);
  if ((flatness[Math.floor(flatness.length / 2)] ?? 1) > maxFlatness) return null;

  const max = maxOf(chroma);
  if (!(max > 0)) return null;
  const normalised = [...chroma].map((value) => value / max);
  const mean = normalised.reduce((sum, value) => sum + value, 0) / 12;
  // A single sustained note (a kick's body, a sine) spreads over its overtones' classes only weakly.
  if (normalised.filter((value) => value > Math.max(0.35, mean)).length < 3) return null;

  const scores = allKeys.map((key, index) => {
    const tonic = Math.floor(index / 2);
    const profile = index % 2 === 0 ? majorProfile : minorProfile;
    return { key, score: pearson(normalised, (pc) => profile[(pc - tonic + 12) % 12] ?? 0) };
  });
  const ranked = [...scores].sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score < minCorrelation) return null;
  const bestIndex = allKeys.indexOf(best.key);
  const relative = relativeIndex(bestIndex);
  const rival = ranked.find((entry) => entry.key !== best.key && allKeys.indexOf(entry.key) !== relative);
  const margin = best.score - (rival?.score ?? 0);
  const confidence = Math.max(0, Math.min(1, (margin / 0.2) * best.score));
  if (confidence < minConfidence) return null;
  return { key: best.key, correlation: best.score, confidence, chroma: normalised };
}

function relativeIndex(index: number): number {
  const tonic = Math.floor(index / 2);
  return index % 2 === 0 ? ((tonic + 9) % 12) * 2 + 1 : ((tonic + 3) % 12) * 2;
}

function pearson(values: readonly number[], profileAt: (pc: number) => number): number {
  let meanX = 0;
  let meanY = 0;
  for (let pc = 0; pc < 12; pc++) {
    meanX += (values[pc] ?? 0) / 12;
    meanY += profileAt(pc) / 12;
  }
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let pc = 0; pc < 12; pc++) {
    const x = (values[pc] ?? 0) - meanX;
    const y = profileAt(pc) - meanY;
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
