import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(stdout).toContain('glowroom analyze <file>... [--json]');
  });

  it('analyzes WAV files to JSON with the app’s own decoder', () => {
    const { code, stdout } = glowroom('analyze', packFile('Loops/garzul_120bpm_Cmin_96k.wav'), packFile('Drums/Kicks/bd_klub_48k.wav'), '--json');
    expect(code).toBe(0);
    const reports = JSON.parse(stdout) as Record<string, unknown>[];
    expect(reports[0]).toMatchObject({ format: 'wav', sampleRate: 96_000, channels: 2, bitDepth: 24, duration: 8 });
    expect(reports[1]).toMatchObject({ sampleRate: 48_000, channels: 2, bitDepth: 16, peakDbfs: 0 });
    expect(reports[1]?.['duration']).toBeCloseTo(17_704 / 48_000, 9);
    // sox reports a maximum amplitude of 0.902850 for this file.
    expect(reports[0]?.['peakDbfs']).toBeCloseTo(20 * Math.log10(0.90285), 1);
  });

  it('reports a damaged file in JSON and exits 1, and a usage error with 2', () => {
    const broken = glowroom('analyze', packFile('_broken/truncated.wav'), '--json');
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)[0]).toMatchObject({ error: { code: 'bad-format', message: expect.stringContaining('truncated') } });
    expect(glowroom('analyze').code).toBe(2);
    expect(glowroom('analyze', '--bogus', 'x.wav').code).toBe(2);
    const unknown = glowroom('explode');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "explode"');
  });

  it('prints a readable line per file without --json', () => {
    const { code, stdout } = glowroom('analyze', packFile('Drums/Snares/sn_zome_float.wav'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/WAV 32-bit · 44100 Hz · 2 ch · 0\.479 s · peak -0\.1\d dBFS/);
  });
});
