import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import type { FolderEntry, FolderListing } from '../../../src/protocol/files';
import { GlowroomError } from '../../../src/std/errors';
import { fitsFilter, type PurposeSpec } from './file-purposes';

/** A listing stops here; a folder this full is better reached by typing its path. */
const maxEntries = 5000;

/**
 * One folder as a file dialog shows it: its folders, then the files that fit the purpose (none
 * when choosing a folder), each sorted by name as people sort (2 before 10); hidden entries (dot
 * names) left out, as desktop dialogs do. Links are followed to see what they point at. Listing
 * reads names and sizes only, never a file's content.
 */
export async function listFolder(folder: string, spec: PurposeSpec): Promise<FolderListing> {
  const absolute = path.resolve(folder);
  let dirents: Dirent[];
  try {
    dirents = await fs.readdir(absolute, { withFileTypes: true });
  } catch (error) {
    throw unreadable(absolute, error);
  }
  const entries: FolderEntry[] = [];
  for (const dirent of dirents) {
    if (dirent.name.startsWith('.')) continue;
    const entry = await describe(absolute, dirent, spec);
    if (entry) entries.push(entry);
  }
  const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  entries.sort((a, b) => (a.kind === b.kind ? byName.compare(a.name, b.name) : a.kind === 'folder' ? -1 : 1));
  const parent = path.dirname(absolute);
  return { folder: absolute, parent: parent === absolute ? null : parent, entries: entries.slice(0, maxEntries), leftOut: Math.max(0, entries.length - maxEntries) };
}

async function describe(folder: string, dirent: Dirent, spec: PurposeSpec): Promise<FolderEntry | null> {
  const full = path.join(folder, dirent.name);
  let isFolder = dirent.isDirectory();
  let isFile = dirent.isFile();
  let stat: { size: number; mtimeMs: number } | null = null;
  if (dirent.isSymbolicLink() || isFile) {
    try {
      const s = await fs.stat(full);
      stat = s;
      isFolder = s.isDirectory();
      isFile = s.isFile();
    } catch {
      return null; // A broken link or a file gone meanwhile: nothing to pick.
    }
  }
  if (isFolder) return { name: dirent.name, path: full, kind: 'folder', size: null, modified: null };
  if (!isFile || spec.kind === 'folder' || !fitsFilter(spec, dirent.name)) return null;
  return { name: dirent.name, path: full, kind: 'file', size: stat?.size ?? null, modified: stat ? Math.round(stat.mtimeMs) : null };
}

function unreadable(folder: string, error: unknown): GlowroomError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new GlowroomError('not-found', `There is no folder ${folder}. Check the path, or go up a level.`);
  if (code === 'ENOTDIR') return new GlowroomError('wrong-kind', `${folder} is a file, not a folder.`);
  if (code === 'EACCES' || code === 'EPERM') return new GlowroomError('io', `You have no permission to look inside ${folder}. Choose another folder.`);
  return new GlowroomError('io', `Could not list ${folder} (${code ?? 'error'}). Choose another folder.`);
}
