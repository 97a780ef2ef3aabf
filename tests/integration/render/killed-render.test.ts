/**
 * A `glowroom render` killed mid-render (SIGKILL, as a crash or the system's OOM killer would)
 * cannot remove its scratch folder; the next render does.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { createTrack } from '../../../src/model/new-track';
import { serializeProject } from '../../../src/model/parse-project';
import { currentProjectVersion, type AudioClip, type Project } from '../../../src/model/project-schema';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

const cli = path.join(repoRoot, 'electron/cli/glowroom.mjs');

/** A project of one second-long noise clip looped over `beats` beats at 120 BPM. */
function project(dir: string, beats: number): string {
  mkdirSync(path.join(dir, 'Audio'), { recursive: true });
  const noise = Float32Array.from({ length: 48_000 }, (_, i) => Math.sin(i * 0.37) * 0.25);
  writeFileSync(path.join(dir, 'Audio', 'tone.wav'), encodeWav({ sampleRate: 48_000, channels: [noise, noise] }, { bitDepth: 24 }));
  const clip: AudioClip = {
    kind: 'audio', id: 'c', name: '', source: 'tone', start: 0, length: beats, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: true, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0,
  };
  const song: Project = {
    format: 'glowroom', version: currentProjectVersion, name: 'Long', tempo: 120, timeSignature: [4, 4], sampleRate: 48_000,
    sources: { tone: { path: 'Audio/tone.wav' } },
    tracks: [{ ...createTrack('t', 'Tone', 0), clips: [clip] }],
    buses: [], markers: [], master: { gainDb: 0, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
  };
  const file = path.join(dir, 'song.glowroom');
  writeFileSync(file, serializeProject(song));
  return file;
}

const scratch = (tmp: string) => readdirSync(tmp).filter((name) => /^glowroom-(render|sources|stems)-/.test(name));

describe('a render killed mid-way', () => {
  it('leaves its scratch folder, and the next render removes it', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const env = { ...process.env, TMPDIR: tmp };
    // An hour of audio: still rendering when it is killed.
    const child = spawn(process.execPath, [cli, 'render', project(path.join(dir, 'long'), 7_200), '-o', path.join(dir, 'long.wav'), '--quiet'], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    while (scratch(tmp).length === 0) {
      if (child.exitCode !== null) throw new Error('the render ended before it was killed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await exited;
    // Its mix, and its sources' folder too when the second render thread had asked for it by then.
    const left = scratch(tmp);
    expect(left).toContainEqual(expect.stringMatching(new RegExp(`^glowroom-render-${child.pid}-`)));
    for (const name of left) expect(name).toMatch(new RegExp(`^glowroom-(render|sources)-${child.pid}-`));

    const next = spawnSync(process.execPath, [cli, 'render', project(path.join(dir, 'short'), 4), '-o', path.join(dir, 'short.wav'), '--quiet'], { env, encoding: 'utf8' });
    expect(next.status, next.stderr).toBe(0);
    expect(scratch(tmp)).toEqual([]);
  });
});
