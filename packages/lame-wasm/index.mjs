/**
 * LAME 3.100 in WebAssembly (lame.wasm, built by build.sh): an MP3 encoder taking float planes.
 * LGPL-2.0-or-later like LAME (COPYING); a separate package so it can be replaced or rebuilt.
 */
/* global WebAssembly, URL */
import { readFileSync } from 'node:fs';

let compiled = null;

/** The compiled module, once per process. */
function lameModule() {
  compiled ??= new WebAssembly.Module(readFileSync(new URL('./lame.wasm', import.meta.url)));
  return compiled;
}

const refuse = (what) => () => {
  throw new Error(`lame.wasm called ${what}, which this build does not provide`);
};

/** Samples per channel in one MP3 frame at 32, 44.1 and 48 kHz (MPEG-1 Layer III). */
export const FRAME_SAMPLES = 1152;

/**
 * A new encoder: `channels` 1 or 2 at `sampleRate` Hz, CBR at `kbps` when given, else VBR at
 * `vbrQuality` (0 best … 9). With `keep`, only MP3 frames [from, until) of the stream are written
 * (until absent: to the end), the bit reservoir padded out at both ends (see src/glue.c). Each
 * encoder has its own WebAssembly instance.
 */
export function createLameEncoder({ channels, sampleRate, kbps = 0, vbrQuality = 4, keep }) {
  const instance = new WebAssembly.Instance(lameModule(), {
    wasi_snapshot_preview1: { proc_exit: refuse('proc_exit'), fd_close: refuse('fd_close'), fd_write: () => 0, fd_seek: refuse('fd_seek') },
    env: { emscripten_notify_memory_growth: () => {} },
  });
  const exports = instance.exports;
  exports._initialize();
  const handle = exports.lw_open(channels, sampleRate, kbps, vbrQuality);
  if (handle === 0) throw new Error(`LAME refused ${channels} channel(s) at ${sampleRate} Hz, ${kbps > 0 ? `${kbps} kbit/s` : `VBR quality ${vbrQuality}`}`);
  if (keep) exports.lw_keep(handle, keep.from, keep.until ?? 0);
  const memory = exports.memory;
  let capacity = 0;
  let input = 0;
  const bytes = (count) => {
    if (count < 0) throw new Error(`LAME failed with code ${count}`);
    return new Uint8Array(memory.buffer, exports.lw_output(handle), count);
  };
  return {
    /** Encodes frames [0, frames) of each plane; the bytes are valid until the next call. */
    encode(planes, frames) {
      if (frames > capacity) {
        input = exports.lw_input(handle, frames);
        if (input === 0) throw new Error('LAME ran out of memory');
        capacity = frames;
      }
      const heap = new Float32Array(memory.buffer);
      for (let c = 0; c < channels; c++) heap.set(planes[c].subarray(0, frames), input / 4 + c * capacity);
      return bytes(exports.lw_encode(handle, frames));
    },
    /** Ends the stream; its last bytes, valid until the next call. */
    flush() {
      return bytes(exports.lw_flush(handle));
    },
    /** Whether the last frame `keep` asked for is out (always false without `keep.until`). */
    ended() {
      return exports.lw_ended(handle) === 1;
    },
  };
}
