export const usage = `Glowroom: an offline DAW for bedroom producers.

Usage:
  glowroom analyze <file>... [--json]   Decode audio files and print duration, sample rate,
                                        channels, bit depth and sample peak.
  glowroom render <project.glowroom> -o <out.wav> [--bits 16|24|32f] [--rate HZ] [--json]
                                        Render the mix from the start to the end of the last
                                        clip, in a worker thread; 16/24-bit use TPDF dither.
  glowroom --help                       Show this help.

Exit status: 0 on success, 1 if any file failed, 2 for a usage error.`;
