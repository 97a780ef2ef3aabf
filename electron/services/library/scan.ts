import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAudioFileName } from '../audio-extensions';
import { isZipPath } from './zip-packs';

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

/**
 * A folder (or file) to scan, with the folder its files' pack and relative paths are measured
 * from: a watched pack re-scans one changed subfolder yet keeps each file's place in the pack.
 */
export interface ScanRoot {
  readonly path: string;
  /** The pack's top folder, `path` or one of its ancestors; default `path`. */
  readonly base?: string;
  /** The pack name; default the base folder's name (for a single file: its folder's name). */
  readonly pack?: string;
}

export interface ScanFailure {
  readonly path: string;
  readonly reason: string;
}

export interface ScanResult {
  readonly files: ScannedFile[];
  /** `.zip` files found inside the folders (absolute; project bundles left out): packs of their own, for the caller to unpack. */
  readonly zips: string[];
}

/**
 * Finds the audio files (by extension) under each root, recursively, in name order, and the
 * `.zip` files among them. Other files are ignored; unreadable folders, vanished files and missing
 * roots become failures and the scan goes on. Symbolic links are followed once: a folder reached
 * twice (a link loop) is skipped. Stops early, returning what it found, when `signal` aborts.
 */
export async function scanRoots(roots: readonly (string | ScanRoot)[], failed: ScanFailure[], signal?: AbortSignal): Promise<ScanResult> {
  const found: ScannedFile[] = [];
  const zips: string[] = [];
  const visited = new Set<string>();
  for (const given of roots) {
    const root = path.resolve(typeof given === 'string' ? given : given.path);
    const base = typeof given === 'string' || given.base === undefined ? root : path.resolve(given.base);
    const named = typeof given === 'string' ? undefined : given.pack;
    let stat;
    try {
      stat = await fs.stat(root);
    } catch {
      failed.push({ path: root, reason: 'No such file or folder: check the path, or reconnect the drive it is on.' });
      continue;
    }
    if (stat.isFile()) {
      if (isAudioFileName(root)) {
        const top = base === root ? path.dirname(root) : base;
        const relativePath = path.relative(top, root).split(path.sep).join('/');
        found.push({ path: root, pack: named ?? path.basename(top), relativePath, size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs) });
      }
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
          const relativePath = path.relative(base, full).split(path.sep).join('/');
          found.push({ path: full, pack: named ?? path.basename(base), relativePath, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) });
        } else if (info.isFile() && isPackZipName(entry.name)) zips.push(full);
      }
      pending.unshift(...subfolders);
    }
  }
  return { files: found, zips };
}

/** A zip in a sample folder is a pack, unless it is a project bundle (`.glowroom.zip`). */
function isPackZipName(name: string): boolean {
  return isZipPath(name) && !name.toLowerCase().endsWith('.glowroom.zip');
}
