/**
 * A take streamed to disk as it is recorded. The file is a 32-bit float WAV in the project's
 * Audio/ folder from the first moment; every `checkpointFrames` (one second of audio) the data is
 * flushed to the disk and the header's sizes are patched, so a crash or a power cut keeps at least
 * everything up to the last second (take-repair.ts fixes the sizes of what lies beyond). A full
 * disk ends the take cleanly: the partial write is cut back to whole frames and kept.
 */
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { describeWriteError } from '../atomic-write';
import { errnoOf } from '../fs-helpers';
import { takeHeader, takeLayout, writeTakeSizes, type TakeLayout } from './take-header';

export interface TakeFormat {
  /** Hertz. */
  readonly sampleRate: number;
  /** 1 (mono) or 2 (stereo) input channels. */
  readonly channelCount: number;
}

export interface TakeWriterOptions {
  /** Frames between flushes to disk; default one second of audio. */
  readonly checkpointFrames?: number;
  /** Creates the file exclusively (failing with EEXIST when it exists); tests pass a disk that fills up. */
  readonly open?: (file: string) => Promise<FileHandle>;
}

/** How a take ended. */
export interface TakeResult {
  readonly path: string;
  /** Whole frames kept in the file. */
  readonly frames: number;
  /** Why the take stopped before the user stopped it, as a sentence for the user; null when it was stopped normally. */
  readonly stoppedEarly: string | null;
}

export class TakeWriter {
  private frames = 0;
  private framesAtCheckpoint = 0;
  private interleaved = new Float32Array(0);
  private failure: string | null = null;
  private closed = false;

  private constructor(
    readonly path: string,
    readonly format: TakeFormat,
    private readonly handle: FileHandle,
    private readonly layout: TakeLayout,
    private readonly checkpointFrames: number,
  ) {}

  /** Creates `<folder>/<name>.wav` (or "<name> 2.wav", … when taken) and writes its header. */
  static async create(folder: string, name: string, format: TakeFormat, options: TakeWriterOptions = {}): Promise<TakeWriter> {
    const { checkpointFrames = format.sampleRate, open = (file: string) => fs.open(file, 'wx') } = options;
    if (format.channelCount !== 1 && format.channelCount !== 2) throw new GlowroomError('invalid-args', 'A take is recorded from one or two input channels.');
    await fs.mkdir(folder, { recursive: true });
    const header = takeHeader(format.sampleRate, format.channelCount);
    const layout = takeLayout(header);
    if (!layout) throw new GlowroomError('internal', 'The take header could not be read back');
    for (let n = 1; ; n++) {
      const target = path.join(folder, `${name}${n === 1 ? '' : ` ${n}`}.wav`);
      let handle: FileHandle;
      try {
        handle = await open(target);
      } catch (error) {
        if (errnoOf(error) === 'EEXIST') continue;
        throw new GlowroomError('io', `Could not start recording into ${folder}: ${describeWriteError(error)}`);
      }
      try {
        await handle.write(header, 0, header.length, 0);
        await handle.sync();
      } catch (error) {
        await handle.close();
        await fs.rm(target, { force: true });
        throw new GlowroomError('io', `Could not start recording into ${folder}: ${describeWriteError(error)}`);
      }
      return new TakeWriter(target, format, handle, layout, checkpointFrames);
    }
  }

  /** Frames written so far. */
  get length(): number {
    return this.frames;
  }

  /** Why the take stopped by itself (a full disk), for the user; null while it goes on. */
  get stoppedEarly(): string | null {
    return this.failure;
  }

  /** Frames known to be on the disk with a header that covers them (at the last checkpoint). */
  get savedFrames(): number {
    return this.framesAtCheckpoint;
  }

  /**
   * Appends one chunk: one plane per input channel, all of the same length. Returns false once
   * the take has stopped by itself (the disk is full); `finish` then says why.
   */
  async append(planes: readonly Float32Array[]): Promise<boolean> {
    if (this.closed) throw new GlowroomError('invalid-args', 'This take has already ended.');
    if (this.failure) return false;
    const channelCount = this.format.channelCount;
    const count = planes[0]?.length ?? 0;
    if (planes.length !== channelCount || planes.some((plane) => plane.length !== count)) {
      throw new GlowroomError('invalid-args', `A chunk of this take needs ${channelCount} channel(s) of equal length.`);
    }
    if (this.interleaved.length < count * channelCount) this.interleaved = new Float32Array(count * channelCount);
    const out = this.interleaved;
    for (let c = 0; c < channelCount; c++) {
      const plane = planes[c] as Float32Array;
      for (let i = 0; i < count; i++) out[i * channelCount + c] = plane[i] as number;
    }
    const bytes = new Uint8Array(out.buffer, 0, count * this.layout.frameBytes);
    const position = this.layout.dataStart + this.frames * this.layout.frameBytes;
    let written = 0;
    try {
      while (written < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, written, bytes.length - written, position + written);
        written += bytesWritten;
      }
      this.frames += count;
      if (this.frames - this.framesAtCheckpoint >= this.checkpointFrames) await this.checkpoint();
      return true;
    } catch (error) {
      this.frames += Math.floor(written / this.layout.frameBytes);
      this.failure = stopReason(error, this.frames / this.format.sampleRate);
      return false;
    }
  }

  /** Ends the take: the file holds exactly the frames written, with a correct header, on disk. */
  async finish(): Promise<TakeResult> {
    if (this.closed) throw new GlowroomError('invalid-args', 'This take has already ended.');
    this.closed = true;
    try {
      await this.handle.truncate(this.layout.dataStart + this.frames * this.layout.frameBytes);
      await this.checkpoint();
    } finally {
      await this.handle.close();
    }
    return { path: this.path, frames: this.frames, stoppedEarly: this.failure };
  }

  /** Flushes the audio to disk, then patches the header to cover it. */
  private async checkpoint(): Promise<void> {
    await this.handle.datasync();
    await writeTakeSizes(this.handle, this.layout, this.frames);
    await this.handle.datasync();
    this.framesAtCheckpoint = this.frames;
  }
}

function stopReason(error: unknown, seconds: number): string {
  const at = `${seconds.toFixed(1)} s`;
  if (errnoOf(error) === 'ENOSPC') return `The disk is full, so the recording stopped at ${at}. Everything up to there is kept; free some space to record more.`;
  return `The recording stopped at ${at} because the file could not be written: ${describeWriteError(error)} Everything up to there is kept.`;
}
