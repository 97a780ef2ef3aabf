import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { describeWriteError } from '../atomic-write';
import { syncFolder, tempPathBeside } from '../fs-helpers';

/**
 * Files of one export written first under temporary names beside their targets (fsynced), and
 * renamed to their final names only when all of them are complete: a cancelled or failed export
 * leaves no file under any final name (and removes its temporaries).
 */
export class StagedFiles {
  private readonly staged: { temp: string; target: string }[] = [];

  /** Writes `bytes` to a temporary file beside `target`. */
  async stage(target: string, bytes: Uint8Array): Promise<void> {
    const temp = this.tempFor(target);
    this.staged.push({ temp, target });
    try {
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw writeError(target, error);
    }
  }

  /** A temporary path beside `target` that the caller fills (e.g. a zip); renamed on commit. */
  reserve(target: string): string {
    const temp = this.tempFor(target);
    this.staged.push({ temp, target });
    return temp;
  }

  /** Renames every staged file to its final name. */
  async commit(): Promise<void> {
    try {
      for (const { temp, target } of this.staged) await fs.rename(temp, target);
    } catch (error) {
      throw writeError(this.staged[0]?.target ?? '', error);
    }
    for (const dir of new Set(this.staged.map((s) => path.dirname(s.target)))) await syncFolder(dir);
    this.staged.length = 0;
  }

  /** Removes whatever was staged and not committed. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map(({ temp }) => fs.rm(temp, { force: true })));
    this.staged.length = 0;
  }

  private tempFor(target: string): string {
    return tempPathBeside(target);
  }
}

/** Fails early, with a sentence, when `folder` cannot take new files. */
export async function checkWritableFolder(folder: string, what: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch {
    throw new GlowroomError('not-found', `Could not write ${what}: the folder ${folder} does not exist. Create it or choose another.`);
  }
  if (!stat.isDirectory()) throw new GlowroomError('wrong-kind', `Could not write ${what}: ${folder} is not a folder.`);
  try {
    await fs.access(folder, fs.constants.W_OK);
  } catch {
    throw new GlowroomError('io', `Could not write ${what}: no permission to write in ${folder}. Choose another folder.`);
  }
}

function writeError(target: string, error: unknown): GlowroomError {
  if (error instanceof GlowroomError) return error;
  return new GlowroomError('io', `Could not write ${target}: ${describeWriteError(error)}`);
}
