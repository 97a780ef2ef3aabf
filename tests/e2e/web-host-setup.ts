import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Starts `electron/host/serve.ts` as `npm run serve` does, on a free port; resolves its tokened URL. */
function startHost(home: string, root: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--root', root], {
    cwd: repoRoot,
    env: { ...process.env, GLOWROOM_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => reject(new Error(`The web host exited (${code}) before it printed its address:\n${output}`)));
  });
}

/**
 * Starts the app's web host (GLOWROOM_URL) and a second one serving the engine harness page
 * (GLOWROOM_HARNESS_URL), each as `npm run serve` runs, with a fresh data folder.
 */
export default async function startWebHostsForTests(): Promise<() => Promise<void>> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'glowroom-e2e-'));
  const app = await startHost(home, path.join(repoRoot, 'dist/renderer'));
  const harness = await startHost(home, path.join(repoRoot, 'dist/e2e-harness'));
  process.env['GLOWROOM_URL'] = app.url;
  process.env['GLOWROOM_HARNESS_URL'] = harness.url;
  process.env['GLOWROOM_HOME'] = home;
  return async () => {
    for (const { child } of [app, harness]) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
    rmSync(home, { recursive: true, force: true });
  };
}
