import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

/** Folders made outside a test (in a hook or a `describe` block), removed when the file's tests end. */
const madeInHooks: string[] = [];
// Registered when a test file imports this module (while Vitest collects the file, as hooks must
// be: a hook registered from inside a running hook never runs, which left `beforeAll` folders in /tmp).
afterAll(() => {
  for (const dir of madeInHooks.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh temporary folder, removed after the current test (or, when made in a hook, after the
 * last test of the file).
 */
export function tempDir(prefix = 'glowroom-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Not inside a test: a folder that a hook or a describe block makes for the file's tests.
    madeInHooks.push(dir);
  }
  return dir;
}
