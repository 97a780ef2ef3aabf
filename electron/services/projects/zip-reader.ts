/**
 * Reads the structure of a zip file without trusting it: the central directory is parsed with
 * every offset and length checked against the file, each entry's local header must agree with
 * its directory record, and entries' data may not overlap (the trick behind the densest zip
 * bombs). Extraction streams and stops the moment an entry inflates past its declared size.
 * What the names mean (safe paths, duplicates, limits) is for the caller: see bundle-rules.ts.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { GlowroomError } from '../../../src/std/errors';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressedSize: number;
  /** The declared uncompressed size; extraction holds the entry to it. */
  readonly size: number;
  /** Unix file type and permission bits when the archive records them, else null. */
  readonly unixMode: number | null;
  /** Where the entry's (compressed) bytes start in the zip file. */
  readonly dataStart: number;
}

const endRecordBytes = 22;
const maxCommentBytes = 0xffff;
const maxDirectoryBytes = 64 * 1024 * 1024;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The entries of the zip open as `handle` (`label` names it in messages), in directory order.
 * Refuses more than `maxEntries` entries before reading their records. Errors: `bad-format`
 * (not a zip, damaged, inconsistent), `unsupported` (zip64, split archives, encryption, methods
 * other than stored and deflate).
 */
export async function readZipEntries(handle: FileHandle, label: string, maxEntries: number): Promise<ZipEntry[]> {
  const fileSize = (await handle.stat()).size;
  const { end, position: endPosition } = await findEndRecord(handle, fileSize, label);
  const disk = end.readUInt16LE(4);
  const directoryDisk = end.readUInt16LE(6);
  const entriesHere = end.readUInt16LE(8);
  const count = end.readUInt16LE(10);
  const directorySize = end.readUInt32LE(12);
  const directoryOffset = end.readUInt32LE(16);
  if (count === 0xffff || directorySize === 0xffff_ffff || directoryOffset === 0xffff_ffff) {
    throw new GlowroomError('unsupported', `${label} is a zip64 archive (over 4 GB or 65,535 files), which Glowroom bundles never are.`);
  }
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== count) throw new GlowroomError('unsupported', `${label} is one part of a split archive; join the parts first.`);
  if (count > maxEntries) throw new GlowroomError('bad-format', `${label} holds ${count} files; a bundle may hold at most ${maxEntries}.`);
  if (directorySize > maxDirectoryBytes || directoryOffset + directorySize > endPosition) throw damaged(label, 'its table of contents lies outside the file');
  const directory = await readAt(handle, directoryOffset, directorySize);

  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw damaged(label, `table of contents record ${index + 1} is broken`);
    const madeBy = directory.readUInt16LE(at + 4) >> 8;
    const flags = directory.readUInt16LE(at + 8);
    const method = directory.readUInt16LE(at + 10);
    const crc = directory.readUInt32LE(at + 16);
    const compressedSize = directory.readUInt32LE(at + 20);
    const size = directory.readUInt32LE(at + 24);
    const nameLength = directory.readUInt16LE(at + 28);
    const recordLength = 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    const external = directory.readUInt32LE(at + 38);
    const localOffset = directory.readUInt32LE(at + 42);
    if (at + recordLength > directory.length) throw damaged(label, `table of contents record ${index + 1} is cut short`);
    const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
    const name = decodeName(nameBytes, label, index);
    if (flags & 0x0001) throw new GlowroomError('unsupported', `${label}: "${name}" is encrypted; Glowroom bundles never are.`);
    if (method !== 0 && method !== 8) throw new GlowroomError('unsupported', `${label}: "${name}" is compressed with method ${method}; Glowroom reads stored and deflated files only.`);
    if (compressedSize === 0xffff_ffff || size === 0xffff_ffff || localOffset === 0xffff_ffff) {
      throw new GlowroomError('unsupported', `${label}: "${name}" uses zip64 sizes, which Glowroom bundles never do.`);
    }
    const dataStart = await checkLocalHeader(handle, localOffset, nameBytes, label, name);
    if (dataStart + compressedSize > directoryOffset) throw damaged(label, `the data of "${name}" runs into the table of contents`);
    // Unix (3) and macOS (19) keep st_mode in the high 16 bits of the external attributes.
    const unixMode = madeBy === 3 || madeBy === 19 ? external >>> 16 : null;
    entries.push({ name, method, crc, compressedSize, size, unixMode, dataStart });
    at += recordLength;
  }
  checkNoOverlap(entries, label);
  return entries;
}

/**
 * Writes the entry's bytes to `target` (a new file: it must not exist), checking the declared
 * size as it goes and the checksum at the end. `bad-format` names the entry on any mismatch.
 */
export async function extractZipEntry(zipFile: string, entry: ZipEntry, target: string, label: string): Promise<void> {
  let written = 0;
  let crc = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.length;
      if (written > entry.size) {
        done(new GlowroomError('bad-format', `${label}: "${entry.name}" unpacks to more than the ${entry.size} bytes its header declares; the bundle is damaged or a zip bomb.`));
        return;
      }
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
  });
  const output = createWriteStream(target, { flags: 'wx' });
  if (entry.compressedSize === 0) {
    guard.end();
    await pipeline(guard, output);
  } else {
    const input = createReadStream(zipFile, { start: entry.dataStart, end: entry.dataStart + entry.compressedSize - 1 });
    const stages = entry.method === 8 ? [input, createInflateRaw(), guard, output] : [input, guard, output];
    try {
      await pipeline(stages);
    } catch (error) {
      if (error instanceof GlowroomError) throw error;
      throw damaged(label, `"${entry.name}" cannot be unpacked (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (written !== entry.size) throw damaged(label, `"${entry.name}" holds ${written} bytes, not the ${entry.size} its header declares`);
  if (crc !== entry.crc) throw damaged(label, `"${entry.name}" fails its checksum`);
}

async function findEndRecord(handle: FileHandle, fileSize: number, label: string): Promise<{ end: Buffer; position: number }> {
  const tailSize = Math.min(fileSize, endRecordBytes + maxCommentBytes);
  const tail = await readAt(handle, fileSize - tailSize, tailSize);
  // The record is followed only by its comment, so its comment length must reach the end exactly.
  for (let at = tail.length - endRecordBytes; at >= 0; at--) {
    if (tail.readUInt32LE(at) === 0x06054b50 && at + endRecordBytes + tail.readUInt16LE(at + 20) === tail.length) {
      return { end: tail.subarray(at, at + endRecordBytes), position: fileSize - tailSize + at };
    }
  }
  throw new GlowroomError('bad-format', `${label} is not a zip file (or it is cut short).`);
}

/** The offset where the entry's data starts, after checking its local header agrees. */
async function checkLocalHeader(handle: FileHandle, offset: number, nameBytes: Buffer, label: string, name: string): Promise<number> {
  const header = await readAt(handle, offset, 30 + nameBytes.length);
  if (header.length < 30 + nameBytes.length || header.readUInt32LE(0) !== 0x04034b50) throw damaged(label, `the header of "${name}" is missing`);
  if (header.readUInt16LE(26) !== nameBytes.length || !header.subarray(30).equals(nameBytes)) {
    throw new GlowroomError('bad-format', `${label}: "${name}" has a different name in its own header; the bundle has been tampered with.`);
  }
  return offset + 30 + nameBytes.length + header.readUInt16LE(28);
}

function checkNoOverlap(entries: readonly ZipEntry[], label: string): void {
  const byStart = [...entries].sort((a, b) => a.dataStart - b.dataStart);
  for (let i = 1; i < byStart.length; i++) {
    const previous = byStart[i - 1]!;
    if (byStart[i]!.dataStart < previous.dataStart + previous.compressedSize) {
      throw new GlowroomError('bad-format', `${label}: "${byStart[i]!.name}" shares its data with "${previous.name}", a zip-bomb trick; the bundle was refused.`);
    }
  }
}

function decodeName(bytes: Buffer, label: string, index: number): string {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    throw new GlowroomError('bad-format', `${label}: the name of file ${index + 1} is not UTF-8 text ("${bytes.toString('latin1')}").`);
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function damaged(label: string, what: string): GlowroomError {
  return new GlowroomError('bad-format', `${label} is damaged: ${what}.`);
}
