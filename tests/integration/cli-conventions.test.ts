import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, samplePack } from '../support/paths';
import { tempDir } from '../support/temp-dir';

/** Runs the real `glowroom` launcher with stdout and stderr on pipes, as a script would. */
function glowroom(home: string, ...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), ...args], { encoding: 'utf8', cwd: repoRoot, env: { ...process.env, GLOWROOM_HOME: home } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (performance.now() - started) / 1000 };
}

/** Each command's options with the unit (or the values) its help line must name. */
const helpUnits: Record<string, [string, RegExp][]> = {
  render: [
    ['--bits <bits>', /16, 24 or 32f/], ['--rate <hz>', /in Hz/], ['--bitrate <kbps>', /kbit\/s/], ['--vbr <quality>', /0 \(best\) to 9/],
    ['--normalize <lufs>', /LUFS/], ['--true-peak <dbtp>', /dBTP/], ['--range <beats>', /in beats/], ['--clip <seconds>', /seconds/],
    ['--start <beat>', /in beats/], ['--tail <seconds>', /seconds/], ['-q, --quiet', /no progress/],
  ],
  search: [['--bpm <bpm>', /in BPM/], ['--limit <count>', /a count from 1 to 10000/], ['--kind <kind>', /loop or one-shot/], ['--key <key>', /key/]],
  import: [['--library <file>', /database file/], ['-q, --quiet', /no progress/], ['--json', /JSON/]],
  analyze: [['--json', /JSON/]],
};

describe('glowroom command-line conventions', () => {
  it.each(Object.keys(helpUnits))('%s --help lists every option with its unit and the exit statuses', (command) => {
    const home = tempDir();
    const help = glowroom(home, command, '--help');
    expect(help.code).toBe(0);
    for (const [option, unit] of helpUnits[command] ?? []) {
      const line = help.stdout.split('\n').findIndex((l) => l.trimStart().startsWith(option));
      expect(line, `${option} in ${command} --help`).toBeGreaterThanOrEqual(0);
      // The description may wrap onto the following lines.
      expect(help.stdout.split('\n').slice(line, line + 3).join(' ').replace(/\s+/g, ' ')).toMatch(unit);
    }
    expect(help.stdout).toContain('Exit status: 0 on success, 1 if any file failed, 2 for a usage error.');
    expect(glowroom(home, 'help', command).stdout).toBe(help.stdout);
  });

  it('takes negative numbers as option values and judges them, exiting 2', () => {
    const home = tempDir();
    const bpm = glowroom(home, 'search', '--bpm', '-120');
    expect(bpm.code).toBe(2);
    expect(bpm.stderr).toContain('--bpm takes a tempo or a range like 120 or 118-124, not "-120"');
    const limit = glowroom(home, 'search', 'kick', '--limit', '-5');
    expect(limit.stderr).toContain('--limit must be a whole number from 1 to 10000, not "-5"');
    const tail = glowroom(home, 'render', 'x.glowroom', '-o', 'x.wav', '--normalize', '-14', '--true-peak', '-1', '--tail', '-3');
    expect(tail.code).toBe(2);
    expect(tail.stderr).toContain('--tail must be seconds from 0 to 60, not "-3"');
    const unknown = glowroom(home, 'import', samplePack, '--fast');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--fast'");
  });

  it('prints plain progress lines at most once a second on a pipe, and none with --quiet', () => {
    const piped = glowroom(tempDir(), 'import', path.join(samplePack, 'Loops'));
    expect(piped.stderr).not.toContain('\r');
    const lines = piped.stderr.trimEnd().split('\n');
    // Two phases: listing every file from its headers, then analysing them.
    expect(lines.every((l) => /^(Indexing|Analysing)… /.test(l))).toBe(true);
    expect(lines.filter((l) => /^Indexing… (\d+)\/\1 /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^Analysing… (\d+)\/\1 /.test(l))).toHaveLength(1);
    expect(lines.at(-1)).toMatch(/^Analysing… (\d+)\/\1 /);
    // At most one line a second, plus each phase's first and final line.
    expect(lines.length).toBeLessThanOrEqual(Math.ceil(piped.seconds) + 4);

    const quiet = glowroom(tempDir(), 'import', path.join(samplePack, 'Loops'), '--quiet');
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toMatch(/^Imported \d+ audio files/);
  }, 120_000);
});
