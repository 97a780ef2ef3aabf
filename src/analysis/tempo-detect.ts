/**
 * Tempo of a rhythmic sound (a drum loop, a groove), pure and deterministic, for loops whose
 * name states no tempo.
 *
 * 1. Onset strength: the mono mix is first-differenced (so the attack of a drum outweighs the
 *    sustain of a pad), its energy taken in blocks of ~4 ms, log-compressed relative to the mean
 *    energy, and the rise from block to block kept (half-wave rectified flux).
 * 2. Its autocorrelation (normalised by overlap) shows the periods at which onsets repeat.
 * 3. Each candidate tempo is scored by the autocorrelation at every multiple of its beat period
 *    (a beat repeats each beat, and also each bar), weighed by a gentle preference for the tempi
 *    music is usually counted in (centred on 120 BPM), which settles half/double-time doubts.
 * 4. The best candidate is refined on a 0.01 BPM grid; then, if the sound lasts a whole number of
 *    bars at a tempo within 0.5 BPM of it (2 % for a loop), that tempo wins: loops are cut on the
 *    bar, and the length of a whole bar is measured far more precisely than a beat.
 */

export interface TempoOptions {
  /** Tempi considered, BPM; default 70–180. */
  readonly minBpm?: number;
  readonly maxBpm?: number;
  /** Beats per bar for the whole-bars check; default 4. */
  readonly beatsPerBar?: number;
  /** Only this much of the start is analysed, seconds; default 30. */
  readonly maxSeconds?: number;
  /**
   * The sound is a loop: it repeats seamlessly, so its onsets are read as a cycle (the end runs
   * into the start). This lets a one-bar loop show its beat as clearly as a long one.
   */
  readonly loop?: boolean;
}

export interface TempoEstimate {
  /** BPM, rounded to 0.01. */
  readonly bpm: number;
  /**
   * How much the chosen beat period stands out from the other periods, 0–1: near 0 for sounds
   * without a pulse (pads, noise), towards 1 for a steady beat.
   */
  readonly confidence: number;
  /** Whether the tempo was set by the sound lasting a whole number of bars. */
  readonly snappedToBars: boolean;
}

/** Below this confidence there is no tempo worth storing. */
export const minTempoConfidence = 0.15;

/** A whole-bars tempo this close (BPM) to the measured one is taken as the sound's true tempo. */
const barTolerance = 0.5;
/** For a loop, which is cut on the bar by definition, this close (a fraction of the tempo). */
const loopBarTolerance = 0.02;

/** Onset-strength blocks per second (about). */
const envelopeRate = 250;

/**
 * The tempo of `channels` (planar PCM at `sampleRate`), or null when the sound is too short
 * (under two beats at the slowest tempo), silent, or has no steady pulse.
 */
export function detectTempo(channels: readonly Float32Array[], sampleRate: number, options: TempoOptions = {}): TempoEstimate | null {
  const minBpm = options.minBpm ?? 70;
  const maxBpm = options.maxBpm ?? 180;
  const beatsPerBar = options.beatsPerBar ?? 4;
  const length = Math.min(channels[0]?.length ?? 0, Math.round((options.maxSeconds ?? 30) * sampleRate));
  const durationSeconds = (channels[0]?.length ?? 0) / sampleRate;
  if (channels.length === 0 || length < 2 * (60 / minBpm) * sampleRate) return null;

  const hop = Math.max(1, Math.round(sampleRate / envelopeRate));
  const rate = sampleRate / hop;
  const novelty = onsetStrength(channels, length, hop);
  if (novelty === null) return null;
  const cyclic = options.loop === true && length === (channels[0]?.length ?? 0);
  const acf = cyclic ? cyclicAutocorrelation(novelty, Math.min(novelty.length, Math.ceil(rate * 8))) : autocorrelation(novelty, Math.min(novelty.length - 1, Math.ceil(rate * 8)));
  // Multiples of the beat considered: in a cycle, all of them; else those whose lag still
  // overlaps a third of the sound.
  const reach = cyclic ? acf.length - 1 : Math.min(acf.length - 1, Math.floor((novelty.length * 2) / 3));

  const score = (bpm: number) => {
    const period = (rate * 60) / bpm;
    let sum = 0;
    let count = 0;
    for (let lag = period; lag <= reach; lag += period) {
      sum += interpolate(acf, lag);
      count++;
    }
    return count === 0 ? -Infinity : sum / count;
  };
  const weighted = (bpm: number) => score(bpm) * preference(bpm);

  let best = minBpm;
  let bestScore = -Infinity;
  for (let bpm = minBpm; bpm <= maxBpm; bpm += 0.25) {
    const value = weighted(bpm);
    if (value > bestScore) {
      bestScore = value;
      best = bpm;
    }
  }
  if (!Number.isFinite(bestScore)) return null;
  let refined = best;
  let refinedScore = score(best);
  for (let bpm = best - 0.5; bpm <= best + 0.5; bpm += 0.01) {
    const value = score(bpm);
    if (value > refinedScore) {
      refinedScore = value;
      refined = bpm;
    }
  }

  // How far the winner stands above the typical candidate, relative to the zero-lag energy.
  const others: number[] = [];
  for (let bpm = minBpm; bpm <= maxBpm; bpm += 1) others.push(score(bpm));
  others.sort((a, b) => a - b);
  const median = others[Math.floor(others.length / 2)] ?? 0;
  const confidence = acf[0] && acf[0] > 0 ? Math.max(0, Math.min(1, (refinedScore - median) / acf[0])) : 0;
  if (confidence < minTempoConfidence) return null;

  const bars = Math.round((durationSeconds * refined) / 60 / beatsPerBar);
  const barTempo = bars >= 1 ? (bars * beatsPerBar * 60) / durationSeconds : NaN;
  const snappedToBars = Math.abs(barTempo - refined) <= (cyclic ? refined * loopBarTolerance : barTolerance);
  const bpm = snappedToBars ? barTempo : refined;
  return { bpm: Math.round(bpm * 100) / 100, confidence, snappedToBars };
}

/** Blocks per energy window: 16 ms, several periods of any bass note, so tones do not flicker. */
const windowBlocks = 4;
/** Rises smaller than this (nepers of energy, about 2 dB) are level wobble, not onsets. */
const minRise = 0.25;

/** Half-wave rectified log-energy flux of the differenced mono mix; null for silence. */
function onsetStrength(channels: readonly Float32Array[], length: number, hop: number): Float64Array | null {
  const blocks = Math.floor(length / hop);
  const energy = new Float64Array(blocks);
  let previous = 0;
  let total = 0;
  for (let b = 0; b < blocks; b++) {
    let sum = 0;
    for (let i = b * hop; i < (b + 1) * hop; i++) {
      let sample = 0;
      for (let c = 0; c < channels.length; c++) sample += (channels[c] as Float32Array)[i] as number;
      const rise = sample - previous;
      previous = sample;
      sum += rise * rise;
    }
    energy[b] = sum;
    total += sum;
  }
  const mean = total / Math.max(1, blocks);
  if (!(mean > 0)) return null;
  const frames = blocks - windowBlocks + 1;
  if (frames < 2) return null;
  const level = new Float64Array(frames);
  for (let n = 0; n < frames; n++) {
    let sum = 0;
    for (let j = 0; j < windowBlocks; j++) sum += energy[n + j] ?? 0;
    level[n] = Math.log1p((1000 * sum) / (windowBlocks * mean));
  }
  const novelty = new Float64Array(frames);
  for (let n = 1; n < frames; n++) novelty[n] = Math.max(0, (level[n] ?? 0) - (level[n - 1] ?? 0) - minRise);
  // A light smoothing so peaks span a few frames and interpolate between lags.
  const smooth = new Float64Array(frames);
  let average = 0;
  for (let n = 0; n < frames; n++) {
    smooth[n] = 0.25 * (novelty[n - 1] ?? 0) + 0.5 * (novelty[n] ?? 0) + 0.25 * (novelty[n + 1] ?? 0);
    average += smooth[n] ?? 0;
  }
  average /= frames;
  for (let n = 0; n < frames; n++) smooth[n] = (smooth[n] ?? 0) - average;
  return smooth;
}

/** r[lag] = mean over the overlap of x[n]·x[n+lag], for lag 0…maxLag. */
function autocorrelation(x: Float64Array, maxLag: number): Float64Array {
  const r = new Float64Array(maxLag + 1);
  for (let lag = 0; lag <= maxLag; lag++) {
    let sum = 0;
    for (let n = 0; n + lag < x.length; n++) sum += (x[n] ?? 0) * (x[n + lag] ?? 0);
    r[lag] = sum / (x.length - lag);
  }
  return r;
}

/** r[lag] = mean of x[n]·x[(n+lag) mod N], for lag 0…maxLag: `x` read as one turn of a cycle. */
function cyclicAutocorrelation(x: Float64Array, maxLag: number): Float64Array {
  const r = new Float64Array(maxLag + 1);
  const n = x.length;
  for (let lag = 0; lag <= maxLag; lag++) {
    // In two runs, the second wrapped round to the start, instead of a modulo per product.
    const wrap = Math.max(0, n - lag);
    let sum = 0;
    for (let i = 0; i < wrap; i++) sum += (x[i] as number) * (x[i + lag] as number);
    for (let i = wrap; i < n; i++) sum += (x[i] as number) * (x[i + lag - n] as number);
    r[lag] = sum / n;
  }
  return r;
}

function interpolate(values: Float64Array, at: number): number {
  const i = Math.floor(at);
  const fraction = at - i;
  return (values[i] ?? 0) * (1 - fraction) + (values[i + 1] ?? 0) * fraction;
}

/** A log-normal preference around 120 BPM, one octave wide: 1 at 120, 0.61 at 60 or 240. */
function preference(bpm: number): number {
  const octaves = Math.log2(bpm / 120);
  return Math.exp(-0.5 * octaves * octaves);
}
