import { decibels, type Decibels } from '../std/units';

/** Highest sample magnitude over all channels, in dBFS (−Infinity for digital silence). */
export function samplePeakDbfs(channels: readonly Float32Array[]): Decibels {
  let peak = 0;
  for (const channel of channels) {
    for (let i = 0; i < channel.length; i++) {
      const magnitude = Math.abs(channel[i] ?? 0);
      if (magnitude > peak) peak = magnitude;
    }
  }
  return decibels(20 * Math.log10(peak));
}
