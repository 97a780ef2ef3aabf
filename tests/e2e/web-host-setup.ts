import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Starts `electron/host/serve.ts` exactly as `npm run serve` does (on a free port, with a fresh
 * data folder) and hands its tokened URL to the tests in GLOWROOM_URL.
 */
export default async function startWebHostForTests(): Promise<() => Promise<void>> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'glowroom-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts'], {
    cwd: repoRoot,
    env: { ...process.env, GLOWROOM_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`The web host exited (${code}) before it printed its address:\n${output}`)));
  });
  process.env['GLOWROOM_URL'] = url;
  process.env['GLOWROOM_HOME'] = home;
  return async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
    rmSync(home, { recursive: true, force: true });
  };
}
