import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { GlowroomError } from '../../../src/std/errors';
import { describeWriteError } from '../atomic-write';
import type { ByteSink } from './encoders';

/**
 * An encoder's bytes straight into a file (a staged temporary, renamed when the export is
 * complete), so the export never holds the file in memory. Opening truncates, so a second pass
 * rewrites the file. Synchronous writes: exports run in a worker thread.
 */
export class FileSink implements ByteSink {
  private fd: number;
  private position = 0;

  /** `target` names the final file in messages. */
  constructor(
    file: string,
    private readonly target: string,
  ) {
    try {
      this.fd = openSync(file, 'w');
    } catch (error) {
      throw this.failure(error);
    }
  }

  append(bytes: Uint8Array): void {
    this.write(bytes, this.position);
    this.position += bytes.length;
  }

  patch(position: number, bytes: Uint8Array): void {
    this.write(bytes, position);
  }

  /** Makes the bytes durable and closes the file. */
  finish(): void {
    try {
      fsyncSync(this.fd);
    } catch (error) {
      throw this.failure(error);
    } finally {
      this.close();
    }
  }

  /** Closes the file without making it durable (the export failed or is going round again). */
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private write(bytes: Uint8Array, position: number): void {
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done, position + done);
    } catch (error) {
      throw this.failure(error);
    }
  }

  private failure(error: unknown): GlowroomError {
    return new GlowroomError('io', `Could not write ${this.target}: ${describeWriteError(error)}`);
  }
}
