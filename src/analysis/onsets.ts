import { fft } from '../dsp/fft';
/**
 * Onset (transient) detection, pure and deterministic.
 *
 * `detectOnsets` works on PCM: the channels are mixed to mono, cut into Hann-windowed frames
 * (`frameSize`, `hop`), and the novelty of each frame is its log-magnitude spectral flux (the sum
 * over bins of the rise of log(1 + γ·|X|) since the previous frame). `onsetsFromPeaks` works on a
 * stored min/max waveform thumbnail (src/analysis/waveform-peaks) when no PCM is at hand: its
 * novelty is the rise of the log amplitude envelope, coarser but honest.
 *
 * Both pick peaks the same way: a frame is an onset when its novelty is a local maximum within
 * ±`peakRadius` frames, exceeds an adaptive threshold (the median of the surrounding
 * ±`thresholdRadius` frames × `thresholdRatio` + `delta` × the largest novelty), and comes at
 * least `minGapSeconds` after the previous onset.
 */

export interface OnsetOptions {
  /** Novelty frames either side whose median sets the local threshold. */
  readonly thresholdRadius?: number;
  /** Multiplier of that median. */
  readonly thresholdRatio?: number;
  /** Fixed part of the threshold, as a fraction of the largest novelty. */
  readonly delta?: number;
  /** A peak must be the largest within this many frames either side. */
  readonly peakRadius?: number;
  /** No two onsets closer than this. */
  readonly minGapSeconds?: number;
}

export interface PcmOnsetOptions extends OnsetOptions {
  /** FFT size, a power of two. */
  readonly frameSize?: number;
  readonly hop?: number;
}

const defaults = { thresholdRadius: 8, thresholdRatio: 1.3, delta: 0.03, peakRadius: 3, minGapSeconds: 0.05 };
/** The thumbnail's envelope is noisier than spectral flux, so it needs a higher threshold. */
const peaksDefaults = { thresholdRatio: 1.5, delta: 0.08 };

/** Onset times in seconds from the start of the sound, ascending. */
export function detectOnsets(channels: readonly Float32Array[], sampleRate: number, options: PcmOnsetOptions = {}): number[] {
  const frameSize = options.frameSize ?? 1024;
  const hop = options.hop ?? 256;
  if ((frameSize & (frameSize - 1)) !== 0 || frameSize < 8) throw new RangeError(`frameSize must be a power of two ≥ 8, not ${frameSize}`);
  const length = channels[0]?.length ?? 0;
  if (length === 0 || channels.length === 0) return [];
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) / channels.length;

  const window = new Float32Array(frameSize);
  for (let i = 0; i < frameSize; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / frameSize);
  const bins = frameSize / 2 + 1;
  const re = new Float64Array(frameSize);
  const im = new Float64Array(frameSize);
  let previous = new Float64Array(bins);
  let current = new Float64Array(bins);
  // Frames are centred on hop × n (padding with silence), so frame n describes time n × hop; the
  // sound is compared with silence before it, so sound from the very start is an onset at 0.
  const frames = Math.ceil(length / hop) + 1;
  const novelty = new Float64Array(frames);
  for (let n = 0; n < frames; n++) {
    const begin = n * hop - frameSize / 2;
    for (let i = 0; i < frameSize; i++) {
      const j = begin + i;
      re[i] = j >= 0 && j < length ? (mono[j] ?? 0) * (window[i] ?? 0) : 0;
      im[i] = 0;
    }
    fft(re, im);
    let flux = 0;
    for (let k = 0; k < bins; k++) {
      const magnitude = Math.log1p(100 * Math.hypot(re[k] ?? 0, im[k] ?? 0));
      current[k] = magnitude;
      const rise = magnitude - (previous[k] ?? 0);
      if (rise > 0) flux += rise;
    }
    novelty[n] = flux;
    [previous, current] = [current, previous];
  }
  return pickOnsets(novelty, hop / sampleRate, options);
}

/**
 * Onsets from a min/max thumbnail (`peaks`, interleaved signed bytes) of a sound lasting
 * `durationSeconds`. The time resolution is one bucket; use it where only peaks are available.
 */
export function onsetsFromPeaks(peaks: Int8Array, durationSeconds: number, options: OnsetOptions = {}): number[] {
  const buckets = Math.floor(peaks.length / 2);
  if (buckets < 2 || !(durationSeconds > 0)) return [];
  const bucketSeconds = durationSeconds / buckets;
  const envelope = new Float64Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const amplitude = Math.max(Math.abs(peaks[2 * b] ?? 0), Math.abs(peaks[2 * b + 1] ?? 0)) / 127;
    envelope[b] = Math.log1p(100 * amplitude);
  }
  // Compare each bucket with the envelope's recent past (≈ 10 ms), so a rise spread over a few
  // buckets still counts as one sharp rise.
  const lag = Math.max(1, Math.round(0.01 / bucketSeconds));
  const novelty = new Float64Array(buckets);
  for (let b = 0; b < buckets; b++) {
    let before = 0;
    for (let j = Math.max(0, b - lag); j < b; j++) before = Math.max(before, envelope[j] ?? 0);
    novelty[b] = Math.max(0, (envelope[b] ?? 0) - before);
  }
  return pickOnsets(novelty, bucketSeconds, { peakRadius: lag, ...peaksDefaults, ...options });
}

/** Peak picking shared by both detectors: frame n lies at n × `frameSeconds`. */
export function pickOnsets(novelty: Float64Array, frameSeconds: number, options: OnsetOptions = {}): number[] {
  const { thresholdRadius, thresholdRatio, delta, peakRadius, minGapSeconds } = { ...defaults, ...options };
  let largest = 0;
  for (const value of novelty) largest = Math.max(largest, value);
  if (largest <= 0) return [];
  const onsets: number[] = [];
  const scratch: number[] = [];
  for (let n = 0; n < novelty.length; n++) {
    const value = novelty[n] ?? 0;
    if (value <= 0) continue;
    let isPeak = true;
    for (let j = Math.max(0, n - peakRadius); j <= Math.min(novelty.length - 1, n + peakRadius) && isPeak; j++) {
      const other = novelty[j] ?? 0;
      if (other > value || (other === value && j < n)) isPeak = false;
    }
    if (!isPeak) continue;
    scratch.length = 0;
    for (let j = Math.max(0, n - thresholdRadius); j <= Math.min(novelty.length - 1, n + thresholdRadius); j++) scratch.push(novelty[j] ?? 0);
    scratch.sort((a, b) => a - b);
    const median = scratch[scratch.length >> 1] ?? 0;
    if (value <= median * thresholdRatio + delta * largest) continue;
    const time = n * frameSeconds;
    const last = onsets.at(-1);
    if (last !== undefined && time - last < minGapSeconds) continue;
    onsets.push(time);
  }
  return onsets;
}
