/** The audio files a project refers to, as absolute paths, and which of them are missing. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Project } from '../../../src/model/project-schema';

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
