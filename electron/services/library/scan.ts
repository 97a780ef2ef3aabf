import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAudioFileName } from '../audio-extensions';

/** An audio file found under an imported folder, with its place in the pack. */
export interface ScannedFile {
  /** Absolute. */
  readonly path: string;
  /** The imported folder's name (for a single imported file: its folder's name). */
  readonly pack: string;
  /** Path inside the pack, '/'-separated: `Drums/Kicks/bd_boom.flac`. */
  readonly relativePath: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface ScanFailure {
  readonly path: string;
  readonly reason: string;
}

/**
 * Finds the audio files (by extension) under each root, recursively, in name order. Other files
 * are ignored; unreadable folders, vanished files and missing roots become failures and the scan
 * goes on. Symbolic links are followed once: a folder reached twice (a link loop) is skipped.
 * Stops early, returning what it found, when `signal` aborts.
 */
export async function scanRoots(roots: readonly string[], failed: ScanFailure[], signal?: AbortSignal): Promise<ScannedFile[]> {
  const found: ScannedFile[] = [];
  const visited = new Set<string>();
  for (const root of roots.map((r) => path.resolve(r))) {
    let stat;
    try {
      stat = await fs.stat(root);
    } catch {
      failed.push({ path: root, reason: 'No such file or folder: check the path, or reconnect the drive it is on.' });
      continue;
    }
    if (stat.isFile()) {
      if (isAudioFileName(root)) found.push({ path: root, pack: path.basename(path.dirname(root)), relativePath: path.basename(root), size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) });
      else failed.push({ path: root, reason: 'Not an audio file (WAV, AIFF, FLAC, MP3 or Ogg expected).' });
      continue;
    }
    const pending = [root];
    while (pending.length > 0 && !signal?.aborted) {
      const dir = pending.shift() as string;
      const real = await fs.realpath(dir).catch(() => dir);
      if (visited.has(real)) continue;
      visited.add(real);
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (error) {
        failed.push({ path: dir, reason: `Cannot read this folder (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.` });
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subfolders: string[] = [];
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink()) continue;
        let info;
        try {
          // stat follows links, so a linked folder is walked like a real one.
          info = entry.isDirectory() ? null : await fs.stat(full);
        } catch {
          failed.push({ path: full, reason: 'Vanished during the scan, or a link to nothing.' });
          continue;
        }
        if (info === null || info.isDirectory()) subfolders.push(full);
        else if (info.isFile() && isAudioFileName(entry.name)) {
          const relativePath = path.relative(root, full).split(path.sep).join('/');
          found.push({ path: full, pack: path.basename(root), relativePath, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
        }
      }
      pending.unshift(...subfolders);
    }
  }
  return found;
}
