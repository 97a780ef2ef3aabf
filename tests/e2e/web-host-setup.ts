import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { startWebHostProcess, testUserHome } from '../support/web-host-process';

const repoRoot = path.resolve(import.meta.dirname, '../..');


/**
 * Starts the app's web host (GLOWROOM_URL) and a second one serving the engine harness page
 * (GLOWROOM_HARNESS_URL), each as `npm run serve` runs, with a fresh data folder.
 */
export default async function startWebHostsForTests(): Promise<() => Promise<void>> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'glowroom-e2e-'));
  mkdirSync(testUserHome(home));
  const app = await startWebHostProcess(home, path.join(repoRoot, 'dist/renderer'));
  const harness = await startWebHostProcess(home, path.join(repoRoot, 'dist/e2e-harness'));
  process.env['GLOWROOM_URL'] = app.url;
  process.env['GLOWROOM_HARNESS_URL'] = harness.url;
  process.env['GLOWROOM_HOME'] = home;
  return async () => {
    for (const { child } of [app, harness]) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    rmSync(home, { recursive: true, force: true });
    rmSync(testUserHome(home), { recursive: true, force: true });
  };
}
