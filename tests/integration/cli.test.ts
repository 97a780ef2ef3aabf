import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../electron/services/library/analyze-file';
import { packFile, repoRoot } from '../support/paths';

/** Runs the real `glowroom` launcher, as `npx glowroom` does. */
function glowroom(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), ...args], { encoding: 'utf8', cwd: repoRoot });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the glowroom command', () => {
  it('prints help', () => {
    const { code, stdout } = glowroom('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('analyze [options] <file...>');
  });

  it('analyzes files to JSON as the library import does', async () => {
    const files = [packFile('Loops/garzul_120bpm_Cmin_96k.wav'), packFile('Drums/Kicks/bd_klub_48k.wav'), packFile('Loops/compus_loop.mp3')];
    const { code, stdout } = glowroom('analyze', ...files, '--json');
    expect(code).toBe(0);
    const reports = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Object.keys(reports[0] ?? {}).sort()).toEqual(['bitDepth', 'bpm', 'channels', 'duration', 'file', 'format', 'key', 'kind', 'lufs', 'peakDbfs', 'sampleRate']);
    expect(reports[0]).toMatchObject({ file: files[0], format: 'wav', sampleRate: 96_000, channels: 2, bitDepth: 24, duration: 8, bpm: 120, key: 'C minor', kind: 'loop' });
    expect(reports[1]).toMatchObject({ sampleRate: 48_000, channels: 2, bitDepth: 16, peakDbfs: 0, bpm: null, key: null, kind: 'one-shot' });
    expect(reports[1]?.['duration']).toBeCloseTo(17_704 / 48_000, 9);
    // sox reports a maximum amplitude of 0.902850 for this file.
    expect(reports[0]?.['peakDbfs']).toBeCloseTo(20 * Math.log10(0.90285), 1);
    // Neither tempo nor key is in this name: both are detected, as the library detects them.
    expect(reports[2]).toMatchObject({ format: 'mp3', bitDepth: 0, bpm: 148, key: 'C minor', kind: 'loop' });
    for (const [i, file] of files.entries()) {
      const analysis = await analyzeFile(file, path.basename(file));
      expect(reports[i]?.['lufs']).toBeCloseTo(analysis.loudnessLufs ?? Number.NaN, 2);
    }
    // ffmpeg's ebur128 filter reads an integrated loudness of −12.1 LUFS for the 8 s loop.
    expect(Math.abs(Number(reports[0]?.['lufs']) - -12.1)).toBeLessThanOrEqual(0.1);
  });

  it('reports a damaged file in JSON and exits 1, and a usage error with 2', () => {
    const broken = glowroom('analyze', packFile('_broken/truncated.wav'), '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)[0]).toMatchObject({ error: { code: 'bad-format', message: expect.stringContaining('truncated') } });
    expect(glowroom('analyze').code).toBe(2);
    expect(glowroom('analyze', '--bogus', 'x.wav').code).toBe(2);
    const unknown = glowroom('explode');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'explode'");
  });

  it('prints readable lines per file without --json', () => {
    const { code, stdout } = glowroom('analyze', packFile('Drums/Snares/sn_zome_float.wav'), packFile('Loops/garzul_120bpm_Cmin_96k.wav'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/WAV 32-bit · 44100 Hz · 2 ch · 0\.479 s · peak -0\.1\d dBFS · -\d+\.\d LUFS\n {2}one-shot\n/);
    expect(stdout).toContain('\n  loop · 120 BPM · C minor');
  });

  it('says what is wrong with a path that is missing or a folder', () => {
    const { code, stdout } = glowroom('analyze', 'no-such-kick.wav', packFile('Drums'), '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      { file: 'no-such-kick.wav', error: { code: 'not-found', message: 'no-such-kick.wav was not found: check the path (it may have been moved or deleted).' } },
      { file: packFile('Drums'), error: { code: 'wrong-kind', message: 'Drums is a folder, not an audio file.' } },
    ]);
  });
});
