/**
 * A bundle carries the sender's files only. A source of its project that points outside the
 * unpacked folder (an absolute path, a climb with `..`) names a file on the receiver's disk that
 * the sender has no business reading — `~/.ssh/id_rsa` — so it is pointed at a free name in the
 * bundle's `Audio/` instead: it opens as missing (to relink or remove, by the user's choice) and
 * is never read, played or packed into another bundle.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { serializeProject } from '../../../src/model/parse-project';
import { writeFileAtomic } from '../atomic-write';
import { FolderNames } from './audio-names';
import { openProject } from './project-files';

/** Rewrites the unpacked `projectFile` when some source points outside its folder; validates it either way. */
export async function confineBundleSources(projectFile: string): Promise<void> {
  const { project, folder } = await openProject(projectFile);
  const names = new FolderNames(await fs.readdir(path.join(folder, 'Audio')).catch((): string[] => []));
  const confined = new Map<string, string>();
  const sources = Object.fromEntries(
    Object.entries(project.sources).map(([id, source]) => {
      if (path.resolve(folder, source.path).startsWith(folder + path.sep)) return [id, source];
      const inside = confined.get(source.path) ?? `Audio/${names.claim(source.path.split(/[\\/]/).pop() ?? '')}`;
      confined.set(source.path, inside);
      return [id, { ...source, path: inside }];
    }),
  );
  if (confined.size > 0) await writeFileAtomic(projectFile, Buffer.from(serializeProject({ ...project, sources })));
}
