import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeAudio } from '../../src/codecs/decode';
import type { LoadedAudio } from '../../src/protocol/ipc';
import { GlowroomError } from '../../src/std/errors';

/** Largest file decoded whole into memory; bigger ones need streaming (RF64 recordings). */
const maxLoadBytes = 2 * 1024 ** 3;

/** Reads and decodes audio files on the Node side: the renderer never decodes. */
export class AudioService {
  async load(file: string): Promise<LoadedAudio> {
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
      bytes = await fs.readFile(absolute);
    } catch (error) {
      throw new GlowroomError('io', `Cannot read ${absolute} (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions.`);
    }
    const audio = await decodeAudio(bytes, name);
    return {
      path: absolute,
      name,
      format: audio.format,
      bitDepth: audio.bitDepth,
      sampleRate: audio.sampleRate,
      channels: [...audio.channels],
    };
  }
}
