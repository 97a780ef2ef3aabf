import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { productName } from '../data-dir';

/**
 * The user's music folder: on Linux the XDG one (`XDG_MUSIC_DIR` from the environment or from
 * `~/.config/user-dirs.dirs`, as the desktop's file manager names it), else `~/Music` (macOS,
 * Windows, and Linux without user-dirs). It need not exist yet.
 */
export function musicDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  if (platform !== 'darwin' && platform !== 'win32') {
    const xdg = env['XDG_MUSIC_DIR'] ?? xdgUserDir(env, home, 'XDG_MUSIC_DIR');
    if (xdg) {
      const expanded = xdg.replace(/^\$HOME(?=\/|$)/, home);
      // user-dirs.dirs sets a folder to $HOME itself when the user turned it off.
      if (path.isAbsolute(expanded) && path.resolve(expanded) !== path.resolve(home)) return path.resolve(expanded);
    }
  }
  return path.join(home, 'Music');
}

/** Where exports of an untitled project go: `<music>/Glowroom/Exports`. */
export function exportsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  return path.join(musicDir(env, platform, home), productName, 'Exports');
}

/** One entry of `$XDG_CONFIG_HOME/user-dirs.dirs` (`XDG_MUSIC_DIR="$HOME/Music"`), if set. */
function xdgUserDir(env: NodeJS.ProcessEnv, home: string, name: string): string | null {
  const file = path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), 'user-dirs.dirs');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const line = text.split('\n').find((l) => l.trim().startsWith(`${name}=`));
  const match = line ? /=\s*"([^"]*)"/.exec(line) : null;
  return match?.[1] || null;
}
