import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectProject } from '../../../electron/services/projects/collect';
import { backupPathOf, openProject, saveProject } from '../../../electron/services/projects/project-files';
import { createTrack } from '../../../src/model/new-track';
import { currentProjectVersion, type Project } from '../../../src/model/project-schema';
import type { MayRead } from '../../../electron/services/projects/source-files';
import { tempDir } from '../../support/temp-dir';

/** These tests are about what collecting copies; which files a user has given is path-grants.test's. */
const everyFileGiven: MayRead = () => Promise.resolve(true);

function projectWith(sources: Record<string, string>): Project {
  const ids = Object.keys(sources);
  return {
    format: 'glowroom',
    version: currentProjectVersion,
    name: 'Nuit',
    tempo: 120,
    timeSignature: [4, 4],
    sampleRate: 48_000,
    sources: Object.fromEntries(ids.map((id) => [id, { path: sources[id]! }])),
    tracks: [
      {
        ...createTrack('t1', 'All', 0),
        clips: ids.map((id, i) => ({ kind: 'audio', id: `c${i}`, name: '', source: id, start: i, length: 1, offset: 0, gainDb: 0, fadeIn: 0, fadeOut: 0, loop: false, reverse: false, rate: 1, mute: false, transpose: 0, detune: 0 })),
      },
    ],
    buses: [], markers: [],
    master: { gainDb: 0, pan: 0, inserts: [] }, automation: [], tempoChanges: [], meterChanges: [], swing: 50, patterns: {}, key: null,
  };
}

async function audioFile(file: string): Promise<Buffer> {
  const data = randomBytes(4_000);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
  return data;
}

describe('collectProject', () => {
  it('copies outside audio into Audio/, keeps what is there, rewrites the paths and saves', async () => {
    const root = tempDir();
    const folder = path.join(root, 'Nuit');
    const file = path.join(folder, 'Nuit.glowroom');
    const farFile = path.join(tempDir(), 'loop.flac');
    const data = {
      inside: await audioFile(path.join(folder, 'Audio', 'Drums', 'kick.wav')),
      shared: await audioFile(path.join(root, 'Shared', 'kick.wav')),
      far: await audioFile(farFile),
      unrelated: await audioFile(path.join(folder, 'Audio', 'loop.flac')),
    };
    const unhashed = projectWith({ kick: 'Audio/Drums/kick.wav', shared: '../Shared/kick.wav', sharedAgain: path.join(root, 'Shared', 'kick.wav'), far: farFile });
    const before = { ...unhashed, sources: { ...unhashed.sources, far: { path: farFile, sha256: 'f'.repeat(64) } } };
    await saveProject(file, before);

    expect([...(await collectProject(file, everyFileGiven)).copied].sort()).toEqual(['Audio/kick.wav', 'Audio/loop (2).flac']);
    const { project } = await openProject(file);
    expect(project.sources).toEqual({
      kick: { path: 'Audio/Drums/kick.wav' },
      shared: { path: 'Audio/kick.wav' },
      sharedAgain: { path: 'Audio/kick.wav' },
      far: { path: 'Audio/loop (2).flac', sha256: 'f'.repeat(64) },
    });
    expect(project.tracks).toEqual(before.tracks);
    const read = (relative: string) => fs.readFile(path.join(folder, relative));
    expect(await read('Audio/Drums/kick.wav')).toEqual(data.inside);
    expect(await read('Audio/kick.wav')).toEqual(data.shared);
    expect(await read('Audio/loop (2).flac')).toEqual(data.far);
    // Nothing in Audio/ was overwritten, the originals stay, and the .bak is the project before.
    expect(await read('Audio/loop.flac')).toEqual(data.unrelated);
    expect(await fs.readFile(farFile)).toEqual(data.far);
    expect((await openProject(backupPathOf(file))).project).toEqual(before);
    expect((await fs.readdir(path.join(folder, 'Audio'))).sort()).toEqual(['Drums', 'kick.wav', 'loop (2).flac', 'loop.flac']);

    // The folder is now self-contained: moved elsewhere, every source is still there.
    const moved = path.join(tempDir(), 'Moved');
    await fs.rename(folder, moved);
    const again = await openProject(path.join(moved, 'Nuit.glowroom'));
    for (const source of Object.values(again.project.sources)) await expect(fs.access(path.join(moved, source.path))).resolves.toBeUndefined();
    expect(await collectProject(path.join(moved, 'Nuit.glowroom'), everyFileGiven)).toEqual({ copied: [] });
  });

  it('refuses while audio is missing, naming it, and changes nothing', async () => {
    const root = tempDir();
    const file = path.join(root, 'Nuit.glowroom');
    await audioFile(path.join(root, 'elsewhere', 'here.wav'));
    await saveProject(file, projectWith({ here: 'elsewhere/here.wav', gone: 'elsewhere/gone.wav' }));
    await expect(collectProject(file, everyFileGiven)).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining(path.join(root, 'elsewhere', 'gone.wav')) });
    expect((await fs.readdir(root)).sort()).toEqual(['Nuit.glowroom', 'elsewhere']);
  });
});
