import os from 'node:os';
import path from 'node:path';

export const productName = 'Glowroom';

/**
 * The folder for the library database, recovery files and settings: Electron's `userData` for
 * this app, computed the same way for the web host and the CLI so all three share one library.
 * `GLOWROOM_HOME` overrides it (tests, portable installs).
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['GLOWROOM_HOME'];
  if (override) return path.resolve(override);
  const home = os.homedir();
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', productName);
    case 'win32':
      return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), productName);
    default:
      return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), productName);
  }
}
