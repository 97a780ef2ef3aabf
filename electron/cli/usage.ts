export const usage = `Glowroom: an offline DAW for bedroom producers.

Usage:
  glowroom analyze <file>... [--json]   Decode audio files and print duration, sample rate,
                                        channels, bit depth and sample peak.
  glowroom import <folder>... [--json] [--library PATH]
                                        Index sample folders in place (analysis in worker
                                        threads); unchanged files are skipped, moved ones
                                        followed, deleted ones flagged missing.
  glowroom search [QUERY] [--kind loop|one-shot] [--bpm MIN-MAX] [--key KEY] [--limit N]
                  [--json] [--library PATH]
                                        Find samples by words (prefixes count), kind, tempo
                                        (half and double time match too) and key.
  glowroom render <project.glowroom> -o <out.wav> [--bits 16|24|32f] [--rate HZ] [--json]
                                        Render the mix from the start to the end of the last
                                        clip, in a worker thread; 16/24-bit use TPDF dither.
  glowroom --help                       Show this help.

The library lives in the Glowroom data folder (GLOWROOM_HOME overrides it); --library names
another library file.

Exit status: 0 on success, 1 if any file failed, 2 for a usage error.`;
