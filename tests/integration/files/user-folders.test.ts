import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportsDir, musicDir } from '../../../electron/services/files/user-folders';
import { tempDir } from '../../support/temp-dir';

describe('the user folders exports default to', () => {
  it('is ~/Music/Glowroom/Exports on macOS and Windows, and on Linux without user-dirs', () => {
    const home = tempDir();
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(exportsDir({ XDG_CONFIG_HOME: path.join(home, 'none') }, platform, home)).toBe(path.join(home, 'Music', 'Glowroom', 'Exports'));
    }
  });

  it('follows XDG_MUSIC_DIR on Linux, from the environment or user-dirs.dirs, but not one set to the home folder itself', () => {
    const home = tempDir();
    mkdirSync(path.join(home, '.config'));
    writeFileSync(path.join(home, '.config', 'user-dirs.dirs'), '# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR="$HOME/Desktop"\nXDG_MUSIC_DIR="$HOME/Musik"\n');
    expect(musicDir({}, 'linux', home)).toBe(path.join(home, 'Musik'));
    expect(musicDir({ XDG_MUSIC_DIR: '/srv/tunes' }, 'linux', home)).toBe('/srv/tunes');
    expect(musicDir({ XDG_MUSIC_DIR: '$HOME' }, 'linux', home)).toBe(path.join(home, 'Music'));
    expect(musicDir({}, 'darwin', home)).toBe(path.join(home, 'Music'));
  });
});
