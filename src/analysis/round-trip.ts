/**
 * Finds where a known click sits in a recording of it, by cross-correlation: the round trip of a
 * loopback calibration (output → cable → input) is that lag minus when the click was played.
 */

/** A short, broadband click (a decaying alternating burst): sharp in cross-correlation. */
export function calibrationClick(length = 64): Float32Array {
  const click = new Float32Array(length);
  for (let i = 0; i < length; i++) click[i] = (i % 2 === 0 ? 1 : -1) * Math.exp(-i / (length / 6)) * 0.8;
  return click;
}

/**
 * The frame of `recording` at which `click` starts: the lag with the largest correlation, or null
 * when nothing in the recording resembles the click (peak under a tenth of the click's own energy).
 */
export function findClick(recording: Float32Array, click: Float32Array): number | null {
  let energy = 0;
  for (const value of click) energy += value * value;
  let best = 0;
  let bestLag = -1;
  for (let lag = 0; lag + click.length <= recording.length; lag++) {
    let sum = 0;
    for (let i = 0; i < click.length; i++) sum += (recording[lag + i] as number) * (click[i] as number);
    if (sum > best) {
      best = sum;
      bestLag = lag;
    }
  }
  return bestLag >= 0 && best >= energy * 0.1 ? bestLag : null;
}
