import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes `dir` refuse new files and returns how to undo that, or null when this machine cannot.
 * chmod 0o555 is what a user meets, but it does not bind root — and the tests run as root in the
 * dev container — so then the folder is made immutable (`chattr +i`, ext4 and most Linux file
 * systems), which binds root too.
 */
export function makeReadOnly(dir: string): (() => void) | null {
  chmodSync(dir, 0o555);
  if (refusesWrites(dir)) return () => chmodSync(dir, 0o755);
  chmodSync(dir, 0o755);
  if (spawnSync('chattr', ['+i', dir]).status !== 0) return null;
  const undo = () => void spawnSync('chattr', ['-i', dir]);
  if (refusesWrites(dir)) return undo;
  undo();
  return null;
}

function refusesWrites(dir: string): boolean {
  const probe = path.join(dir, '.write-probe');
  try {
    writeFileSync(probe, '');
  } catch {
    return true;
  }
  rmSync(probe);
  return false;
}
