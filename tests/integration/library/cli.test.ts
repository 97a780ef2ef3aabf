import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplePack } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';
import { buildZip } from '../projects/support/raw-zip';

/** Runs the real `glowroom` launcher with its library in a temporary data folder. */
function glowroom(home: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), ...args], {
    encoding: 'utf8',
    cwd: repoRoot,
    env: { ...process.env, GLOWROOM_HOME: home },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('glowroom import and search', () => {
  it('imports the sample pack into the data folder, then finds sounds by words, kind, tempo and key', () => {
    const home = tempDir();
    const first = glowroom(home, 'import', samplePack, '--json');
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout);
    expect(summary).toMatchObject({ found: 33, indexed: 29, skipped: 0, cancelled: false });
    expect(summary.failed).toHaveLength(4);
    expect(summary.notes).toHaveLength(1);
    expect(first.stderr).toMatch(/Indexing… 33\/33/);
    expect(first.stderr).toMatch(/Analysing… 30\/30/);

    const again = glowroom(home, 'import', samplePack);
    expect(again.stdout).toMatch(/^Imported 33 audio files in [\d.]+ s: 0 indexed, 29 unchanged, 0 moved, 0 now missing, 4 failed\./);
    expect(again.stdout).toContain(`failed: ${path.join(samplePack, '_broken/empty.wav')}`);

    const kicks = JSON.parse(glowroom(home, 'search', 'kick', '--kind', 'one-shot', '--json').stdout);
    expect(kicks.total).toBe(5);
    expect(kicks.rows[0]).not.toHaveProperty('peaks');
    const halfTime = JSON.parse(glowroom(home, 'search', '--bpm', '60-70', '--json').stdout);
    expect(halfTime.rows.map((r: { name: string }) => r.name).sort()).toEqual(['amen_break_137bpm.wav', 'garzul_120bpm_Cmin_96k.wav', 'loop_breakbeat.flac', 'loop_mika.flac']);
    const cMinor = glowroom(home, 'search', '--key', 'cm', '--kind', 'loop');
    expect(cMinor.code).toBe(0);
    expect(cMinor.stdout).toContain('garzul_120bpm_Cmin_96k.wav\n  loop · 8.00 s · 120 BPM · C minor · loop');
    // compus_loop.mp3's name states no key: detected from its chromagram (src/analysis/key-detect).
    expect(cMinor.stdout).toContain('compus_loop.mp3\n  loop · 6.49 s · 148 BPM · C minor · loop');
    expect(cMinor.stdout).toContain('2 of 2 matching samples.');
    expect(JSON.parse(glowroom(home, 'search', 'sn', '--limit', '2', '--json').stdout)).toMatchObject({ total: 4, rows: [{}, {}] });
   }, 120_000); // two imports of the whole pack, with full analysis, on a shared 2-core machine

  it('uses the library file named by --library', () => {
    const dir = tempDir();
    const library = path.join(dir, 'elsewhere.sqlite3');
    const imported = glowroom(path.join(dir, 'home'), 'import', path.join(samplePack, 'Drums/Kicks'), '--library', library, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ indexed: 5, failed: [] });
    expect(JSON.parse(glowroom(path.join(dir, 'home'), 'search', '--library', library, '--json').stdout).total).toBe(5);
    expect(JSON.parse(glowroom(path.join(dir, 'home'), 'search', '--json').stdout).total).toBe(0);
  });

  it('imports a zip pack once, unpacked into Packs in the data folder, and names a hostile one', () => {
    const home = tempDir();
    const downloads = tempDir();
    const zip = path.join(downloads, 'Kick Pack.zip');
    writeFileSync(zip, buildZip([{ name: 'Kicks/bd_haus.flac', data: readFileSync(path.join(samplePack, 'Drums/Kicks/bd_haus.flac')) }]));
    const first = glowroom(home, 'import', zip, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ found: 1, indexed: 1, failed: [] });
    expect(readdirSync(path.join(home, 'Packs'))).toEqual(['Kick Pack']);
    expect(JSON.parse(glowroom(home, 'import', zip, '--json').stdout)).toMatchObject({ found: 1, indexed: 0, skipped: 1 });
    const found = JSON.parse(glowroom(home, 'search', 'haus', '--json').stdout);
    expect(found.rows[0]).toMatchObject({ pack: 'Kick Pack', path: path.join(home, 'Packs', 'Kick Pack', 'Kicks', 'bd_haus.flac') });

    const evil = path.join(downloads, 'evil.zip');
    writeFileSync(evil, buildZip([{ name: '../escape.wav', data: Buffer.from('x') }]));
    const refused = glowroom(home, 'import', evil);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`failed: ${evil}`);
    expect(refused.stdout).toContain('evil.zip was not opened: "../escape.wav" contains ".."');
    expect(readdirSync(path.join(home, 'Packs'))).toEqual(['Kick Pack']);
  });

  it('explains usage mistakes with exit status 2', () => {
    const home = tempDir();
    expect(glowroom(home, 'import').stderr).toContain('name at least one folder or .zip of samples');
    expect(glowroom(home, 'import').code).toBe(2);
    const cases: [string[], RegExp][] = [
      [['--kind', 'drone'], /--kind must be loop or one-shot, not "drone"/],
      [['--bpm', 'fast'], /--bpm takes a tempo or a range like 120 or 118-124/],
      [['--bpm', '130-120'], /put the lower tempo first/],
      [['--key', 'H#'], /--key takes a key like Am/],
      [['--limit', '0'], /--limit must be a whole number from 1 to 10000/],
    ];
    for (const [args, message] of cases) {
      const result = glowroom(home, 'search', ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
