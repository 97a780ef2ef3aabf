/** The audio files a project refers to, as absolute paths, and which of them are missing. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Project } from '../../../src/model/project-schema';
import { GlowroomError } from '../../../src/std/errors';

/** Whether the user gave Glowroom `file` (absolute): the path grants (files/path-grants.ts). */
export type MayRead = (file: string) => Promise<boolean>;

/**
 * The audio files of `project` (source id → absolute path) for an operation that copies them
 * elsewhere (bundle, collect), when every one is there and given by the user; otherwise refuses,
 * listing them, in words that start with `cannot` (`Beat.glowroom cannot be bundled`) and end
 * with what to do `again` (`export again`). A project from a stranger may name any file on this
 * disk (`~/.ssh/id_rsa`): the app never plays it (audio.load asks the grants), and copying it into
 * a bundle for a collaborator or into the project's folder must not read it either.
 */
export async function copyableSourceFiles(project: Project, folder: string, mayRead: MayRead, cannot: string, again: string): Promise<Map<string, string>> {
  const files = sourceFiles(project, folder);
  const missing = await missingFiles(files.values());
  if (missing.length > 0) {
    throw new GlowroomError('not-found', `${cannot}: ${missing.length} audio file(s) are missing (${missing.join(', ')}). Relink them, then ${again}.`);
  }
  const unique = [...new Set(files.values())].sort();
  const given = await Promise.all(unique.map(mayRead));
  const ungiven = unique.filter((_, i) => !given[i]);
  if (ungiven.length > 0) {
    throw new GlowroomError('not-allowed', `${cannot}: ${ungiven.length} audio file(s) are in places you have not given Glowroom (${ungiven.join(', ')}). Import them into the library or relink them to files you choose, then ${again}.`);
  }
  return files;
}

/** Source id → absolute path, relative paths resolved against the project's `folder`. */
export function sourceFiles(project: Project, folder: string): Map<string, string> {
  return new Map(Object.entries(project.sources).map(([id, source]) => [id, path.resolve(folder, source.path)]));
}

/** The files among `files` that are not there (or are not files), sorted, each once. */
export async function missingFiles(files: Iterable<string>): Promise<string[]> {
  const unique = [...new Set(files)].sort();
  const present = await Promise.all(unique.map((file) => fs.stat(file).then((stat) => stat.isFile(), () => false)));
  return unique.filter((_, i) => !present[i]);
}

/**
 * The distinct files in an order that gives stable names: those inside `folder` first (so they
 * keep their names when copied), then the rest, each group by path.
 */
export function inNamingOrder(files: Iterable<string>, folder: string): string[] {
  const inside = (file: string) => file.startsWith(folder + path.sep);
  return [...new Set(files)].sort((a, b) => Number(inside(b)) - Number(inside(a)) || (a < b ? -1 : a > b ? 1 : 0));
}
