import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FolderSearchResult, JobProgress, Reply } from '../../../src/protocol/ipc';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { tempDir } from '../../support/temp-dir';

function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

const sha256Of = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

/** A sample folder of `count` small audio-named files with different bytes: `hit_000.wav` holds "hit 0". */
function sampleFolder(count: number): string {
  const folder = path.join(tempDir(), 'Samples');
  for (let i = 0; i < count; i++) {
    const file = path.join(folder, `Kit ${i % 4}`, `hit_${String(i).padStart(3, '0')}.wav`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `hit ${i}`);
  }
  return folder;
}

/**
 * A 16 GiB sparse file: no disk used, but about a minute to hash. A search that reaches it
 * would time the test out.
 */
function slowToHash(file: string): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, 16 * 2 ** 30);
  closeSync(fd);
}

function progressOf(dispatcher: Dispatcher): JobProgress[] {
  const events: JobProgress[] = [];
  dispatcher.onEvent((name, payload) => {
    if (name === 'job.progress') events.push(payload as JobProgress);
  });
  return events;
}

describe('searching a folder for moved audio is a job', () => {
  it('reports files done of the total while it walks and hashes, and ends finished', async () => {
    const folder = sampleFolder(40);
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    await dispatcher.grant({ path: folder, scope: 'tree' });
    const events = progressOf(dispatcher);
    const result = valueOf<FolderSearchResult>(
      await dispatcher.call('project.findInFolder', { folder, files: [{ name: 'lost.wav', sha256: sha256Of('not under the folder') }] }),
    );
    expect(result).toEqual({ jobId: expect.any(String), cancelled: false, found: [{ byContent: null, byName: null }] });
    expect(events.every((e) => e.kind === 'folder-search' && e.jobId === result.jobId)).toBe(true);
    expect(events[0]).toMatchObject({ state: 'running', done: 0, total: null });
    const hashing = events.filter((e) => e.state === 'running' && e.current !== null);
    expect(hashing[0]).toMatchObject({ done: 1, total: 40 });
    expect(hashing.every((e, i) => e.done <= e.total! && (i === 0 || e.done > hashing[i - 1]!.done))).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'finished', done: 40, total: 40, current: null });
  });

  it('stops hashing once every missing file was found by content', async () => {
    const folder = sampleFolder(8);
    slowToHash(path.join(folder, 'Kit 3', 'zz_huge_take.wav'));
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    await dispatcher.grant({ path: folder, scope: 'tree' });
    const events = progressOf(dispatcher);
    const result = valueOf<FolderSearchResult>(
      await dispatcher.call('project.findInFolder', { folder, files: [{ name: 'renamed.wav', sha256: sha256Of('hit 5') }, { name: 'hit_002.wav', sha256: sha256Of('hit 2') }] }),
    );
    expect(result).toMatchObject({
      cancelled: false,
      found: [
        { byContent: path.join(folder, 'Kit 1', 'hit_005.wav'), byName: null },
        { byContent: path.join(folder, 'Kit 2', 'hit_002.wav'), byName: path.join(folder, 'Kit 2', 'hit_002.wav') },
      ],
    });
    expect(events.at(-1)).toMatchObject({ state: 'finished', done: 9, total: 9 });
  });

  it('is cancelled midway through many files: it answers cancelled, with nothing found, and says so in its last event', async () => {
    const folder = sampleFolder(400);
    slowToHash(path.join(folder, 'Kit 3', 'zz_huge_take.wav'));
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    await dispatcher.grant({ path: folder, scope: 'tree' });
    const events = progressOf(dispatcher);
    const cancels: Promise<Reply<unknown>>[] = [];
    dispatcher.onEvent((name, payload) => {
      const progress = payload as JobProgress;
      // From a timer, as a window's Cancel click arrives: the search must let the event loop run.
      // On the first file hashed, which always reports (later reports are at most every 100 ms, so
      // under load none may come before the 16 GiB file; its hash is cancelled mid-file).
      if (name === 'job.progress' && progress.current !== null && cancels.length === 0) {
        cancels.push(new Promise((resolve) => setTimeout(() => resolve(dispatcher.call('job.cancel', { jobId: progress.jobId })), 0)));
      }
    });
    const result = valueOf<FolderSearchResult>(await dispatcher.call('project.findInFolder', { folder, files: [{ name: 'lost.wav', sha256: sha256Of('not under the folder') }] }));
    expect((await Promise.all(cancels)).map((reply) => valueOf(reply))).toEqual([{ cancelled: true }]);
    expect(result).toEqual({ jobId: expect.any(String), cancelled: true });
    const last = events.at(-1);
    expect(last).toMatchObject({ jobId: result.jobId, kind: 'folder-search', state: 'cancelled', total: 401 });
    expect(last!.done).toBeGreaterThanOrEqual(1);
    expect(last!.done).toBeLessThan(401);
    // The job is over: there is nothing left to cancel.
    expect(valueOf(await dispatcher.call('job.cancel', { jobId: result.jobId }))).toEqual({ cancelled: false });
  });

  it('ends failed, saying which folder, when the folder is not there', async () => {
    const dispatcher = new Dispatcher('web', { libraryPath: ':memory:', home: tempDir() });
    // A folder the user picked and then removed.
    await dispatcher.grant({ path: '/no/such/folder', scope: 'tree' });
    const events = progressOf(dispatcher);
    const reply = await dispatcher.call('project.findInFolder', { folder: '/no/such/folder', files: [{ name: 'vox.wav' }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('Cannot search /no/such/folder') } });
    expect(events.at(-1)).toMatchObject({ kind: 'folder-search', state: 'failed' });
  });
});
