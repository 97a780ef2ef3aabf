import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { addSourceClip } from '../../../src/model/edits/source-edits';
import { createEmptyProject } from '../../../src/model/new-project';
import type { Project } from '../../../src/model/project-schema';
import type { FoundFile, LoadedAudio, Reply } from '../../../src/protocol/ipc';
import { Dispatcher } from '../../../electron/services/dispatcher';
import { tempDir } from '../../support/temp-dir';

function valueOf<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** A short mono tone at `hz`: different frequencies make files with different bytes. */
function toneWav(file: string, hz: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tone = Float32Array.from({ length: 4800 }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / 48_000));
  writeFileSync(file, encodeWav({ sampleRate: 48_000, channels: [tone] }, { bitDepth: 16 }));
}

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * A saved project whose one source was added through `audio.load` (so it carries the file's hash),
 * after which the file is moved into a sample folder under a new name, beside a different file
 * that has its old name.
 */
async function projectWhoseAudioMovedAndWasRenamed() {
  const home = tempDir();
  const dispatcher = new Dispatcher('web', { home, libraryPath: path.join(home, 'library.sqlite3') });
  const original = path.join(home, 'Session', 'vox.wav');
  toneWav(original, 440);
  const loaded = valueOf<LoadedAudio>(await dispatcher.call('audio.load', { path: original }));
  const project = addSourceClip(createEmptyProject('Moved'), { path: loaded.path, name: loaded.name, durationSeconds: 0.1, sha256: loaded.sha256 }, 0, null).project;
  const projectFile = path.join(home, 'Moved', 'Moved.glowroom');
  mkdirSync(path.dirname(projectFile), { recursive: true });
  valueOf(await dispatcher.call('project.save', { path: projectFile, project }));
  const samples = path.join(home, 'Samples');
  const moved = path.join(samples, 'Vocals', 'vox take 3 (final).wav');
  const decoy = path.join(samples, 'Old', 'vox.wav');
  mkdirSync(path.dirname(moved), { recursive: true });
  renameSync(original, moved);
  toneWav(decoy, 660);
  return { dispatcher, projectFile, loaded, samples, moved, decoy };
}

describe('relinking moved audio by its content hash', () => {
  it('audio.load reports the SHA-256 of the file bytes, and a saved source keeps it', async () => {
    const { loaded, moved, projectFile } = await projectWhoseAudioMovedAndWasRenamed();
    expect(loaded.sha256).toBe(sha256Of(moved));
    const saved = JSON.parse(readFileSync(projectFile, 'utf8')) as Project;
    expect(saved.sources['s1']?.sha256).toBe(loaded.sha256);
  });

  it('finds a moved and renamed file in the library by hash, where a name search finds only the decoy', async () => {
    const { dispatcher, projectFile, samples, moved, decoy } = await projectWhoseAudioMovedAndWasRenamed();
    valueOf(await dispatcher.call('library.import', { paths: [samples] }));
    const opened = valueOf<{ project: Project; missing: { sourceId: string }[] }>(await dispatcher.call('project.open', { path: projectFile }));
    expect(opened.missing.map((m) => m.sourceId)).toEqual(['s1']);
    const hash = opened.project.sources['s1']?.sha256 ?? '';
    const byHash = valueOf<{ found: Record<string, string[]> }>(await dispatcher.call('library.findByHash', { hashes: [hash, 'f'.repeat(64)] }));
    expect(byHash.found).toEqual({ [hash]: [moved] });
    const byName = valueOf<{ rows: { path: string; name: string }[] }>(await dispatcher.call('library.search', { text: 'vox' }));
    expect(byName.rows.filter((row) => row.name === 'vox.wav').map((row) => row.path)).toEqual([decoy]);

    // A file gone since the last import is not offered, though the library has not marked it missing yet.
    rmSync(moved);
    expect(valueOf<{ found: Record<string, string[]> }>(await dispatcher.call('library.findByHash', { hashes: [hash] })).found).toEqual({});
  });

  it('finds it under a folder by hash first, and by name for a source without a hash', async () => {
    const { dispatcher, loaded, samples, moved, decoy } = await projectWhoseAudioMovedAndWasRenamed();
    const { found } = valueOf<{ found: FoundFile[] }>(
      await dispatcher.call('project.findInFolder', { folder: samples, files: [{ name: 'vox.wav', sha256: loaded.sha256 }, { name: 'vox.wav' }, { name: 'gone.wav', sha256: 'e'.repeat(64) }] }),
    );
    expect(found).toEqual([
      { byContent: moved, byName: decoy },
      { byContent: null, byName: decoy },
      { byContent: null, byName: null },
    ]);
  });

  it('says which folder it could not search', async () => {
    const { dispatcher } = await projectWhoseAudioMovedAndWasRenamed();
    // A folder the user picked and then removed.
    await dispatcher.grant({ path: '/no/such/folder', scope: 'tree' });
    const reply = await dispatcher.call('project.findInFolder', { folder: '/no/such/folder', files: [{ name: 'vox.wav' }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('Cannot search /no/such/folder: No such file or folder') } });
  });

  it('refuses a hash that is not 64 lowercase hex digits before looking', async () => {
    const { dispatcher } = await projectWhoseAudioMovedAndWasRenamed();
    expect(await dispatcher.call('library.findByHash', { hashes: ['ABC'] })).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringContaining('SHA-256') } });
  });
});
