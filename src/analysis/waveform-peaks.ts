/**
 * A waveform thumbnail: for each of `buckets` equal slices of the sound, the lowest and highest
 * sample over all channels, as signed bytes (value × 127, rounded half away from zero, clamped to ±127). Stored
 * interleaved `[min0, max0, min1, max1, …]`, so 256 buckets cost 512 bytes and a list row can draw
 * its thumbnail without decoding the file. A sound shorter than `buckets` frames repeats frames
 * across neighbouring buckets; an empty sound gives all zeros.
 */
export function waveformPeaks(channels: readonly Float32Array[], buckets: number): Int8Array {
  if (!Number.isInteger(buckets) || buckets < 1) throw new RangeError(`buckets must be a positive integer, not ${buckets}`);
  const peaks = new Int8Array(buckets * 2);
  const frames = channels[0]?.length ?? 0;
  if (frames === 0) return peaks;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor((b * frames) / buckets);
    const end = Math.max(start + 1, Math.floor(((b + 1) * frames) / buckets));
    let low = Infinity;
    let high = -Infinity;
    for (const channel of channels) {
      for (let i = start; i < end; i++) {
        const value = channel[i] ?? 0;
        if (value < low) low = value;
        if (value > high) high = value;
      }
    }
    peaks[b * 2] = toByte(low);
    peaks[b * 2 + 1] = toByte(high);
  }
  return peaks;
}

/** Rounds half away from zero so a waveform and its inverse draw the same shape. */
function toByte(value: number): number {
  const magnitude = Math.min(127, Math.round(Math.abs(value) * 127));
  return value < 0 ? -magnitude : magnitude;
}
