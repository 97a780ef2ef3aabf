import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../../src/codecs/decode';
import type { LoadedAudio } from '../../src/protocol/ipc';
import { GlowroomError } from '../../src/std/errors';
import { isAudioFileName } from './audio-extensions';
import { writeFileAtomic } from './atomic-write';
import { sha256Hex } from './content-hash';
import { dataDir } from './data-dir';

/** Largest file decoded whole into memory; bigger ones need streaming (RF64 recordings). */
const maxLoadBytes = 2 * 1024 ** 3;

/** Reads and decodes audio files on the Node side: the renderer never decodes. */
export class AudioService {
  /** `importedDir`: where dropped files of untitled projects are kept. */
  constructor(private readonly importedDir: string = path.join(dataDir(), 'Imported Audio')) {}

  /**
   * Keeps a file dropped into a browser tab: checks it decodes (a damaged or unsupported file is
   * refused and nothing is written), then writes it into the project's Audio/ folder (or the
   * imported-audio folder while the project is untitled) under a name not yet taken.
   */
  async store(name: string, bytes: Uint8Array, projectPath: string | null): Promise<{ path: string }> {
    const base = path.basename(name.replace(/\\/g, '/'));
    if (!base || base === '.' || base === '..' || !isAudioFileName(base)) {
      throw new GlowroomError('bad-format', `${base || name} is not an audio file Glowroom can use (WAV, AIFF, FLAC, MP3 or Ogg).`);
    }
    if (bytes.length === 0) throw new GlowroomError('bad-format', `${base} is empty (0 bytes): not an audio file.`);
    await decodeAudio(bytes, base);
    const folder = projectPath ? path.join(path.dirname(path.resolve(projectPath)), 'Audio') : this.importedDir;
    await fs.mkdir(folder, { recursive: true });
    const target = await freeName(folder, base);
    await writeFileAtomic(target, bytes);
    return { path: target };
  }

  /** Decodes a whole file; `sha256` is the hash of the very bytes decoded. */
  async load(file: string): Promise<LoadedAudio> {
    const { path: absolute, name, bytes } = await this.read(file);
    const audio = await decodeAudio(bytes, name);
    return {
      path: absolute,
      name,
      format: audio.format,
      bitDepth: audio.bitDepth,
      sampleRate: audio.sampleRate,
      sha256: sha256Hex(bytes),
      channels: [...audio.channels],
      notes: [...(audio.notes ?? [])],
    };
  }

  /**
   * The bytes of an audio file to decode, with the messages `load` gives for a file that is
   * missing, a folder, empty, too large or unreadable. `into`, when given, supplies the memory
   * to read into (a reader of many files reuses one buffer instead of leaving each to the GC).
   */
  async read(file: string, into?: (size: number) => Uint8Array): Promise<{ path: string; name: string; bytes: Uint8Array }> {
    const absolute = path.resolve(file);
    const name = path.basename(absolute);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch {
      throw new GlowroomError('not-found', `File not found: ${absolute}. It may have been moved or deleted.`);
    }
    if (stat.isDirectory()) throw new GlowroomError('wrong-kind', `${absolute} is a folder; choose an audio file inside it.`);
    if (stat.size === 0) throw new GlowroomError('bad-format', `${name} is empty (0 bytes): not an audio file.`);
    if (stat.size > maxLoadBytes) {
      throw new GlowroomError('unsupported', `${name} is larger than 2 GiB; files this large cannot be loaded yet.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = into ? await readInto(absolute, into(stat.size)) : await fs.readFile(absolute);
    } catch (error) {
      throw new GlowroomError('io', `Cannot read ${absolute} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`);
    }
    return { path: absolute, name, bytes };
  }
}

/** The file's first `bytes.length` bytes into `bytes` (fewer if it became shorter). */
async function readInto(file: string, bytes: Uint8Array): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    let done = 0;
    while (done < bytes.length) {
      const { bytesRead } = await handle.read(bytes, done, bytes.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return bytes.subarray(0, done);
  } finally {
    await handle.close();
  }
}

/** `name`, or `name (2)`, `name (3)` … whichever does not exist yet in `folder`. */
async function freeName(folder: string, name: string): Promise<string> {
  const extension = path.extname(name);
  const stem = name.slice(0, name.length - extension.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? name : `${stem} (${n})${extension}`);
    try {
      await fs.access(candidate);
    } catch {
      return candidate;
    }
  }
}
