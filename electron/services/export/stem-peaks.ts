import type { ExportFormat } from './export-job';

/**
 * The report's sentence for a stem whose samples go over 0 dBFS (stems are written at mix level,
 * with no limiter): an integer or MP3 file clips those peaks, a 32-bit float WAV keeps them.
 * Says what to do either way.
 */
export function stemPeakWarning(channel: string, peakDbfs: number, format: ExportFormat): string {
  // Rounded up, so "turn it down by" that much is always enough.
  const over = (Math.ceil(peakDbfs * 10) / 10).toFixed(1);
  const peak = `+${over} dBFS`;
  const down = `turn the channel down by ${over} dB`;
  if (format.kind === 'wav' && format.bits === '32f') {
    return `Stem “${channel}” peaks at ${peak}: kept in the 32-bit float file, but an app that reads it at 16 or 24 bits will clip it; ${down} for a stem that never clips.`;
  }
  return `Stem “${channel}” peaks at ${peak} and clips in this ${formatName(format)} file: export as WAV 32-bit float to keep the peaks, or ${down}.`;
}

function formatName(format: ExportFormat): string {
  if (format.kind === 'mp3') return 'MP3';
  return `${format.bits}-bit ${format.kind.toUpperCase()}`;
}
