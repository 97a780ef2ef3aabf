import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeScratchFolder, removeOrphanedScratch } from '../../../electron/services/render/scratch-folders';
import { tempDir } from '../../support/temp-dir';

/** The id of a process that has run and ended (so no process has it, unless the system reused it at once). */
function endedProcessId(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('scratch folders', () => {
  it('are named with the process id, one new folder per call', () => {
    const tmp = tempDir();
    const a = makeScratchFolder('render', tmp);
    const b = makeScratchFolder('sources', tmp);
    expect(a).not.toBe(b);
    expect(path.basename(a)).toMatch(new RegExp(`^glowroom-render-${process.pid}-[^-]+$`));
    expect(path.basename(b)).toMatch(new RegExp(`^glowroom-sources-${process.pid}-[^-]+$`));
  });

  it('left by a process that is gone are removed; a living process’s and other folders are kept', () => {
    const tmp = tempDir();
    const dead = endedProcessId();
    const orphans = ['render', 'sources', 'stems'].map((kind) => path.join(tmp, `glowroom-${kind}-${dead}-x1Y2z3`));
    for (const folder of orphans) mkdirSync(path.join(folder, 'inside'), { recursive: true });
    const ours = makeScratchFolder('render', tmp);
    const parent = path.join(tmp, `glowroom-render-${process.ppid}-a1B2c3`);
    mkdirSync(parent);
    const others = ['glowroom-render-Ab12Cd', `glowroom-test-${dead}-x1Y2z3`, `glowroom-unpack-${dead}-x`].map((name) => path.join(tmp, name));
    for (const folder of others) mkdirSync(folder);

    expect(removeOrphanedScratch(tmp).sort()).toEqual(orphans.sort());
    for (const folder of orphans) expect(existsSync(folder)).toBe(false);
    expect(readdirSync(tmp).sort()).toEqual([ours, parent, ...others].map((f) => path.basename(f)).sort());
  });

  it('finds nothing to do in a folder that does not exist', () => {
    expect(removeOrphanedScratch(path.join(tempDir(), 'gone'))).toEqual([]);
  });
});
