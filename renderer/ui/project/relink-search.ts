/** Where the missing-audio dialog looks for lost files: the library, or a folder the user names. */
import type { JobProgress, MissingSource } from '../../../src/protocol/ipc';
import { useProject } from '../../state/project-store';
import { runtime } from '../../state/runtime';
import { fileName } from '../../../src/std/file-name';
import { folderLinks, rankCandidates, type LostFile, type RelinkCandidate, type RelinkLink } from './relink-candidates';

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

/** What a folder search found to relink, and how many each way; or that it was cancelled. */
export type FolderSearchOutcome = { readonly cancelled: false; readonly links: RelinkLink[]; readonly byContent: number; readonly byName: number } | { readonly cancelled: true };

/**
 * Searches `folder` for the lost files, as a job: `onProgress` gets its `job.progress` events
 * (the job id to cancel it with `cancelFolderSearch` comes with the first) while it runs.
 */
export async function searchFolder(folder: string, lost: readonly LostFile[], onProgress: (progress: JobProgress) => void): Promise<FolderSearchOutcome> {
  const { bridge } = runtime();
  const files = lost.map((file) => (file.sha256 ? { name: file.name, sha256: file.sha256 } : { name: file.name }));
  // The first folder search to report is this one; another window's search is not followed.
  let jobId: string | null = null;
  const off = bridge.on('job.progress', (progress) => {
    if (progress.kind !== 'folder-search' || progress.state !== 'running') return;
    jobId ??= progress.jobId;
    if (progress.jobId === jobId) onProgress(progress);
  });
  try {
    const result = await bridge.call('project.findInFolder', { folder, files });
    return result.cancelled ? { cancelled: true } : { cancelled: false, ...folderLinks(lost, result.found) };
  } finally {
    off();
  }
}

/** Stops a folder search between files; it then answers cancelled and nothing is relinked. */
export async function cancelFolderSearch(jobId: string): Promise<void> {
  await runtime().bridge.call('job.cancel', { jobId });
}
