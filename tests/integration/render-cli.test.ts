import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../src/codecs/wav';
import { encodeWav } from '../../src/codecs/wav-writer';
import { serializeProject } from '../../src/model/parse-project';
import { createTrack } from '../../src/model/new-track';
import { currentProjectVersion, type AudioClip, type Project } from '../../src/model/project-schema';
import { repoRoot } from '../support/paths';
import { tempDir } from '../support/temp-dir';

function glowroom(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const clip = (id: string, start: number, extra: Partial<AudioClip> = {}): AudioClip => ({
  kind: 'audio', id, name: '', source: 'click', start, length: 0.5, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0, ...extra,
});

/** A project folder with Audio/click.wav (one full-scale sample) and clicks on the given beats. */
function projectWithClicks(dir: string, beats: number[], tempo: number, extra: Partial<Project> = {}): string {
  mkdirSync(path.join(dir, 'Audio'), { recursive: true });
  writeFileSync(path.join(dir, 'Audio', 'click.wav'), encodeWav({ sampleRate: 48_000, channels: [Float32Array.of(0.5)] }, { bitDepth: 32, float: true }));
  const project: Project = {
    format: 'glowroom', version: currentProjectVersion, name: 'Clicks', tempo, timeSignature: [4, 4], sampleRate: 48_000,
    sources: { click: { path: 'Audio/click.wav' } },
    tracks: [{ ...createTrack('t', 'Clicks', 0), clips: beats.map((b, i) => clip(`c${i}`, b)) }],
    buses: [], markers: [],
    master: { gainDb: 0, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
    ...extra,
  };
  const file = path.join(dir, 'clicks.glowroom');
  writeFileSync(file, serializeProject(project));
  return file;
}

const frameOf = (beats: number, tempo: number, rate = 48_000) => Math.round(((beats * 60) / tempo) * rate);

describe('glowroom render', () => {
  it('renders clicks on the exact sample of their beats, to the end of the last clip (32-bit float)', () => {
    const dir = tempDir();
    const tempo = 93.7;
    const beats = [0, 1, 2.5, 7.75, 15];
    const out = path.join(dir, 'mix.wav');
    const result = glowroom('render', projectWithClicks(dir, beats, tempo), '-o', out, '--bits', '32f', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Rendering…');
    const summary = JSON.parse(result.stdout) as { frames: number; sampleRate: number; unplayable: unknown[] };
    expect(summary).toMatchObject({ sampleRate: 48_000, frames: frameOf(15.5, tempo), unplayable: [] });
    const audio = decodeWav(readFileSync(out));
    expect(audio.channels[0]?.length).toBe(frameOf(15.5, tempo));
    const onsets: number[] = [];
    audio.channels[0]?.forEach((x, i) => x !== 0 && onsets.push(i));
    expect(onsets).toEqual(beats.map((b) => frameOf(b, tempo)));
    expect(audio.channels[1]?.[frameOf(2.5, tempo)]).toBe(0.5);
  });

  it('leaves a muted clip out of the mix, yet renders to its end', () => {
    const dir = tempDir();
    const tracks = [{ ...createTrack('t', 'Clicks', 0), clips: [clip('c0', 0), clip('c1', 2, { mute: true }), clip('c2', 4, { mute: true })] }];
    const out = path.join(dir, 'mix.wav');
    expect(glowroom('render', projectWithClicks(dir, [], 120, { tracks }), '-o', out, '--bits', '32f').code).toBe(0);
    const audio = decodeWav(readFileSync(out));
    expect(audio.channels[0]?.length).toBe(frameOf(4.5, 120));
    const onsets: number[] = [];
    audio.channels[0]?.forEach((x, i) => x !== 0 && onsets.push(i));
    expect(onsets).toEqual([0]);
  });

  it('dithers 16-bit output reproducibly: the same project gives the same bytes', () => {
    const dir = tempDir();
    const project = projectWithClicks(dir, [0, 4], 120);
    expect(glowroom('render', project, '-o', path.join(dir, 'a.wav'), '--bits', '16').code).toBe(0);
    expect(glowroom('render', project, '-o', path.join(dir, 'b.wav'), '--bits', '16').code).toBe(0);
    const a = readFileSync(path.join(dir, 'a.wav'));
    expect(a.equals(readFileSync(path.join(dir, 'b.wav')))).toBe(true);
    const audio = decodeWav(a);
    expect(audio.bitDepth).toBe(16);
    // TPDF dither on digital silence leaves ±1 LSB codes, never more.
    const silence = audio.channels[0]?.subarray(100, 20_000) ?? new Float32Array();
    const codes = new Set(Array.from(silence, (x) => Math.round(x * 32768)));
    expect([...codes].sort()).toEqual([-1, 0, 1]);
  });

  it('renders at another rate when asked', () => {
    const dir = tempDir();
    const out = path.join(dir, 'mix.wav');
    expect(glowroom('render', projectWithClicks(dir, [0, 2], 120), '-o', out, '--rate', '44100', '--bits', '24').code).toBe(0);
    const audio = decodeWav(readFileSync(out));
    expect(audio.sampleRate).toBe(44_100);
    expect(audio.channels[0]?.length).toBe(frameOf(2.5, 120, 44_100));
  });

  it('renders a missing source as silence and names the file', () => {
    const dir = tempDir();
    const file = projectWithClicks(dir, [0, 1], 120);
    writeFileSync(path.join(dir, 'Audio', 'click.wav'), '');
    const result = glowroom('render', file, '-o', path.join(dir, 'mix.wav'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`source "click" was left silent: click.wav is empty (0 bytes)`);
    const audio = decodeWav(readFileSync(path.join(dir, 'mix.wav')));
    expect(audio.channels[0]?.every((x) => Math.abs(x) <= 1 / 2 ** 23)).toBe(true);
  });

  it('refuses a malformed project with the JSON path of the first bad field, writing nothing', () => {
    const dir = tempDir();
    const file = projectWithClicks(dir, [0], 120);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"length": 0.5', '"length": -2'));
    const result = glowroom('render', file, '-o', path.join(dir, 'mix.wav'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tracks[0].clips[0].length');
    expect(readdirSync(dir).filter((f) => f.endsWith('.wav') || f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a project from a newer Glowroom', () => {
    const dir = tempDir();
    const file = projectWithClicks(dir, [0], 120);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"version": ${currentProjectVersion}`, '"version": 7'));
    const result = glowroom('render', file, '-o', path.join(dir, 'mix.wav'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/newer Glowroom/);
  });

  it('takes negative numbers as option values, with or without "="', () => {
    const dir = tempDir();
    const project = projectWithClicks(dir, [0, 1, 2, 3, 4, 5, 6, 7], 120);
    for (const [i, args] of [['--normalize', '-14', '--true-peak', '-1.5'], ['--normalize=-14', '--true-peak=-1.5']].entries()) {
      const result = glowroom('render', project, '-o', path.join(dir, `mix${i}.wav`), ...args, '--json');
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout).normalization).toMatchObject({ targetLufs: -14, ceilingDbtp: -1.5 });
    }
    const negativeTail = glowroom('render', project, '-o', path.join(dir, 'tail.wav'), '--tail', '-3');
    expect(negativeTail.code).toBe(2);
    expect(negativeTail.stderr).toContain('--tail must be seconds from 0 to 60, not "-3"');
  }, 180_000);

  it('says what is wrong with the command line', () => {
    expect(glowroom('render').stderr).toContain('name exactly one project');
    expect(glowroom('render', 'x.glowroom').stderr).toContain('-o');
    expect(glowroom('render', 'x.glowroom', '-o', 'x.wav', '--bits', '12').stderr).toContain('--bits must be 16, 24 or 32f');
    expect(glowroom('render', 'x.glowroom', '-o', 'x.wav', '--rate', 'fast').code).toBe(2);
    expect(glowroom('render', '/no/such.glowroom', '-o', '/tmp/x.wav').stderr).toContain('such.glowroom was not found in /no');
  });

  it('fails cleanly when the output folder cannot be written, leaving no temporary file', () => {
    const dir = tempDir();
    const file = projectWithClicks(dir, [0], 120);
    const result = glowroom('render', file, '-o', path.join(dir, 'missing-folder', 'mix.wav'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not write');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
