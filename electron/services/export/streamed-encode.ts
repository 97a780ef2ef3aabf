import type { Worker } from 'node:worker_threads';
import type { LoudnessResult } from '../../../src/analysis/loudness/loudness-meter';
import type { IpcError } from '../../../src/protocol/ipc';
import { GlowroomError } from '../../../src/std/errors';
import { MIX_CHUNK_FRAMES, type MixFile, type MixSink } from '../render/mix-file';
import { SplitRing, SplitStopped } from '../render/split-ring';
import { startWorker } from '../start-worker';
import type { EncodeSpec, FileOutput } from './encode-pass';

/** Frames per chunk on the ring: one FLAC block, and a multiple of the limiter's 128-frame pass. */
export const STREAM_CHUNK_FRAMES = 4096;

/** What the encode worker is given when it starts: the ring it reads. */
export interface EncodeWorkerInput {
  readonly buffer: SharedArrayBuffer;
}

/** Its work, sent once it is known: the file's pass to run. */
export interface EncodeWorkerJob {
  readonly spec: EncodeSpec;
  readonly output: FileOutput;
  readonly gainDb: number;
  readonly ceilingDbtp: number | null;
}

/** What the encode worker answers, once. */
export type EncodeWorkerMessage = { readonly type: 'done'; readonly limiterDb: number; readonly measured: LoudnessResult } | { readonly type: 'failed'; readonly error: IpcError };

/** Names of the ring's two ends in its messages. */
export const encodeRingSides = { main: 'the encoder', helper: 'the render' } as const;

/**
 * The written file's first pass on the second core while the render goes on: a `MixSink` that
 * keeps the mix in `mix` as before and hands each chunk of it, in order, over a shared ring to an
 * encode worker (electron/workers/encode-worker), which runs the master stage, encodes, writes
 * and measures as the export's own thread would after the render: the same bytes. Only frames of
 * the span go over while the render runs; the tail, whose length is known at the end, follows
 * from `mix` in `finish`. On the ring a chunk is its frame count (0 ends the stream), then its
 * left and its right samples.
 */
export class StreamedEncode implements MixSink {
  private readonly ring: SplitRing;
  private readonly left = new Float32Array(STREAM_CHUNK_FRAMES);
  private readonly right = new Float32Array(STREAM_CHUNK_FRAMES);
  private readonly count = new Float32Array(1);
  private filled = 0;
  /** Frames handed to the worker so far. */
  private sent = 0;
  private written = 0;

  /**
   * Gives `worker` its work. `spanFrames`: frames that are the mix whatever the tail does (sent
   * as they are rendered). `onlyPass`: the file needs no other pass over the mix (export-project's
   * `oneFilePass`), so the span is not written to `mix`, only counted.
   */
  constructor(
    private readonly worker: EncodeWorker,
    private readonly mix: MixFile,
    private readonly spanFrames: number,
    private readonly onlyPass: boolean,
    spec: EncodeSpec,
    output: FileOutput,
    gainDb: number,
    ceilingDbtp: number | null,
  ) {
    this.ring = worker.ring;
    worker.begin({ spec: { ...spec, frames: null }, output, gainDb, ceilingDbtp });
  }

  write(left: Float32Array, right: Float32Array, frames: number): void {
    const span = Math.max(0, Math.min(frames, this.spanFrames - this.written));
    this.written += frames;
    this.take(left, right, span);
    if (!this.onlyPass) this.mix.write(left, right, frames);
    else {
      // Nobody reads the span back: only the tail, which `finish` sends, is kept.
      this.mix.skip(span);
      if (span < frames) this.mix.write(left.subarray(span), right.subarray(span), frames - span);
    }
  }

  /** After the render (`mix.keep` done): sends the rest of the mix's `mix.frames` and waits for the file's pass. */
  async finish(): Promise<{ limiterDb: number; measured: LoudnessResult }> {
    const left = new Float32Array(MIX_CHUNK_FRAMES);
    const right = new Float32Array(MIX_CHUNK_FRAMES);
    for (let start = this.sent + this.filled; start < this.mix.frames; ) {
      const n = Math.min(MIX_CHUNK_FRAMES, this.mix.frames - start);
      this.mix.read(start, n, left, right);
      this.take(left, right, n);
      start += n;
    }
    if (this.filled > 0) this.send();
    this.count[0] = 0;
    this.ring.put(this.count, 1);
    this.ring.endWriting();
    return this.worker.result;
  }

  /** See EncodeWorker.abort. */
  abort(error: unknown): Promise<unknown> {
    return this.worker.abort(error);
  }

  /** Frames [0, frames) of the mix's next frames, into whole chunks sent as they fill. */
  private take(left: Float32Array, right: Float32Array, frames: number): void {
    for (let done = 0; done < frames; ) {
      const n = Math.min(frames - done, STREAM_CHUNK_FRAMES - this.filled);
      this.left.set(left.subarray(done, done + n), this.filled);
      this.right.set(right.subarray(done, done + n), this.filled);
      this.filled += n;
      done += n;
      if (this.filled === STREAM_CHUNK_FRAMES) this.send();
    }
  }

  private send(): void {
    const n = this.filled;
    this.count[0] = n;
    this.ring.put(this.count, 1);
    this.ring.put(this.left, n);
    this.ring.put(this.right, n);
    this.ring.segmentDone();
    this.sent += n;
    this.filled = 0;
  }
}

/**
 * An encode worker, started as soon as an export may use one so that its modules load while the
 * export reads and prepares the project (the second core is idle then); `StreamedEncode` gives it
 * its work, or `stop` ends it unused.
 */
export class EncodeWorker {
  readonly ring = new SplitRing(undefined, 'helper', undefined, encodeRingSides);
  readonly result: Promise<{ limiterDb: number; measured: LoudnessResult }>;
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private begun = false;

  constructor() {
    const input: EncodeWorkerInput = { buffer: this.ring.buffer };
    this.worker = startWorker('encode-worker', input);
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.result = new Promise((resolve, reject) => {
      this.worker.once('message', (message: EncodeWorkerMessage) => {
        if (message.type === 'done') resolve({ limiterDb: message.limiterDb, measured: message.measured });
        else reject(new GlowroomError(message.error.code, message.error.message));
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new GlowroomError('internal', `the encode worker stopped unexpectedly (exit code ${code})`)));
    });
    // Awaited by `finish`, or dropped by `abort`: never an unhandled rejection.
    this.result.catch(() => {});
  }

  begin(job: EncodeWorkerJob): void {
    this.begun = true;
    this.worker.postMessage(job);
  }

  /** Ends a worker that was given no work (it has opened nothing) and waits until it has exited. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  /**
   * Ends the worker after a failure or cancel and waits until it has exited (its file closed, so
   * the caller can remove it). Returns the worker's own error when it failed first (the render
   * then stopped because the ring was stopped), or `error`.
   */
  async abort(error: unknown): Promise<unknown> {
    if (!this.begun) {
      await this.stop();
      return error;
    }
    this.ring.fail();
    const own = await this.result.then(
      () => null,
      (failure: unknown) => failure,
    );
    await this.exited;
    return error instanceof SplitStopped && own ? own : error;
  }
}
