/**
 * A zip builder for tests that writes whatever it is told — lying sizes, symlinks, `..` names —
 * to make hostile bundles. Written apart from the app's ZipWriter so each checks the other.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  readonly name: string;
  /** The uncompressed content (default empty). */
  readonly data?: Uint8Array;
  /** 8 (default) deflates `data`; 0 stores it. */
  readonly method?: 0 | 8;
  /** Overrides the declared uncompressed size. */
  readonly size?: number;
  /** Overrides the declared checksum. */
  readonly crc?: number;
  /** Unix st_mode, recorded as made on Unix; default a regular file. */
  readonly mode?: number;
  /** `data` already deflated, so a bomb of a thousand equal entries deflates once. */
  readonly packed?: Uint8Array;
}

export interface RawRecord {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly mode: number;
  readonly offset: number;
}

export function localHeader(record: Omit<RawRecord, 'offset' | 'mode'>): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6);
  header.writeUInt16LE(record.method, 8);
  header.writeUInt32LE(record.crc >>> 0, 14);
  header.writeUInt32LE(record.compressedSize, 18);
  header.writeUInt32LE(record.size, 22);
  header.writeUInt16LE(record.name.length, 26);
  return Buffer.concat([header, record.name]);
}

export function centralRecord(record: RawRecord): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE((3 << 8) | 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x0800, 8);
  header.writeUInt16LE(record.method, 10);
  header.writeUInt32LE(record.crc >>> 0, 16);
  header.writeUInt32LE(record.compressedSize, 20);
  header.writeUInt32LE(record.size, 24);
  header.writeUInt16LE(record.name.length, 28);
  header.writeUInt32LE((record.mode << 16) >>> 0, 38);
  header.writeUInt32LE(record.offset, 42);
  return Buffer.concat([header, record.name]);
}

export function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

export function buildZip(entries: readonly RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const records: RawRecord[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = Buffer.from(entry.data ?? new Uint8Array());
    const method = entry.method ?? 8;
    const packed = method === 8 ? Buffer.from(entry.packed ?? deflateRawSync(data)) : data;
    const record = {
      name: Buffer.from(entry.name, 'utf8'),
      method,
      crc: entry.crc ?? crc32(data),
      compressedSize: packed.length,
      size: entry.size ?? data.length,
      mode: entry.mode ?? 0o100644,
      offset,
    };
    const header = localHeader(record);
    parts.push(header, packed);
    records.push(record);
    offset += header.length + packed.length;
  }
  const directory = Buffer.concat(records.map(centralRecord));
  return Buffer.concat([...parts, directory, endRecord(records.length, directory.length, offset)]);
}
