/**
 * Mending takes that a crash left behind: the header's sizes may lag the audio written after the
 * last checkpoint, and the file may end in part of a frame. The take is cut to whole frames and
 * its sizes are set to cover them, so it opens like any other WAV with all the audio that reached
 * the disk.
 */
import { promises as fs } from 'node:fs';
import { GlowroomError } from '../../../src/std/errors';
import { errnoOf } from '../fs-helpers';
import { takeLayout, writeTakeSizes } from './take-header';

/** Longest take header we write or read (RIFF, fmt, fact and data headers, with room to spare). */
const headerBytesToRead = 512;

export interface RepairedTake {
  readonly path: string;
  /** Whole frames in the mended file. */
  readonly frames: number;
  readonly sampleRate: number;
}

/** Mends the take at `file`; null when there is no such file. A file that is not a take is refused (`bad-format`) and left alone. */
export async function repairTake(file: string): Promise<RepairedTake | null> {
  let handle;
  try {
    handle = await fs.open(file, 'r+');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const header = new Uint8Array(headerBytesToRead);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    const layout = takeLayout(header.subarray(0, bytesRead));
    if (!layout) throw new GlowroomError('bad-format', `${file} is not a take Glowroom was recording, so it was left as it is.`);
    const { size } = await handle.stat();
    const frames = Math.max(0, Math.floor((size - layout.dataStart) / layout.frameBytes));
    await handle.truncate(layout.dataStart + frames * layout.frameBytes);
    await writeTakeSizes(handle, layout, frames);
    await handle.sync();
    return { path: file, frames, sampleRate: layout.sampleRate };
  } finally {
    await handle.close();
  }
}
