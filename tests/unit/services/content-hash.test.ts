import { writeFileSync } from 'node:fs';
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
    const file = path.join(tempDir(), 'big.wav');
    writeFileSync(file, new Uint8Array(32 * 2 ** 20));
    const controller = new AbortController();
    const hashing = sha256OfFile(file, controller.signal);
    controller.abort();
    await expect(hashing).rejects.toMatchObject({ name: 'AbortError' });
  });
});
