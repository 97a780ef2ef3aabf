import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a scratch folder holds: a render's mix, its decoded compressed sources, or stems on their way into a zip. */
export type ScratchKind = 'render' | 'sources' | 'stems';

/** `glowroom-<kind>-<process id>-<random>`: the process id says whose it is after a crash. */
const scratchName = /^glowroom-(?:render|sources|stems)-(\d+)-[^-]+$/;

/**
 * A new folder in the system's temp folder for one render's scratch files, named with this
 * process's id. Its owner removes it when the work ends however it ends; a process that is killed
 * cannot, so the next render sweeps what dead processes left (`removeOrphanedScratch`).
 */
export function makeScratchFolder(kind: ScratchKind, tmp = os.tmpdir()): string {
  return mkdtempSync(path.join(tmp, `glowroom-${kind}-${process.pid}-`));
}

/**
 * Removes the scratch folders whose process is gone (killed mid-render: SIGKILL, a crash, power
 * loss), and returns their paths. A folder of a living process, or of a process id the system
 * will not say about, is left alone; so are folders of any other name.
 */
export function removeOrphanedScratch(tmp = os.tmpdir()): string[] {
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const owner = scratchName.exec(name)?.[1];
    if (owner === undefined || isRunning(Number(owner))) continue;
    const folder = path.join(tmp, name);
    try {
      rmSync(folder, { recursive: true, force: true });
      removed.push(folder);
    } catch {
      // Another user's folder, or one being removed right now: not ours to insist on.
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
