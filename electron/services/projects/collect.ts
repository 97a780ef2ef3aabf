/**
 * Collect and Save: copies every audio file the project uses into its own `Audio/` folder,
 * points the sources there and saves, so the project folder is self-contained and can be moved
 * or shared as it is. Files already under `Audio/` stay where they are; nothing in `Audio/` is
 * ever overwritten (a clash gets a new name: `kick (2).wav`).
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { GlowroomError } from '../../../src/std/errors';
import { FolderNames } from './audio-names';
import { errnoOf, syncFolder, tempPathBeside } from '../fs-helpers';
import { openProject, saveProject } from './project-files';
import { copyableSourceFiles, inNamingOrder, type MayRead } from './source-files';

export interface CollectResult {
  /** The files copied in, as paths relative to the project folder (`Audio/kick.wav`). */
  readonly copied: readonly string[];
}

/**
 * Collects the audio of `projectFile` and saves it (the previous version stays as `.bak`).
 * Copies are complete and fsynced before the project refers to them; a failure part-way leaves
 * the project file as it was (and at most some unreferenced copies in `Audio/`). Errors:
 * `not-found` listing missing audio (relink first); `not-allowed` listing audio the user has not
 * given (`mayRead`); `io`; those of open and save.
 */
export async function collectProject(projectFile: string, mayRead: MayRead): Promise<CollectResult> {
  const { project, folder } = await openProject(projectFile);
  const files = await copyableSourceFiles(project, folder, mayRead, `Cannot collect ${path.basename(projectFile)}`, 'collect again');
  const audioFolder = path.join(folder, 'Audio');
  await fs.mkdir(audioFolder, { recursive: true });
  const names = new FolderNames(await fs.readdir(audioFolder));
  const placed = new Map<string, string>(); // absolute source → path relative to the project folder
  const copied: string[] = [];
  for (const file of inNamingOrder(files.values(), folder)) {
    if (file.startsWith(audioFolder + path.sep)) {
      placed.set(file, path.relative(folder, file).split(path.sep).join('/'));
      continue;
    }
    const name = names.claim(path.basename(file));
    await copyDurably(file, path.join(audioFolder, name));
    placed.set(file, `Audio/${name}`);
    copied.push(`Audio/${name}`);
  }
  await syncFolder(audioFolder);
  await saveProject(projectFile, { ...project, sources: Object.fromEntries([...files].map(([id, file]) => [id, { ...project.sources[id], path: placed.get(file)! }])) });
  return { copied };
}

/** Copies `from` to the new file `to` so that `to` only ever appears complete and on disk. */
async function copyDurably(from: string, to: string): Promise<void> {
  const temp = tempPathBeside(to);
  try {
    await fs.copyFile(from, temp, constants.COPYFILE_EXCL);
    const handle = await fs.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, to);
  } catch (error) {
    throw new GlowroomError('io', `Could not copy ${from} into ${path.dirname(to)} (${errnoOf(error) ?? String(error)}); the project was not changed. Check the free space, then try again.`);
  } finally {
    await fs.rm(temp, { force: true });
  }
}
