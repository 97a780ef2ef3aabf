import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSourceClip } from '../../../src/model/edits/source-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import type { Project } from '../../../src/model/project-schema';
import type { Reply } from '../../../src/protocol/ipc';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { tempDir } from '../../support/temp-dir';

function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

describe('projects through the contract', () => {
  it('saves sources inside the project folder relative, opens them absolute, and remembers recent files', async () => {
    const home = tempDir();
    const folder = tempDir();
    mkdirSync(path.join(folder, 'Audio'));
    const inside = path.join(folder, 'Audio', 'kick.wav');
    const outside = path.join(home, 'elsewhere.wav');
    let project = addSourceClip(createEmptyProject('Night drive'), { path: inside, name: 'kick.wav', durationSeconds: 0.5 }, 0, null).project;
    project = addSourceClip(project, { path: outside, name: 'elsewhere.wav', durationSeconds: 1 }, 4, null).project;
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    await dispatcher.grant({ path: folder, scope: 'tree' });

    const saved = valueOf<{ path: string }>(await dispatcher.call('project.save', { path: path.join(folder, 'Night drive'), project }));
    expect(saved.path).toBe(path.join(folder, 'Night drive.glowroom'));
    const onDisk = JSON.parse(readFileSync(saved.path, 'utf8')) as Project;
    expect(Object.values(onDisk.sources).map((s) => s.path).sort()).toEqual(['Audio/kick.wav', outside].sort());

    const opened = valueOf<{ project: Project; path: string }>(await dispatcher.call('project.open', { path: saved.path }));
    expect(opened.project).toEqual(project);
    expect(valueOf<{ paths: string[] }>(await dispatcher.call('project.recent', {})).paths).toEqual([saved.path]);
  });

  it('refuses to save an invalid document and reports where a broken file is wrong', async () => {
    const home = tempDir();
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home });
    const bad = { ...createEmptyProject(), tempo: -1 };
    const reply = await dispatcher.call('project.save', { path: path.join(home, 'x.glowroom'), project: bad });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringContaining('tempo') } });
    const broken = path.join(home, 'broken.glowroom');
    writeFileSync(broken, '{"format": "glowroom", "version": 1, "name": 3');
    expect(await dispatcher.call('project.open', { path: broken })).toMatchObject({ ok: false, error: { code: 'bad-format', message: expect.stringMatching(/line 1, column/) } });
  });

  it('keeps unsaved work in recovery and offers it after a crash', async () => {
    const home = tempDir();
    const before = new Dispatcher('web', { libraryPath: ':memory:', home });
    const project = { ...createEmptyProject('Untitled beat'), tempo: 93 };
    const { key } = valueOf<{ key: string }>(await before.call('project.writeRecovery', { key: null, project, originalPath: null }));

    // "Crash": a new process starts with the same data folder.
    const after = new Dispatcher('web', { libraryPath: ':memory:', home });
    const { entries } = valueOf<{ entries: { key: string; name: string; damaged: boolean }[] }>(await after.call('project.recoveries', {}));
    expect(entries).toMatchObject([{ key, name: 'Untitled beat', damaged: false }]);
    const outcome = valueOf<{ project: Project; unsaved: boolean; recoveryKey: string }>(await after.call('project.resolveRecovery', { key, choice: 'recover' }));
    expect(outcome).toMatchObject({ unsaved: true, recoveryKey: key });
    expect(outcome.project.tempo).toBe(93);
    await after.call('project.resolveRecovery', { key, choice: 'discard' });
    expect(valueOf<{ entries: unknown[] }>(await after.call('project.recoveries', {})).entries).toEqual([]);
  });
});
