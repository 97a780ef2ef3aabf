import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupPathOf, openProject, saveProject } from '../../../electron/services/projects/project-files';
import type { Project } from '../../../src/model/project-schema';
import { tempDir } from '../../support/temp-dir';
import { exampleDoc, richProject } from '../../unit/model/fixtures';
import { makeReadOnly } from './support/read-only';

function named(name: string): Project {
  return { ...richProject(), name };
}

async function strayTempFiles(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));
}

describe('saveProject and openProject', () => {
  it('round-trips every field, and opening gives the folder that relative paths resolve against', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Nuit.glowroom');
    await saveProject(file, richProject());
    const opened = await openProject(file);
    expect(opened.project).toEqual(richProject());
    expect(opened.folder).toBe(dir);
    await expect(fs.access(backupPathOf(file))).rejects.toThrow();
    expect(await strayTempFiles(dir)).toEqual([]);
  });

  it('keeps the version each save replaces as <name>.glowroom.bak', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Nuit.glowroom');
    await saveProject(file, named('one'));
    await saveProject(file, named('two'));
    expect(backupPathOf(file)).toBe(`${file}.bak`);
    expect((await openProject(file)).project.name).toBe('two');
    expect((await openProject(backupPathOf(file))).project.name).toBe('one');
    await saveProject(file, named('three'));
    expect((await openProject(file)).project.name).toBe('three');
    expect((await openProject(backupPathOf(file))).project.name).toBe('two');
    expect(await strayTempFiles(dir)).toEqual([]);
  });

  it('saves through a symlink into the real file, keeping the link', async () => {
    const dir = tempDir();
    const real = path.join(dir, 'real.glowroom');
    const link = path.join(dir, 'link.glowroom');
    await saveProject(real, named('one'));
    await fs.symlink(real, link);
    await saveProject(link, named('two'));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await openProject(real)).project.name).toBe('two');
    expect((await openProject(backupPathOf(real))).project.name).toBe('one');
  });

  it('in a read-only folder, fails with a message that the old file is intact, and leaves it so', async (context) => {
    const dir = tempDir();
    const file = path.join(dir, 'Nuit.glowroom');
    await saveProject(file, named('one'));
    const before = await fs.readFile(file, 'utf8');
    const undo = makeReadOnly(dir);
    if (!undo) return context.skip('this machine cannot make a folder read-only for the current user');
    try {
      await expect(saveProject(file, named('two'))).rejects.toMatchObject({
        name: 'GlowroomError',
        code: 'io',
        message: expect.stringMatching(/read-only\). Nuit\.glowroom on disk is unchanged \(your last save\).*Use Save As/),
      });
    } finally {
      undo();
    }
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(await fs.readdir(dir)).toEqual(['Nuit.glowroom']);
  });

  it('when a later step fails (the .bak cannot be replaced), keeps the old file and cleans up', async () => {
    // A folder where the .bak goes makes the rename in step 3 fail after the new text is
    // written — the latest point where a save can fail — whoever runs the tests, root included.
    const dir = tempDir();
    const file = path.join(dir, 'Nuit.glowroom');
    await saveProject(file, named('one'));
    await fs.mkdir(path.join(backupPathOf(file), 'blocker'), { recursive: true });
    await expect(saveProject(file, named('two'))).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('Nuit.glowroom on disk is unchanged') });
    expect((await openProject(file)).project.name).toBe('one');
    expect(await strayTempFiles(dir)).toEqual([]);
  });

  it('refuses to save over a folder, and into a folder that is gone', async () => {
    const dir = tempDir();
    await fs.mkdir(path.join(dir, 'Taken.glowroom'));
    await expect(saveProject(path.join(dir, 'Taken.glowroom'), richProject())).rejects.toMatchObject({ code: 'wrong-kind' });
    await expect(saveProject(path.join(dir, 'gone', 'Nuit.glowroom'), richProject())).rejects.toMatchObject({
      code: 'io',
      message: expect.stringMatching(/no longer exists.*Nothing was written/),
    });
  });

  it('refuses an invalid document before touching the disk', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Nuit.glowroom');
    await saveProject(file, named('one'));
    await expect(saveProject(file, { ...richProject(), tempo: -1 })).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('tempo') });
    expect((await openProject(file)).project.name).toBe('one');
    expect(await fs.readdir(dir)).toEqual(['Nuit.glowroom']);
  });
});

describe('openProject: what goes wrong, and where', () => {
  async function write(name: string, text: string): Promise<string> {
    const file = path.join(tempDir(), name);
    await fs.writeFile(file, text);
    return file;
  }

  it('a missing file, and a folder', async () => {
    const dir = tempDir();
    await expect(openProject(path.join(dir, 'Gone.glowroom'))).rejects.toMatchObject({
      code: 'not-found',
      message: `Gone.glowroom was not found in ${dir}. It may have been moved, renamed or deleted; choose it again with Open.`,
    });
    await expect(openProject(dir)).rejects.toMatchObject({ code: 'wrong-kind' });
  });

  it('not JSON: the line and column', async () => {
    const file = await write('Bad.glowroom', '{\n  "format": "glowroom",\n  "version": 1,,\n}');
    await expect(openProject(file)).rejects.toMatchObject({ code: 'bad-format', message: expect.stringMatching(/^Bad\.glowroom is not valid JSON \(line 3, column 16\): Expected a property name/) });
  });

  it('truncated and empty files', async () => {
    const text = JSON.stringify(exampleDoc(), null, 2);
    await expect(openProject(await write('Cut.glowroom', text.slice(0, text.length / 2)))).rejects.toMatchObject({ code: 'bad-format', message: expect.stringContaining('is not valid JSON') });
    await expect(openProject(await write('Empty.glowroom', ''))).rejects.toMatchObject({ code: 'bad-format', message: expect.stringContaining('is empty') });
  });

  it('wrong types: the JSON path of the field', async () => {
    const doc = exampleDoc() as { tracks: { clips: { length: unknown }[] }[] };
    doc.tracks[0]!.clips[0]!.length = 'four';
    await expect(openProject(await write('Typo.glowroom', JSON.stringify(doc)))).rejects.toMatchObject({ code: 'bad-format', message: expect.stringContaining('tracks[0].clips[0].length') });
  });

  it('a file from a newer Glowroom', async () => {
    const file = await write('Future.glowroom', JSON.stringify({ ...exampleDoc(), version: 99 }));
    await expect(openProject(file)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('Update Glowroom') });
  });

  it('a damaged file with a .bak beside it points to the .bak', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Nuit.glowroom');
    await saveProject(file, named('one'));
    await saveProject(file, named('two'));
    await fs.writeFile(file, '{"format": "glowroom", "vers');
    await expect(openProject(file)).rejects.toMatchObject({ code: 'bad-format', message: expect.stringContaining('The previous save is kept as Nuit.glowroom.bak: open that file instead') });
  });
});
