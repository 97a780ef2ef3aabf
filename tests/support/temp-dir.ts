import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, onTestFinished } from 'vitest';

/**
 * A fresh temporary folder, removed after the current test (or, when made in a hook, after each
 * test of the file).
 */
export function tempDir(prefix = 'glowroom-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    onTestFinished(remove);
  } catch {
    // Not inside a test (a beforeEach hook): clean up after each test instead.
    afterEach(remove);
  }
  return dir;
}
