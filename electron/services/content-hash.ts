/**
 * The content hash of audio files: SHA-256 of the file's bytes in lowercase hex. Projects store it
 * as a source's `sha256` and the library as each sample's `content_hash` (analyze-file), so a
 * file is recognised by its bytes wherever it moved and whatever it is called now.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/** The hash of bytes already in memory. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The hash of a file, streamed (any size); rejects with the file system's error, or an AbortError once `signal` aborts, mid-file. */
export async function sha256OfFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash, { signal });
  return hash.digest('hex');
}
