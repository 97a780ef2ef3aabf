import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { GlowroomError } from '../../src/std/errors';
import { removeStaleTemps, syncFolder, tempPathBeside } from './fs-helpers';

/**
 * Writes a file so that readers only ever see the old or the new version: `fill` writes a
 * temporary file beside it, which is fsynced and renamed over the target, then the folder is
 * fsynced. On any failure the temporary file is removed and nothing exists under the final name
 * that was not there before. GlowroomErrors from `fill` pass through as they are. Temporary files
 * of earlier writes of `target` that a dead process left behind are removed first.
 */
export async function writeAtomically(target: string, fill: (handle: FileHandle) => Promise<void>): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = tempPathBeside(path.resolve(target));
  try {
    await removeStaleTemps(path.resolve(target));
    const handle = await fs.open(temp, 'wx');
    try {
      await fill(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    if (error instanceof GlowroomError) throw error;
    throw new GlowroomError('io', `Could not write ${target}: ${describeWriteError(error)}`);
  }
  await syncFolder(dir);
}

/** `writeAtomically` for bytes already in memory. */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  await writeAtomically(target, (handle) => handle.writeFile(bytes));
}

/** Why a write failed, as the end of a sentence that tells the user what to do. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full. Free some space and try again.';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'no permission to write there. Choose another folder.';
    case 'ENOENT':
      return 'the folder does not exist.';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder. Choose a folder.';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
