/**
 * Which zip entries a bundle may hold, decided from the table of contents before a single byte is
 * written: relative paths that stay inside the folder on every OS, regular files and folders only,
 * no two names that one file system would take for the same file, and bounded sizes.
 */
import { GlowroomError } from '../../../src/std/errors';
import type { ZipEntry } from './zip-reader';

export interface BundleLimits {
  readonly maxEntries: number;
  /** Declared uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Uncompressed ÷ compressed, for any entry over `ratioFloorBytes` and for all entries together over `totalRatioFloorBytes`. */
  readonly maxRatio: number;
  /** Below this an entry cannot do harm whatever its ratio (a page of zeros compresses 1000:1). */
  readonly ratioFloorBytes: number;
  /**
   * Below this all entries together cannot do harm whatever their ratio (a silent stem compresses
   * far better than 200:1); above it, many small entries that each pass (1,000 × 1 MiB of zeros
   * in a 1 MB zip) are a bomb all the same.
   */
  readonly totalRatioFloorBytes: number;
}

export const defaultBundleLimits: BundleLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 4 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  totalRatioFloorBytes: 256 * 1024 * 1024,
};

/** A checked entry: its path as segments, and whether it is a folder. */
export interface SafeEntry {
  readonly entry: ZipEntry;
  readonly segments: readonly string[];
  readonly isFolder: boolean;
}

const fileType = 0o170000;
const regularFile = 0o100000;
const folderType = 0o040000;
const symlinkType = 0o120000;
/** Names Windows reserves for devices, with any extension. */
const reservedName = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Checks every entry; throws `bad-format` naming the first offending entry and why. */
export function checkBundleEntries(entries: readonly ZipEntry[], label: string, limits: BundleLimits): SafeEntry[] {
  if (entries.length > limits.maxEntries) throw refuse(label, `it holds ${entries.length} files; a bundle may hold at most ${limits.maxEntries}`);
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  let total = 0;
  const safe = entries.map((entry) => {
    const { segments, isFolder } = checkPath(entry, label);
    checkType(entry, isFolder, label);
    checkSize(entry, isFolder, label, limits);
    total += entry.size;
    if (total > limits.maxTotalBytes) throw refuse(label, `its files unpack to more than ${formatBytes(limits.maxTotalBytes)} (at "${entry.name}")`);
    const keys = segments.map(sameFileKey);
    const key = keys.join('/');
    const clash = files.get(key) ?? (isFolder ? undefined : folders.get(key));
    if (clash !== undefined) throw refuse(label, `"${entry.name}" and "${clash}" would be the same ${isFolder || folders.has(key) ? 'path' : 'file'} on disk`);
    if (isFolder) folders.set(key, entry.name);
    else files.set(key, entry.name);
    // Every parent is a folder: a file of that name elsewhere in the zip is a clash too.
    for (let depth = 1; depth < keys.length; depth++) {
      const parent = keys.slice(0, depth).join('/');
      const file = files.get(parent);
      if (file !== undefined) throw refuse(label, `"${file}" is a file, yet "${entry.name}" puts a file inside it`);
      if (!folders.has(parent)) folders.set(parent, segments.slice(0, depth).join('/'));
    }
    return { entry, segments, isFolder };
  });
  checkTotalRatio(entries, total, label, limits);
  return safe;
}

function checkPath(entry: ZipEntry, label: string): { segments: string[]; isFolder: boolean } {
  const name = entry.name;
  const bad = (why: string) => refuse(label, `"${name}" ${why}`);
  if (name.length === 0) throw bad('has an empty name');
  if ([...name].some((char) => char < ' ' || char === '\u007f')) throw bad('has control characters in its name');
  if (name.includes('\\')) throw bad('contains a backslash, which Windows reads as a folder separator');
  if (name.startsWith('/')) throw bad('is an absolute path');
  if (/^[A-Za-z]:/.test(name)) throw bad('starts with a drive letter');
  if (name.includes(':')) throw bad('contains a colon, which Windows reads as a drive or a hidden stream');
  const isFolder = name.endsWith('/');
  const segments = (isFolder ? name.slice(0, -1) : name).split('/');
  for (const segment of segments) {
    if (segment === '..') throw bad('contains "..", which would climb out of the folder');
    if (segment === '' || segment === '.') throw bad('has an empty or "." folder in its path');
    if (reservedName.test(segment)) throw bad(`uses "${segment}", a name Windows reserves for a device`);
    if (Buffer.byteLength(segment) > 255) throw bad('has a name longer than 255 bytes');
  }
  return { segments, isFolder };
}

function checkType(entry: ZipEntry, isFolder: boolean, label: string): void {
  const type = entry.unixMode === null ? 0 : entry.unixMode & fileType;
  if (type === symlinkType) throw refuse(label, `"${entry.name}" is a symbolic link; bundles hold only files and folders`);
  if (type !== 0 && type !== regularFile && type !== folderType) throw refuse(label, `"${entry.name}" is a special file (a device, socket or pipe)`);
  if ((type === folderType) !== isFolder && type !== 0) throw refuse(label, `"${entry.name}" is marked as a ${type === folderType ? 'folder' : 'file'} but named as a ${isFolder ? 'folder' : 'file'}`);
}

function checkSize(entry: ZipEntry, isFolder: boolean, label: string, limits: BundleLimits): void {
  if (isFolder && entry.size > 0) throw refuse(label, `"${entry.name}" is a folder with content`);
  if (entry.method === 0 && entry.size !== entry.compressedSize) throw refuse(label, `"${entry.name}" is stored uncompressed, yet its two sizes differ`);
  if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio) {
    const ratio = entry.compressedSize === 0 ? '∞' : String(Math.round(entry.size / entry.compressedSize));
    throw refuse(label, `"${entry.name}" would unpack ${ratio} times larger than it is packed (at most ${limits.maxRatio} times is allowed): a zip bomb`);
  }
}

function checkTotalRatio(entries: readonly ZipEntry[], total: number, label: string, limits: BundleLimits): void {
  const packed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
  if (total > limits.totalRatioFloorBytes && total > packed * limits.maxRatio) {
    const ratio = packed === 0 ? '∞' : String(Math.round(total / packed));
    throw refuse(label, `its files would unpack to ${formatBytes(total)}, ${ratio} times more than they are packed (at most ${limits.maxRatio} times is allowed): a zip bomb`);
  }
}

/**
 * The form under which a file system may consider two names the same file: case-insensitive
 * (Windows, macOS), Unicode-normalized (macOS), trailing dots and spaces dropped (Windows).
 */
function sameFileKey(segment: string): string {
  return segment.normalize('NFC').toLowerCase().replace(/[. ]+$/, '');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${Number((bytes / 1024 ** 3).toFixed(1))} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

function refuse(label: string, why: string): GlowroomError {
  return new GlowroomError('bad-format', `${label} was not opened: ${why}. Nothing was unpacked.`);
}
