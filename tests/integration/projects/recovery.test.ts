/**
 * Crash and restart: a session edits a saved project, autosave writes the recovery file, the
 * session dies without saving; a new session (new instances, same disk) finds it and offers it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AutosavePolicy } from '../../../renderer/state/autosave-policy';
import { openProject, saveProject } from '../../../electron/services/projects/project-files';
import { recoveryKeyFor, RecoveryStore } from '../../../electron/services/projects/recovery';
import { resolveRecovery } from '../../../electron/services/projects/recovery-choice';
import type { Project } from '../../../src/model/project-schema';
import { tempDir } from '../../support/temp-dir';
import { richProject } from '../../unit/model/fixtures';

const lastSaved = (): Project => ({ ...richProject(), name: 'Last saved' });
const edited = (): Project => ({ ...richProject(), name: 'Edited after the save', tempo: 90 });

/** Session 1: save, edit, let autosave secure the edit, then crash (just stop). */
async function crashAfterEditing(home: string): Promise<{ file: string; store: RecoveryStore }> {
  const file = path.join(home, 'Projects', 'Nuit.glowroom');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await saveProject(file, lastSaved());
  let now = Date.parse('2025-03-01T23:59:00Z');
  const policy = new AutosavePolicy(() => now);
  policy.edited();
  now += 30_000;
  expect(policy.dueInMs()).toBe(0);
  policy.writing();
  await new RecoveryStore().writeRecovery(recoveryKeyFor(file), edited(), { originalPath: file, savedAt: new Date(now) });
  // Session 2 starts here with fresh instances, as after a restart.
  return { file, store: new RecoveryStore() };
}

function useHome(): string {
  const home = tempDir('glowroom-home-');
  vi.stubEnv('GLOWROOM_HOME', home);
  return home;
}

describe('recovery after a crash', () => {
  it('offers the recovery file from <dataDir>/recovery after a restart', async () => {
    const home = useHome();
    const { file, store } = await crashAfterEditing(home);
    expect(store.folder).toBe(path.join(home, 'recovery'));
    expect(await store.listRecoveries()).toEqual([
      { key: recoveryKeyFor(file), damaged: false, originalPath: file, savedAt: new Date('2025-03-01T23:59:30Z'), name: 'Nuit' },
    ]);
  });

  it('Recover gives the recovered document, unsaved, and keeps the recovery file until a save', async () => {
    const { file, store } = await crashAfterEditing(useHome());
    const [entry] = await store.listRecoveries();
    const outcome = await resolveRecovery(store, entry!, 'recover');
    expect(outcome).toEqual({ project: edited(), file, unsaved: true, notice: null });
    expect(await store.listRecoveries()).toHaveLength(1);
    expect((await openProject(file)).project).toEqual(lastSaved());
  });

  it('Open last saved gives the file on disk and drops the recovery file', async () => {
    const { file, store } = await crashAfterEditing(useHome());
    const [entry] = await store.listRecoveries();
    expect(await resolveRecovery(store, entry!, 'open-last-saved')).toEqual({ project: lastSaved(), file, unsaved: false, notice: null });
    expect(await store.listRecoveries()).toEqual([]);
  });

  it('Discard removes the recovery file and opens nothing', async () => {
    const { file, store } = await crashAfterEditing(useHome());
    const [entry] = await store.listRecoveries();
    expect(await resolveRecovery(store, entry!, 'discard')).toEqual({ project: null, file: null, unsaved: false, notice: null });
    expect(await fs.readdir(store.folder)).toEqual([]);
    expect((await openProject(file)).project).toEqual(lastSaved());
  });

  it('a damaged recovery file falls back to the last saved project, says so, and is set aside', async () => {
    const { file, store } = await crashAfterEditing(useHome());
    const recoveryFile = path.join(store.folder, `${recoveryKeyFor(file)}.glowroom-recovery`);
    const text = await fs.readFile(recoveryFile, 'utf8');
    await fs.writeFile(recoveryFile, text.slice(0, text.length - 200));
    const [entry] = await store.listRecoveries();
    expect(entry).toMatchObject({ damaged: false, originalPath: file });
    await expect(store.readRecovery(entry!.key)).rejects.toMatchObject({ code: 'bad-format', message: expect.stringContaining(`the last saved project (${file}) will be used instead`) });

    const outcome = await resolveRecovery(store, entry!, 'recover');
    expect(outcome).toMatchObject({ project: lastSaved(), file, unsaved: false, notice: expect.stringMatching(/^The recovered changes are damaged.*not valid JSON.*last saved project/) });
    expect(await store.listRecoveries()).toEqual([]);
    expect(await fs.readdir(store.folder)).toEqual([`${entry!.key}.glowroom-recovery.damaged`]);
  });

  it('lists a recovery file with an unreadable header as damaged, and Recover then opens nothing', async () => {
    const store = new RecoveryStore(tempDir());
    await fs.writeFile(path.join(store.folder, 'untitled-1.glowroom-recovery'), 'garbage\n{}');
    const [entry] = await store.listRecoveries();
    expect(entry).toEqual({ key: 'untitled-1', damaged: true, problem: expect.stringContaining('its header is not valid JSON') });
    expect(await resolveRecovery(store, entry!, 'recover')).toEqual({ project: null, file: null, unsaved: false, notice: expect.stringContaining('last saved project will be used') });
  });

  it('recovers an untitled project, and lists newest first', async () => {
    const store = new RecoveryStore(tempDir());
    const older = recoveryKeyFor(null);
    const newer = recoveryKeyFor(null);
    expect(newer).not.toBe(older);
    await store.writeRecovery(older, lastSaved(), { originalPath: null, savedAt: new Date('2025-01-01T00:00:00Z') });
    await store.writeRecovery(newer, edited(), { originalPath: null, savedAt: new Date('2025-01-02T00:00:00Z') });
    const entries = await new RecoveryStore(store.folder).listRecoveries();
    expect(entries.map((entry) => entry.key)).toEqual([newer, older]);
    expect(await resolveRecovery(store, entries[0]!, 'recover')).toEqual({ project: edited(), file: null, unsaved: true, notice: null });
    await expect(resolveRecovery(store, entries[1]!, 'open-last-saved')).rejects.toMatchObject({ code: 'invalid-args' });
  });

  it('finds nothing when there is no recovery folder, and refuses keys that are not names', async () => {
    const store = new RecoveryStore(path.join(tempDir(), 'recovery'));
    expect(await store.listRecoveries()).toEqual([]);
    await expect(store.readRecovery('../../etc/passwd')).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(store.readRecovery('gone')).rejects.toMatchObject({ code: 'not-found' });
  });
});
