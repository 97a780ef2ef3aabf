/**
 * Saving and opening `*.glowroom` files so that no save ever leaves a half-written project
 * (DESIGN.md, "Nothing is lost"). A save keeps the version it replaces as `<name>.glowroom.bak`;
 * a failed save leaves the file on disk exactly as it was and says so.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { parseProjectWithNotes, serializeProject } from '../../../src/model/parse-project';
import type { Project } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';
import { errnoOf, removeStaleTemps, syncFolder, tempPathBeside } from '../fs-helpers';

export interface OpenedProject {
  readonly project: Project;
  /** The folder holding the file: relative source paths resolve against it. */
  readonly folder: string;
  /** What was mended while reading (device parameters out of range, clamped), for the user to see. */
  readonly notes: readonly string[];
}

/** Where a save keeps the version it replaced. */
export function backupPathOf(file: string): string {
  return `${path.resolve(file)}.bak`;
}

/** Larger than any real project (2,000 clips are about 600 kB); refusing it spares memory. */
const maxProjectBytes = 64 * 1024 * 1024;

/**
 * Saves `project` to `file` atomically and keeps the replaced version as `.bak`. The order is
 * chosen so that at every instant, even if the process dies between two steps, `file` holds
 * either the complete old version or the complete new one:
 *   1. write the new text to a temporary file beside `file` and fsync it (`file` untouched);
 *   2. hard-link the old `file` to a temporary backup name (a second name for the old bytes,
 *      `file` untouched) — or copy and fsync it where the disk has no hard links (FAT, exFAT);
 *   3. rename that over `<file>.bak` (atomic: the previous `.bak` or the new one, `file` untouched);
 *   4. rename the temporary file over `file` (atomic: old or new, never neither);
 *   5. fsync the folder, so the renames survive a power cut too.
 * Renaming `file` itself to `.bak` would be simpler but would leave no `file` between steps 3
 * and 4. A crash leaves at most a stray `.*.tmp` file beside the project, never a damaged one,
 * and the next save of the file removes it.
 * Errors (`io`, `wrong-kind`; `internal` if the document is invalid) leave `file` as it was.
 */
export async function saveProject(file: string, project: Project): Promise<void> {
  const text = serializeProject(project);
  const target = await resolveSaveTarget(file);
  const dir = path.dirname(target);
  const temp = tempPathBeside(target);
  const backupTemp = tempPathBeside(backupPathOf(target));
  let existed = false;
  try {
    await Promise.all([removeStaleTemps(target), removeStaleTemps(backupPathOf(target))]);
    await writeSynced(temp, text);
    existed = await linkOrCopy(target, backupTemp);
    if (existed) await fs.rename(backupTemp, backupPathOf(target));
    await fs.rename(temp, target);
  } catch (error) {
    await Promise.all([fs.rm(temp, { force: true }), fs.rm(backupTemp, { force: true })]);
    throw saveError(target, existed || (await exists(target)), error);
  }
  await syncFolder(dir);
}

/**
 * Reads and validates a project file. Errors name the file and what to do: `not-found`,
 * `wrong-kind` (a folder), `io` (unreadable), `bad-format` (not JSON: line and column; wrong
 * types: the JSON path — plus a pointer to the `.bak` when there is one), `unsupported` (saved by
 * a newer Glowroom).
 */
export async function openProject(file: string): Promise<OpenedProject> {
  const resolved = path.resolve(file);
  const name = path.basename(resolved);
  let text: string;
  try {
    const stat = await fs.stat(resolved);
    if (stat.isDirectory()) throw new GlowroomError('wrong-kind', `${resolved} is a folder; choose the .glowroom file inside it.`);
    if (stat.size > maxProjectBytes) {
      throw new GlowroomError('bad-format', `${name} is ${Math.round(stat.size / 1024 / 1024)} MB, far too large to be a Glowroom project; was another file renamed to .glowroom?`);
    }
    text = await fs.readFile(resolved, 'utf8');
  } catch (error) {
    throw openError(resolved, error);
  }
  try {
    return { ...parseProjectWithNotes(text, name), folder: path.dirname(resolved) };
  } catch (error) {
    throw await withBackupHint(resolved, error);
  }
}

/** The real file behind `file` (a symlinked project stays a symlink); refuses a folder, and a path through a file. */
async function resolveSaveTarget(file: string): Promise<string> {
  const resolved = path.resolve(file);
  try {
    const real = await fs.realpath(resolved);
    if ((await fs.stat(real)).isDirectory()) throw new GlowroomError('wrong-kind', `${resolved} is a folder; save the project under a file name ending in .glowroom.`);
    return real;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return resolved;
    if (errnoOf(error) === 'ENOTDIR') throw await notInAFolder(resolved);
    throw saveError(resolved, false, error);
  }
}

/** The error for a save whose folder path runs through a file (`notes.txt/Song.glowroom`), naming that file. */
async function notInAFolder(target: string): Promise<GlowroomError> {
  const isFile = (candidate: string) => fs.stat(candidate).then((stat) => stat.isFile(), () => false);
  let blocker = path.dirname(target);
  while (!(await isFile(blocker)) && path.dirname(blocker) !== blocker) blocker = path.dirname(blocker);
  return new GlowroomError('wrong-kind', `Could not save ${path.basename(target)}: ${blocker} is a file, not a folder. Nothing was written and your work is still open. Use Save As to choose a folder.`);
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Gives the bytes of `from` a second name `to`; false when there is no `from` (a first save). */
async function linkOrCopy(from: string, to: string): Promise<boolean> {
  try {
    await fs.link(from, to);
    return true;
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT') return false;
    // No hard links here (FAT, exFAT, some network shares, protected_hardlinks): copy instead.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EMLINK' && code !== 'EXDEV') throw error;
  }
  try {
    await fs.copyFile(from, to, constants.COPYFILE_EXCL);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
  const handle = await fs.open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function saveError(target: string, existed: boolean, error: unknown): GlowroomError {
  if (error instanceof GlowroomError) return error;
  const name = path.basename(target);
  const dir = path.dirname(target);
  const kept = existed ? `${name} on disk is unchanged (your last save) and your work is still open` : `Nothing was written and your work is still open`;
  switch (errnoOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new GlowroomError('io', `Could not save ${name}: the disk is full. ${kept}. Free some space and save again, or use Save As to save on another disk.`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new GlowroomError('io', `Could not save ${name}: Glowroom may not write in ${dir} (the folder or the disk is read-only). ${kept}. Use Save As to save somewhere else.`);
    case 'ENOENT':
      return new GlowroomError('io', `Could not save ${name}: the folder ${dir} no longer exists (was a drive removed?). ${kept}. Use Save As to choose a folder.`);
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new GlowroomError('io', `Could not save ${name} (${reason}). ${kept}. Try again, or use Save As to save somewhere else.`);
    }
  }
}

function openError(file: string, error: unknown): GlowroomError {
  if (error instanceof GlowroomError) return error;
  const name = path.basename(file);
  switch (errnoOf(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new GlowroomError('not-found', `${name} was not found in ${path.dirname(file)}. It may have been moved, renamed or deleted; choose it again with Open.`);
    case 'EACCES':
    case 'EPERM':
      return new GlowroomError('io', `Glowroom may not read ${file}. Check the file's permissions, or copy it somewhere you own.`);
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return new GlowroomError('io', `Could not read ${file} (${reason}).`);
    }
  }
}

/** A damaged project's message, plus where the previous save is when one was kept. */
async function withBackupHint(file: string, error: unknown): Promise<unknown> {
  if (!(error instanceof GlowroomError) || error.code !== 'bad-format') return error;
  if (!(await exists(backupPathOf(file)))) return error;
  return new GlowroomError('bad-format', `${error.message}. The previous save is kept as ${path.basename(backupPathOf(file))}: open that file instead, or fix this one in a text editor.`);
}
