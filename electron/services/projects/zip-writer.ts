/**
 * Writes plain zip files (APPNOTE 6.3: no zip64, no encryption) as bundles need them: small
 * texts deflated, audio files stored as they are (they barely compress) and copied in chunks, so
 * a bundle of gigabytes never sits in memory. Names are UTF-8 and flagged so.
 */
import { promises as fs } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { GlowroomError } from '../../../src/std/errors';

const utf8Flag = 0x0800;
const limit32 = 0xffff_ffff;
const chunkBytes = 1 << 20;

interface Written {
  readonly name: Buffer;
  readonly method: 0 | 8;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

export class ZipWriter {
  private readonly written: Written[] = [];
  private position = 0;
  private readonly time = dosDateTime(new Date());

  /** Writes into `handle`, which must be an empty file open for writing; the caller closes it. */
  constructor(private readonly handle: fs.FileHandle) {}

  /** Adds `bytes` under `name`, deflated. */
  async addBytes(name: string, bytes: Uint8Array): Promise<void> {
    const compressed = deflateRawSync(bytes);
    const offset = this.position;
    const entry = { name: Buffer.from(name, 'utf8'), method: 8 as const, crc: crc32(bytes), compressedSize: compressed.length, size: bytes.length, offset };
    await this.write(this.localHeader(entry));
    await this.write(compressed);
    this.written.push(entry);
  }

  /** Adds the file at `source` under `name`, stored; refuses a file that changes meanwhile. */
  async addFile(name: string, source: string): Promise<void> {
    const input = await fs.open(source, 'r');
    try {
      const size = (await input.stat()).size;
      const offset = this.position;
      const entry = { name: Buffer.from(name, 'utf8'), method: 0 as const, crc: 0, compressedSize: size, size, offset };
      await this.write(this.localHeader(entry));
      let crc = 0;
      let copied = 0;
      const buffer = Buffer.alloc(chunkBytes);
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, chunkBytes, copied);
        if (bytesRead === 0) break;
        const chunk = buffer.subarray(0, bytesRead);
        crc = crc32(chunk, crc);
        copied += bytesRead;
        await this.write(chunk);
      }
      if (copied !== size) throw new GlowroomError('io', `${source} changed while it was being bundled; try again.`);
      // The checksum is known only now: patch it into the local header written above.
      const crcBytes = Buffer.alloc(4);
      crcBytes.writeUInt32LE(crc);
      await this.handle.write(crcBytes, 0, 4, offset + 14);
      this.written.push({ ...entry, crc });
    } finally {
      await input.close();
    }
  }

  /** Writes the central directory; the zip is complete once this resolves. */
  async finish(): Promise<void> {
    if (this.written.length > 0xffff) throw new GlowroomError('unsupported', `A bundle holds at most 65,535 files; this one would hold ${this.written.length}.`);
    const start = this.position;
    for (const entry of this.written) await this.write(this.centralHeader(entry));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.position - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }

  private localHeader(entry: Written): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(utf8Flag, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt32LE(this.time, 10);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.compressedSize, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    return Buffer.concat([header, entry.name]);
  }

  private centralHeader(entry: Written): Buffer {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | 20, 4); // made on Unix, so readers trust the mode below
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(utf8Flag, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(this.time, 12);
    header.writeUInt32LE(entry.crc, 16);
    header.writeUInt32LE(entry.compressedSize, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    header.writeUInt32LE(entry.offset, 42);
    return Buffer.concat([header, entry.name]);
  }

  /** Every offset and size lives in 32 bits without zip64: past 4 GB the zip cannot be written. */
  private async write(bytes: Uint8Array): Promise<void> {
    if (this.position + bytes.length >= limit32) {
      throw new GlowroomError('unsupported', 'A bundle can hold at most 4 GB. Use Collect and Save instead, and share the project folder.');
    }
    await this.handle.write(bytes, 0, bytes.length, this.position);
    this.position += bytes.length;
  }
}

/** MS-DOS time (low 16 bits) and date (high 16 bits), local time, as zip stores them. */
function dosDateTime(date: Date): number {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return ((day << 16) | time) >>> 0;
}
