import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { addSourceClip } from '../../../src/model/edits/source-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import type { Project } from '../../../src/model/project-schema';
import type { Reply } from '../../../src/protocol/ipc';
import { tempDir } from '../../support/temp-dir';
import { buildZip } from './support/raw-zip';

function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

type Opened = { project: Project; path: string; missing: { sourceId: string; path: string }[] };

/** A saved project in `folder` using `kick.wav` from inside its Audio/ folder and `pad.wav` from elsewhere. */
async function savedProject(dispatcher: Dispatcher, folder: string, elsewhere: string): Promise<{ file: string; project: Project }> {
  mkdirSync(path.join(folder, 'Audio'), { recursive: true });
  mkdirSync(elsewhere, { recursive: true });
  const kick = path.join(folder, 'Audio', 'kick.wav');
  const pad = path.join(elsewhere, 'pad.wav');
  writeFileSync(kick, Buffer.from('kick bytes'));
  writeFileSync(pad, Buffer.from('pad bytes'));
  let project = addSourceClip(createEmptyProject('Nuit'), { path: kick, name: 'kick.wav', durationSeconds: 0.5 }, 0, null).project;
  project = addSourceClip(project, { path: pad, name: 'pad.wav', durationSeconds: 2 }, 4, null).project;
  const saved = valueOf<{ path: string }>(await dispatcher.call('project.save', { path: path.join(folder, 'Nuit.glowroom'), project }));
  return { file: saved.path, project };
}

describe('bundles and collect through the contract', () => {
  it('exports a bundle and opens it into another folder with every source under its Audio/', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    const { file, project } = await savedProject(dispatcher, path.join(home, 'work'), path.join(home, 'samples'));

    const bundle = valueOf<{ path: string }>(await dispatcher.call('project.exportBundle', { projectPath: file, outPath: path.join(home, 'Nuit') }));
    expect(bundle.path).toBe(path.join(home, 'Nuit.glowroom.zip'));
    expect(existsSync(bundle.path)).toBe(true);

    const into = tempDir();
    await dispatcher.grant({ path: into, scope: 'tree' });
    const opened = valueOf<Opened>(await dispatcher.call('project.openBundle', { zipPath: bundle.path, intoFolder: into }));
    expect(opened.path).toBe(path.join(into, 'Nuit', 'Nuit.glowroom'));
    expect(opened.missing).toEqual([]);
    expect(opened.project.tracks).toEqual(project.tracks);
    const sources = Object.values(opened.project.sources).map((s) => s.path);
    expect(sources.sort()).toEqual([path.join(into, 'Nuit', 'Audio', 'kick.wav'), path.join(into, 'Nuit', 'Audio', 'pad.wav')]);
    expect(readFileSync(path.join(into, 'Nuit', 'Audio', 'pad.wav'), 'utf8')).toBe('pad bytes');
    // Opening it made it a recent project, like any open.
    expect(valueOf<{ paths: string[] }>(await dispatcher.call('project.recent', {})).paths[0]).toBe(opened.path);
  });

  it('refuses a hostile bundle with the offending entry named and writes nothing', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    const zip = path.join(home, 'evil.glowroom.zip');
    writeFileSync(zip, buildZip([{ name: 'Nuit.glowroom', data: Buffer.from('{}') }, { name: '../evil.wav', data: Buffer.from('evil') }]));
    const into = tempDir();
    await dispatcher.grant({ path: into, scope: 'tree' });
    const reply = await dispatcher.call('project.openBundle', { zipPath: zip, intoFolder: into });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-format', message: expect.stringContaining('../evil.wav') } });
    expect(readdirSync(into)).toEqual([]);
    expect(existsSync(path.join(path.dirname(into), 'evil.wav'))).toBe(false);
  });

  it('reports missing audio instead of writing a bundle', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    const project = addSourceClip(createEmptyProject('Gone'), { path: path.join(home, 'nowhere.wav'), name: 'nowhere.wav', durationSeconds: 1 }, 0, null).project;
    const { path: file } = valueOf<{ path: string }>(await dispatcher.call('project.save', { path: path.join(home, 'Gone'), project }));
    const out = path.join(home, 'Gone.glowroom.zip');
    expect(await dispatcher.call('project.exportBundle', { projectPath: file, outPath: out })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('nowhere.wav') } });
    expect(existsSync(out)).toBe(false);
  });

  it('collects outside audio into Audio/, saves, and the reopened project points there', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    const folder = path.join(home, 'work');
    const { file } = await savedProject(dispatcher, folder, path.join(home, 'samples'));

    const collected = valueOf<{ path: string; copied: string[] }>(await dispatcher.call('project.collect', { projectPath: file }));
    expect(collected).toEqual({ path: file, copied: ['Audio/pad.wav'] });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as Project;
    expect(Object.values(onDisk.sources).map((s) => s.path).sort()).toEqual(['Audio/kick.wav', 'Audio/pad.wav']);
    expect(existsSync(`${file}.bak`) || readdirSync(folder).some((name) => name.endsWith('.bak'))).toBe(true);

    const reopened = valueOf<Opened>(await dispatcher.call('project.open', { path: file }));
    expect(Object.values(reopened.project.sources).map((s) => s.path).sort()).toEqual([path.join(folder, 'Audio', 'kick.wav'), path.join(folder, 'Audio', 'pad.wav')]);
    // Collecting again copies nothing: everything already lives in Audio/.
    expect(valueOf<{ copied: string[] }>(await dispatcher.call('project.collect', { projectPath: file })).copied).toEqual([]);
  });

  it('accepts the renderer edit state on every host (only Electron acts on it)', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    expect(await dispatcher.call('app.setEditState', { undoLabel: 'Move 3 Clips', redoLabel: null, dirty: true, title: '• Nuit — Glowroom' })).toEqual({ ok: true, value: {} });
    expect(await dispatcher.call('app.setEditState', { undoLabel: null, dirty: true, title: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
  });
});
