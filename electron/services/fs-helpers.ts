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
  return path.join(path.dirname(target), `${tempPrefixOf(target)}${randomBytes(6).toString('hex')}.tmp`);
}

function tempPrefixOf(target: string): string {
  return `.${path.basename(target).slice(0, 40)}.`;
}

/**
 * How old a temporary file must be to count as left behind by a write that never finished (the
 * process died): a younger one may belong to a write still running in another window or process.
 */
const staleTempMs = 60_000;
const tempTail = /^[0-9a-f]{12}\.tmp$/;

/** Removes the temporary files of earlier writes of `target` that never finished. */
export async function removeStaleTemps(target: string): Promise<void> {
  const prefix = tempPrefixOf(target);
  await removeStale(path.dirname(target), (name) => name.startsWith(prefix) && tempTail.test(name.slice(prefix.length)));
}

/** Removes every temporary file in `dir` that a write which never finished left there (the data folder, at start). */
export async function removeStaleTempsIn(dir: string): Promise<void> {
  await removeStale(dir, (name) => name.startsWith('.') && tempTail.test(name.slice(name.lastIndexOf('.', name.length - 5) + 1)));
}

async function removeStale(dir: string, isTemp: (name: string) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    // No folder, no litter.
    return;
  }
  const now = Date.now();
  await Promise.all(
    names.filter(isTemp).map(async (name) => {
      const file = path.join(dir, name);
      const stat = await fs.lstat(file).catch(() => null);
      if (stat?.isFile() && now - stat.mtimeMs > staleTempMs) await fs.rm(file, { force: true });
    }),
  );
}
