/**
 * One MP3 stream encoded as two pieces at once, on two threads, joined at an MP3 frame boundary
 * (the `seam`): piece one (a worker thread) keeps frames [0, seam) of a stream fed the song from
 * its start; piece two (the calling thread) is fed the song from PRE_ROLL_FRAMES frames before the
 * seam and keeps its frames from there. Both streams place a frame on the same samples (piece two
 * starts a whole number of frames in), so the joined file has as many frames as a one-piece encode
 * and decodes sample-aligned with it. Piece two's psychoacoustic state and MDCT overlap have seen
 * the pre-roll's sound; its bit reservoir is padded out before its first kept frame and piece one's
 * after its last (src/glue.c), so no kept frame reads bytes of a dropped one. Near the seam the
 * two encodes differ only as two encodes of the same sound do (the reservoir and the encoder's
 * adaptive state), at the codec's noise level. The bytes depend only on the input and the
 * settings, never on the machine or on how the input is chunked.
 */
/* global URL */
import { Worker } from 'node:worker_threads';
import { createLameEncoder, FRAME_SAMPLES } from './index.mjs';

/** MP3 frames piece two encodes and drops before the seam. */
export const PRE_ROLL_FRAMES = 8;
/** Samples after the seam piece one is fed: LAME encodes a frame once 224 samples past its end have arrived; four frames is ample. */
const LOOK_AHEAD_SAMPLES = 4 * FRAME_SAMPLES;
/** Songs shorter than this are one piece: a thread's start and the pre-roll would cost more than they save. */
const MIN_SPLIT_SECONDS = 10;

/**
 * The MP3 frame where piece two takes over, for a song of `frames` samples at `sampleRate`, or
 * null when the song is encoded in one piece.
 */
export function splitSeam(frames, sampleRate) {
  if (frames < MIN_SPLIT_SECONDS * sampleRate) return null;
  return Math.ceil(frames / 2 / FRAME_SAMPLES);
}

/**
 * An encoder of a song of at least `frames` samples (null: not known), given in order: bytes
 * come out in the file's order, from `encode` as soon as they can be written (one piece) and the
 * rest from `finish`. The seam is placed from `frames`, so a song that turns out longer (a tail
 * whose end is found while rendering) is still split where a song of `frames` would be.
 */
export function createSplitLameEncoder(options) {
  const { frames: total, ...settings } = options;
  const seam = total === null ? null : splitSeam(total, settings.sampleRate);
  if (seam === null) {
    const whole = createLameEncoder(settings);
    return {
      encode: (planes, frames) => whole.encode(planes, frames),
      finish: async () => [whole.flush().slice()],
      close() {},
    };
  }
  const oneEnd = seam * FRAME_SAMPLES + LOOK_AHEAD_SAMPLES;
  const twoStart = (seam - PRE_ROLL_FRAMES) * FRAME_SAMPLES;
  const two = createLameEncoder({ ...settings, keep: { from: PRE_ROLL_FRAMES } });
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { ...settings, keep: { from: 0, until: seam } } });
  // An abandoned encode (an error or a cancel upstream) must not keep the process alive.
  worker.unref();
  const oneBytes = new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the MP3 encoder thread stopped (exit code ${code})`)));
  });
  // Keep a failure for finish: an unheld rejection would end the process first.
  oneBytes.catch(() => {});
  const twoParts = [];
  let at = 0;
  return {
    encode(planes, frames) {
      const start = at;
      const end = at + frames;
      at = end;
      if (start < oneEnd) {
        const to = Math.min(end, oneEnd) - start;
        const copies = planes.map((plane) => plane.slice(0, to));
        worker.postMessage({ planes: copies, frames: to }, copies.map((copy) => copy.buffer));
      }
      if (end > twoStart) {
        const from = Math.max(0, twoStart - start);
        twoParts.push(two.encode(from === 0 ? planes : planes.map((plane) => plane.subarray(from)), frames - from).slice());
      }
      return new Uint8Array(0);
    },
    async finish() {
      if (at < total) throw new Error(`the split MP3 encoder was given ${at} of the ${total} samples announced`);
      twoParts.push(two.flush().slice());
      worker.ref();
      worker.postMessage({ end: true });
      try {
        const one = await oneBytes;
        if (!one.ended) throw new Error(`the first MP3 piece did not reach frame ${seam}`);
        return [one.bytes, ...twoParts];
      } finally {
        void worker.terminate();
      }
    },
    close() {
      void worker.terminate();
    },
  };
}
