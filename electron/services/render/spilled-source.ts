import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { streamAudio } from '../../../src/codecs/decode';
import type { PcmSink, SampleLayout } from '../../../src/codecs/pcm-stream';
import { GlowroomError } from '../../../src/std/errors';
import { describeWriteError } from '../atomic-write';
import { makeScratchFolder } from './scratch-folders';
import { StreamedPcm } from './streamed-pcm';

/** Frames gathered before each write: 2^16 (0.5 MiB for stereo). */
const CHUNK_FRAMES = 65_536;

/**
 * A folder in the system's temp folder for the PCM of a render's compressed sources, made when
 * the first one is spilled. Its owner calls `dispose` when the render ends, however it ends. The
 * render's helper thread spills what it must into its owner's folder (`shared`), never a folder
 * of its own: a thread that is terminated cleans up nothing.
 */
export class SpillFolder {
  private dir: string | null;
  private readonly owned: boolean;
  private count = 0;

  /** `shared`: another SpillFolder's `path()`, whose owner removes it; files here are named with `prefix`. */
  constructor(
    shared?: string,
    private readonly prefix = 'source',
  ) {
    this.dir = shared ?? null;
    this.owned = shared === undefined;
  }

  /** The folder, made now if it does not exist yet. */
  path(): string {
    this.dir ??= makeFolder();
    return this.dir;
  }

  /** A path for the next spill file. */
  next(): string {
    return path.join(this.path(), `${this.prefix}-${++this.count}.f32`);
  }

  /** Removes the folder and every spill in it (a shared one is its owner's to remove). Safe to call more than once. */
  dispose(): void {
    if (this.dir && this.owned) rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

function makeFolder(): string {
  try {
    return makeScratchFolder('sources');
  } catch (error) {
    throw spaceError(error);
  }
}

/**
 * A compressed source (FLAC, MP3, Ogg Vorbis; or WAV and AIFF that cannot be read in blocks)
 * decoded once, a chunk at a time, into a file of interleaved float32 in `folder`, and read back
 * a window at a time like a WAV. Why not decode windows on demand: the render reads every source
 * through at least once anyway, and an MP3 or Vorbis frame decodes to the same samples only after
 * its predecessors (bit reservoir, overlapping transforms), so a sample-exact seek would mean
 * decoding again from before it for every loop or offset; the spill decodes each file once and
 * seeks exactly, at the cost of disk (a 3-minute stereo source at 48 kHz: 66 MiB). Memory holds
 * the file's compressed bytes while it is decoded, and a chunk. Same samples, notes and errors as
 * `decodeAudio`. The spill can be read by other threads (`openSpill`) until the folder is disposed.
 */
export async function spillSource(bytes: Uint8Array, name: string, folder: SpillFolder): Promise<{ sample: StreamedPcm; spill: Spill }> {
  const file = folder.next();
  const sink = new SpillSink(file);
  try {
    const audio = await streamAudio(bytes, name, sink);
    sink.finish();
    const spill: Spill = { file, sampleRate: audio.sampleRate, channelCount: sink.channelCount || audio.channelCount, frames: Math.min(audio.frames, sink.frames) };
    return { sample: openSpill(spill), spill };
  } catch (error) {
    try {
      sink.finish();
    } finally {
      rmSync(file, { force: true });
    }
    throw error;
  }
}

/** A source decoded into a spill file: what another thread needs to read it too (the render's helper). */
export interface Spill {
  readonly file: string;
  /** Hertz. */
  readonly sampleRate: number;
  readonly channelCount: number;
  readonly frames: number;
}

/** Reads a spill a window at a time. */
export function openSpill(spill: Spill): StreamedPcm {
  return StreamedPcm.of(spill.file, interleavedFloat(spill.sampleRate, spill.channelCount, spill.frames));
}

/** The layout of a spill: interleaved float32 in this machine's byte order from byte 0. */
function interleavedFloat(sampleRate: number, channelCount: number, frames: number): SampleLayout {
  return {
    sampleRate,
    channelCount,
    dataStart: 0,
    frames,
    frameBytes: 4 * channelCount,
    encoding: 'pcm',
    readInto: (bytes, channel, count, out, at) => {
      const samples = new Float32Array(bytes.buffer, bytes.byteOffset, count * channelCount);
      for (let i = 0, j = channel; i < count; i++, j += channelCount) out[at + i] = samples[j] as number;
    },
  };
}

/** Writes what a decoder hands over to a file, interleaved, a chunk at a time. */
class SpillSink implements PcmSink {
  frames = 0;
  channelCount = 0;
  private fd: number;
  private buffer = new Float32Array(0);
  private pending = 0;

  constructor(file: string) {
    try {
      this.fd = openSync(file, 'w');
    } catch (error) {
      throw spaceError(error);
    }
  }

  write(planes: readonly Float32Array[], frames: number): void {
    if (this.channelCount === 0) {
      this.channelCount = planes.length;
      this.buffer = new Float32Array(CHUNK_FRAMES * planes.length);
    }
    const channels = this.channelCount;
    for (let done = 0; done < frames; ) {
      const count = Math.min(frames - done, CHUNK_FRAMES - this.pending);
      for (let c = 0; c < channels; c++) {
        const plane = planes[c] as Float32Array;
        for (let i = 0, j = this.pending * channels + c; i < count; i++, j += channels) this.buffer[j] = plane[done + i] as number;
      }
      this.pending += count;
      done += count;
      if (this.pending === CHUNK_FRAMES) this.flush();
    }
    this.frames += frames;
  }

  /** Writes what is pending and closes the file. Safe to call more than once. */
  finish(): void {
    if (this.fd < 0) return;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
      this.fd = -1;
    }
  }

  private flush(): void {
    const bytes = new Uint8Array(this.buffer.buffer, 0, this.pending * this.channelCount * 4);
    this.pending = 0;
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
    } catch (error) {
      throw spaceError(error);
    }
  }
}

/** The temp folder could not take a spill (full disk, no permission): the render cannot go on, whatever the source. */
export class SpillSpaceError extends GlowroomError {}

function spaceError(error: unknown): SpillSpaceError {
  return new SpillSpaceError('io', `Could not keep decoded audio for the render in the temporary folder ${os.tmpdir()}: ${describeWriteError(error)}`);
}
