export const usage = `Glowroom: an offline DAW for bedroom producers.

Usage:
  glowroom analyze <file>... [--json]   Decode audio files and print duration, sample rate,
                                        channels, bit depth and sample peak.
  glowroom --help                       Show this help.

Exit status: 0 on success, 1 if any file failed, 2 for a usage error.`;
