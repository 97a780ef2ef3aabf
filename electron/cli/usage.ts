export const usage = `Glowroom: an offline DAW for bedroom producers.

Usage:
  glowroom analyze <file>... [--json]   Analyse audio files as the library does: duration,
                                        sample rate, channels, bit depth, sample peak, loudness
                                        (LUFS), tempo, key and kind (loop or one-shot).
  glowroom import <folder|zip>... [--json] [--library PATH]
                                        Index sample folders in place (analysis in worker
                                        threads); unchanged files are skipped, moved ones
                                        followed, deleted ones flagged missing. Zips (named, or
                                        found in a folder) are unpacked once into Packs beside
                                        the library.
  glowroom search [QUERY] [--kind loop|one-shot] [--bpm MIN-MAX] [--key KEY] [--limit N]
                  [--json] [--library PATH]
                                        Find samples by words (prefixes count), kind, tempo
                                        (half and double time match too) and key.
  glowroom render <project.glowroom> -o <out.wav|.flac|.mp3> [--format wav|flac|mp3]
                  [--bits 16|24|32f] [--rate 44100|48000|96000] [--bitrate KBPS | --vbr Q]
                  [--normalize LUFS|streaming|apple|amazon|club|broadcast|off] [--true-peak DBTP]
                  [--range START-END | --clip SECONDS [--start BEAT]] [--tail SECONDS]
                  [--stems DIR [--zip]] [--tag KEY=VALUE]... [--cover IMG] [--json]
                                        Export the mix (and/or one stem per track) in a worker
                                        thread: whole song plus up to 10 s of tail until it is
                                        under -90 dBFS, a beat range, or a faded clip. WAV and
                                        FLAC 16/24-bit use TPDF dither; MP3 is LAME CBR 128-320
                                        or VBR 0-9. --normalize gains to the target, true-peak
                                        limits (default ceiling -1 dBTP) and checks the written
                                        file. Tags: title, artist, album, genre, year, bpm, key,
                                        comment. --json prints the loudness report.
  glowroom --help                       Show this help.

The library lives in the Glowroom data folder (GLOWROOM_HOME overrides it); --library names
another library file.

Exit status: 0 on success, 1 if any file failed, 2 for a usage error.`;
