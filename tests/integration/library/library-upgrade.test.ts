import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { openLibraryDatabase, pendingUpgrade } from '../../../electron/services/library/database';
import { migrations } from '../../../electron/services/library/migrations';
import type { JobProgress } from '../../../src/protocol/ipc';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

/** A library file as Glowroom at schema `version` left it. */
function oldLibrary(version: number): string {
  const file = path.join(tempDir(), 'library.sqlite3');
  openLibraryDatabase(file, migrations.slice(0, version)).close();
  return file;
}

const schemaOf = (file: string) => {
  const db = openLibraryDatabase(file);
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

// A 100,000-sample library takes seconds to upgrade: the app and the command say so, step by step.
describe('upgrading a library from an older Glowroom', () => {
  const from = migrations.length - 3;

  it('is found pending without touching the file, and not for a new, current or missing one', () => {
    const file = oldLibrary(from);
    expect(pendingUpgrade(file)).toEqual({ from, to: migrations.length });
    expect(pendingUpgrade(file)).toEqual({ from, to: migrations.length });
    expect(pendingUpgrade(oldLibrary(migrations.length))).toBeNull();
    expect(pendingUpgrade(path.join(tempDir(), 'none.sqlite3'))).toBeNull();
  });

  it('runs at app start in a worker with its progress as job events, and library calls wait for it', async () => {
    const file = oldLibrary(from);
    const dispatcher = new Dispatcher('web', { libraryPath: file, home: tempDir() });
    const events: JobProgress[] = [];
    dispatcher.onEvent((name, payload) => {
      if (name === 'job.progress' && (payload as JobProgress).kind === 'library-upgrade') events.push(payload as JobProgress);
    });
    const started = dispatcher.startBackgroundWork();
    // Asked while the upgrade runs, a search answers from the upgraded library.
    const [searched, stateWhenSearched] = await dispatcher.call('library.search', { text: '' }).then((reply) => [reply, events.at(-1)?.state] as const);
    await started;
    expect(searched.ok).toBe(true);
    expect(stateWhenSearched).toBe('finished');

    // Each step once (a step that lasts over a second is told again each second: the same event).
    const steps = new Map(events.filter((e) => e.state === 'running' && e.total !== null).map((e) => [e.done, [e.done, e.total, e.current]]));
    expect([...steps.values()]).toEqual(migrations.slice(from).map((m, i) => [i, 3, m.description]));
    expect(events.at(-1)).toMatchObject({ done: 3, total: 3 });
    expect(new Set(events.map((e) => e.jobId)).size).toBe(1);
    expect(schemaOf(file)).toBe(migrations.length);
    await dispatcher.call('library.search', { text: '' });
  });

  it('reports nothing when the library is current', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: oldLibrary(migrations.length), home: tempDir() });
    const kinds: string[] = [];
    dispatcher.onEvent((name, payload) => kinds.push(`${name} ${(payload as JobProgress).kind}`));
    await dispatcher.startBackgroundWork();
    expect(kinds.filter((k) => k.endsWith('library-upgrade'))).toEqual([]);
  });

  it('is shown step by step by the command line, then how long it took', () => {
    const file = oldLibrary(from);
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), 'search', 'kick', '--library', file], { encoding: 'utf8', cwd: repoRoot });
    expect(result.status).toBe(0);
    const lines = result.stderr.split('\n').filter((line) => line.includes('ibrary'));
    expect(lines).toEqual([
      ...migrations.slice(from).map((m, i) => `Upgrading the library for this version of Glowroom: step ${i + 1} of 3 (${m.description})…`),
      expect.stringMatching(new RegExp(`^Library upgraded \\(schema ${from} → ${migrations.length}\\) in \\d+\\.\\d s\\.$`)),
    ]);
    expect(schemaOf(file)).toBe(migrations.length);
    // Opened again, it is current: nothing to say.
    const again = spawnSync(process.execPath, [path.join(repoRoot, 'electron/cli/glowroom.mjs'), 'search', 'kick', '--library', file], { encoding: 'utf8', cwd: repoRoot });
    expect(again.stderr).not.toContain('Upgrading');
  });
});
