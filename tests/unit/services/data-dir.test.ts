import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../../electron/services/data-dir';

describe('data folder (shared by Electron, the web host and the CLI)', () => {
  it('honours GLOWROOM_HOME first', () => {
    expect(dataDir({ GLOWROOM_HOME: 'relative/home' }, 'linux')).toBe(path.resolve('relative/home'));
  });

  it('matches Electron userData per platform', () => {
    const home = os.homedir();
    expect(dataDir({}, 'linux')).toBe(path.join(home, '.config', 'Glowroom'));
    expect(dataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(path.join('/xdg', 'Glowroom'));
    expect(dataDir({}, 'darwin')).toBe(path.join(home, 'Library', 'Application Support', 'Glowroom'));
    expect(dataDir({ APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\me\\AppData\\Roaming', 'Glowroom'));
  });
});
