/** Where the missing-audio dialog looks for lost files: the library, or a folder the user names. */
import type { MissingSource } from '../../../src/protocol/ipc';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { fileName, folderLinks, rankCandidates, type LostFile, type RelinkCandidate, type RelinkLink } from './relink-candidates';

/** A missing source with the name and content hash it is looked for by. */
export function lostFile(missing: MissingSource): LostFile {
  return { sourceId: missing.sourceId, name: fileName(missing.path), sha256: useProject.getState().project.sources[missing.sourceId]?.sha256 };
}

/**
 * The library's candidates for each lost file, in order: files with its content hash first;
 * only when there are none, files with its name.
 */
export async function libraryCandidates(lost: readonly LostFile[]): Promise<RelinkCandidate[][]> {
  const bridge = runtime().bridge;
  const hashes = [...new Set(lost.flatMap((file) => (file.sha256 ? [file.sha256] : [])))];
  const { found } = hashes.length > 0 ? await bridge.call('library.findByHash', { hashes }) : { found: {} as Record<string, string[]> };
  return Promise.all(
    lost.map(async (file) => {
      const byContent = file.sha256 ? (found[file.sha256] ?? []) : [];
      return rankCandidates(byContent, byContent.length > 0 ? [] : await libraryFilesNamed(file.name));
    }),
  );
}

async function libraryFilesNamed(name: string): Promise<string[]> {
  const { rows } = await runtime().bridge.call('library.search', { text: name.replace(/\.[^.]+$/, ''), limit: 50 });
  return rows.filter((row) => row.name === name && !row.missing).map((row) => row.path);
}

/** Searches `folder` for the lost files: what to relink, and how many were found each way. */
export async function searchFolder(folder: string, lost: readonly LostFile[]): Promise<{ links: RelinkLink[]; byContent: number; byName: number }> {
  const files = lost.map((file) => (file.sha256 ? { name: file.name, sha256: file.sha256 } : { name: file.name }));
  const { found } = await runtime().bridge.call('project.findInFolder', { folder, files });
  return folderLinks(lost, found);
}
