import { closeSync, ftruncateSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256OfFile } from '../../../electron/services/content-hash';
import { tempDir } from '../../support/temp-dir';

describe('content hash', () => {
  it('streams a file to the same SHA-256 as its bytes in memory', async () => {
    const bytes = new Uint8Array(3_000_000).map((_, i) => (i * 31) & 0xff);
    const file = path.join(tempDir(), 'take.wav');
    writeFileSync(file, bytes);
    const hash = await sha256OfFile(file);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(sha256Hex(bytes));
  });

  it('stops mid-file when cancelled', async () => {
    // 4 GiB of holes: reading starts at once, and hashing all of it would take seconds.
    const file = path.join(tempDir(), 'big.wav');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 4 * 2 ** 30);
    closeSync(fd);
    const controller = new AbortController();
    const hashing = sha256OfFile(file, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(hashing).rejects.toMatchObject({ name: 'AbortError' });
  });
});
