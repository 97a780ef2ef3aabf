#!/bin/sh
# Builds lame.wasm from LAME 3.100's source with Emscripten and Binaryen (Debian bookworm:
# apt-get install emscripten; the source: the lame_3.100.orig.tar.gz of `apt-get source lame`).
# Usage: ./build.sh path/to/lame-3.100   (writes lame.wasm beside this script, or to $OUT)
#
# Flags, each measured against the 0.7.0 build of npm wasm-media-encoders (-Oz) on a 180 s stereo
# mix at 320 kbit/s: -O3 with 128-bit SIMD; -ffast-math as LAME's configure uses with gcc; LAME's
# SSE paths (FFT and xrpow, via Emscripten's xmmintrin.h on WebAssembly SIMD); link-time
# optimisation across LAME's files; saturating float-to-int conversions (one instruction instead
# of a range check per cast), bulk memory (memset/memcpy) and sign extension. See README.md.
set -eu
LAME=${1:?usage: build.sh path/to/lame-3.100}
HERE=$(cd "$(dirname "$0")" && pwd)
CFLAGS="-O3 -flto -msimd128 -mnontrapping-fptoint -mbulk-memory -msign-ext -msse -ffast-math -DHAVE_XMMINTRIN_H -DMIN_ARCH_SSE"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SOURCES="bitstream encoder fft gain_analysis id3tag lame newmdct presets psymodel quantize quantize_pvt reservoir set_get tables takehiro util vbrquantize VbrTag version vector/xmm_quantize_sub"
OBJECTS=""
for name in $SOURCES; do
  object="$WORK/$(basename "$name").o"
  emcc $CFLAGS -w -DHAVE_CONFIG_H -I"$HERE" -I"$LAME/include" -I"$LAME/libmp3lame" -c "$LAME/libmp3lame/$name.c" -o "$object"
  OBJECTS="$OBJECTS $object"
done
emcc $CFLAGS -I"$LAME/include" -c "$HERE/src/glue.c" -o "$WORK/glue.o"
# Linked with LTO; Debian's emcc 3.1.6 skips its own wasm-opt pass on LTO output (and that pass,
# when it runs, switches SIMD off and fails), so wasm-opt runs here with the features the build uses.
emcc -O3 -flto $OBJECTS "$WORK/glue.o" \
  --no-entry -s STANDALONE_WASM -s MALLOC=emmalloc -s ALLOW_MEMORY_GROWTH -s INITIAL_MEMORY=16MB \
  -s EXPORTED_FUNCTIONS=_lw_open,_lw_close,_lw_keep,_lw_input,_lw_encode,_lw_flush,_lw_ended,_lw_output \
  -o "$WORK/linked.wasm"
wasm-opt --enable-simd --enable-nontrapping-float-to-int --enable-sign-ext --enable-bulk-memory --enable-mutable-globals \
  -O3 --strip-debug --strip-producers "$WORK/linked.wasm" -o "${OUT:-$HERE/lame.wasm}"
