import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { describeWriteError } from '../atomic-write';
import { makeScratchFolder } from './scratch-folders';

/** Frames moved per write or read: 2^16 (0.5 MiB of interleaved stereo float32). */
export const MIX_CHUNK_FRAMES = 65_536;
const FRAME_BYTES = 8;

/** Where a render puts its stereo mix, a block at a time. */
export interface MixSink {
  write(left: Float32Array, right: Float32Array, frames: number): void;
}

/**
 * A rendered stereo mix kept in a temporary file (interleaved float32, the host's byte order) in
 * the system's temp folder instead of memory, so an export's memory does not grow with the song:
 * the loudness passes, the limiter and the encoder read it back a chunk at a time. Writes are
 * synchronous (exports run in a worker thread). `dispose` removes the file; every owner calls it
 * on success, failure and cancel.
 */
export class MixFile implements MixSink {
  private readonly dir: string;
  private readonly file: string;
  private fd: number;
  private readonly buffer = new Float32Array(MIX_CHUNK_FRAMES * 2);
  private readonly bytes = new Uint8Array(this.buffer.buffer);
  /** Frames waiting in `buffer`. */
  private pending = 0;
  /** Frames in the file (flushed or not), before `keep`. */
  private written = 0;
  /** Frames at the start that were skipped, not written (see `skip`). */
  private skipped = 0;
  private kept: number | null = null;

  constructor() {
    try {
      this.dir = makeScratchFolder('render');
    } catch (error) {
      throw spaceError(error);
    }
    this.file = path.join(this.dir, 'mix.f32');
    try {
      this.fd = openSync(this.file, 'w+');
    } catch (error) {
      rmSync(this.dir, { recursive: true, force: true });
      throw spaceError(error);
    }
  }

  /** Frames of the mix: all written, or as many as `keep` kept. */
  get frames(): number {
    return this.kept ?? this.written;
  }

  write(left: Float32Array, right: Float32Array, frames: number): void {
    for (let done = 0; done < frames; ) {
      const count = Math.min(frames - done, MIX_CHUNK_FRAMES - this.pending);
      const buffer = this.buffer;
      for (let i = 0, j = this.pending * 2; i < count; i++, j += 2) {
        buffer[j] = left[done + i] as number;
        buffer[j + 1] = right[done + i] as number;
      }
      this.pending += count;
      this.written += count;
      done += count;
      if (this.pending === MIX_CHUNK_FRAMES) this.flush();
    }
  }

  /**
   * Counts `frames` frames of the mix that nobody will read back (a pass beside the render took
   * them and no later pass needs them) without writing them; only before anything is written.
   */
  skip(frames: number): void {
    if (frames === 0) return;
    if (this.written !== this.skipped) throw new GlowroomError('internal', 'frames of a mix file can be skipped only at its start');
    this.written += frames;
    this.skipped += frames;
  }

  /** Ends writing: only the first `frames` frames are the mix (a tail's last quiet frames are dropped). */
  keep(frames: number): void {
    this.flush();
    this.kept = Math.min(frames, this.written);
  }

  /** Reads frames [start, start + frames) (frames ≤ MIX_CHUNK_FRAMES) into `left`/`right` from 0. */
  read(start: number, frames: number, left: Float32Array, right: Float32Array): void {
    if (start < this.skipped) throw new GlowroomError('internal', `frame ${start} of the mix was skipped, not written`);
    this.flush();
    const bytes = this.bytes.subarray(0, frames * FRAME_BYTES);
    this.readBytes(bytes, start * FRAME_BYTES);
    const buffer = this.buffer;
    for (let i = 0, j = 0; i < frames; i++, j += 2) {
      left[i] = buffer[j] as number;
      right[i] = buffer[j + 1] as number;
    }
  }

  /** Writes frames [start, start + frames) back from `left`/`right` (frames ≤ MIX_CHUNK_FRAMES), e.g. after fading them. */
  overwrite(start: number, frames: number, left: Float32Array, right: Float32Array): void {
    this.flush();
    const buffer = this.buffer;
    for (let i = 0, j = 0; i < frames; i++, j += 2) {
      buffer[j] = left[i] as number;
      buffer[j + 1] = right[i] as number;
    }
    this.writeBytes(this.bytes.subarray(0, frames * FRAME_BYTES), start * FRAME_BYTES);
  }

  /** Closes and removes the file. Safe to call more than once. */
  dispose(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.pending === 0) return;
    const frames = this.pending;
    this.pending = 0;
    this.writeBytes(this.bytes.subarray(0, frames * FRAME_BYTES), (this.written - frames) * FRAME_BYTES);
  }

  private writeBytes(bytes: Uint8Array, position: number): void {
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, position + done);
    } catch (error) {
      throw spaceError(error);
    }
  }

  private readBytes(bytes: Uint8Array, position: number): void {
    for (let done = 0; done < bytes.length; ) {
      const got = readSync(this.fd, bytes, done, bytes.length - done, position + done);
      if (got === 0) throw new GlowroomError('io', `The render's temporary file ${this.file} became shorter while it was being read.`);
      done += got;
    }
  }
}

function spaceError(error: unknown): GlowroomError {
  return new GlowroomError('io', `Could not keep the render in the temporary folder ${os.tmpdir()}: ${describeWriteError(error)}`);
}
