import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

const song = fileURLToPath(new URL('../../fixtures/midi/mido-type1.mid', import.meta.url));

function glowroom(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('glowroom render song.mid', () => {
  it('refuses a damaged MIDI file with the reason and exit status 1, writing nothing', () => {
    const dir = tempDir();
    const cut = path.join(dir, 'cut.mid');
    writeFileSync(cut, readFileSync(song).subarray(0, 100));
    const out = path.join(dir, 'cut.wav');
    const result = glowroom('render', cut, '-o', out, '--quiet');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cut.mid is damaged: track 2 is cut short (the file is truncated).');
    expect(() => readFileSync(out)).toThrow();
  });

  it('says in --help that it takes MIDI files', () => {
    expect(glowroom('render', '--help').stdout.replace(/\s+/g, ' ')).toContain('or a .mid MIDI file played on the default synth and drum kit');
  });
});
