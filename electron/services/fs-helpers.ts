/** Small file-system pieces shared by the services. */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The `code` of a Node system error (`ENOENT`, …), or undefined for anything else. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Makes renames in `dir` durable. Windows cannot open folders; a rename there is still atomic. */
export async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder (EINVAL); the rename is still atomic.
  } finally {
    await handle.close();
  }
}

/** A fresh temporary name beside `target` (`.<start of name>.<random>.tmp`), short enough for any file system. */
export function tempPathBeside(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target).slice(0, 40)}.${randomBytes(6).toString('hex')}.tmp`);
}
