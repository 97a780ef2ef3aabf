import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsIn } from '../../../electron/main/os-files';
import { tempDir } from '../../support/temp-dir';

describe('files handed over on the command line', () => {
  it('keeps existing projects and bundles, resolved against the working folder, and nothing else', () => {
    const cwd = tempDir();
    mkdirSync(path.join(cwd, 'beats'));
    writeFileSync(path.join(cwd, 'beats', 'Nuit.glowroom'), '{}');
    writeFileSync(path.join(cwd, 'Nuit.glowroom.zip'), '');
    writeFileSync(path.join(cwd, 'notes.zip'), '');
    const argv = ['--allow-file-access', 'beats/Nuit.glowroom', path.join(cwd, 'Nuit.glowroom.zip'), 'notes.zip', 'gone.glowroom', '.'];
    expect(documentsIn(argv, cwd)).toEqual([path.join(cwd, 'beats', 'Nuit.glowroom'), path.join(cwd, 'Nuit.glowroom.zip')]);
  });
});
