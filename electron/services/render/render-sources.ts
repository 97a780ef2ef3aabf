import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PooledSample } from '../../../src/engine/sample-pool';
import { type AudioService } from '../audio-service';
import { spillSource, type Spill, type SpillFolder } from './spilled-source';
import { StreamedPcm } from './streamed-pcm';

/**
 * A source as an offline render reads it, a window at a time from disk, never whole in memory:
 * WAV and AIFF straight from the file; compressed files (and WAV or AIFF whose float samples need
 * repair, or whose layout is not at the start) decoded once into `spills` first, their bytes read
 * into `reading`. The samples are those the app decodes. Throws the audio service's message when
 * the file cannot be used.
 */
export async function openRenderSource(file: string, audio: AudioService, spills: SpillFolder, reading = new ReadBuffer()): Promise<{ sample: PooledSample; spill?: Spill }> {
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.isFile() && stat.size > 0) {
    try {
      const streamed = StreamedPcm.open(file, stat.size, path.basename(file));
      if (streamed) return { sample: streamed };
    } catch {
      // Damaged or unreadable: the decoder below refuses it with the words the app uses.
    }
  }
  const { name, bytes } = await audio.read(file, (size) => reading.take(size));
  return spillSource(bytes, name, spills);
}

/**
 * Memory for the compressed files a render decodes, one after another, reused from one file to
 * the next: each file's bytes would otherwise be left to the GC, which lets buffers of that size
 * pile up in the process for a while.
 */
export class ReadBuffer {
  private bytes = new Uint8Array(0);

  /** `size` bytes, valid until the next call. */
  take(size: number): Uint8Array {
    if (this.bytes.length < size) this.bytes = new Uint8Array(size);
    return this.bytes.subarray(0, size);
  }
}
