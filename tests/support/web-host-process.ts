import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths';

/** The user's home folder the web host of the tests sees (beside the data folder `home`): exports of untitled projects land in its Music/Glowroom/Exports. */
export const testUserHome = (home: string): string => `${home}-user`;

/**
 * Starts `electron/host/serve.ts` as `npm run serve` does (a free port, `home` as the data
 * folder, `root` as the built page) and resolves the tokened URL it prints. Its user home is
 * `testUserHome(home)`, so nothing lands in the real music folder.
 */
export function startWebHostProcess(home: string, root: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/serve.ts', '--root', root], {
    cwd: repoRoot,
    env: { ...process.env, GLOWROOM_HOME: home, HOME: testUserHome(home), XDG_CONFIG_HOME: path.join(testUserHome(home), '.config'), XDG_MUSIC_DIR: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => reject(new Error(`The web host exited (${code}) before it printed its address:\n${output}`)));
  });
}
