/**
 * The analysis reuses the hash the listing took while the file keeps the size and modification
 * time the listing found (the import's rule for an unchanged file): each file is hashed once.
 */
import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, type ListedFile } from '../../../electron/services/library/analyze-file';
import { sha256Hex } from '../../../electron/services/content-hash';
import { packFile } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

describe('analyzeFile with what the listing found', () => {
  it('keeps the listed hash of an unchanged file and hashes a changed one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bd_haus.flac');
    copyFileSync(packFile('Drums/Kicks/bd_haus.flac'), file);
    const stat = statSync(file);
    // A hash no file has: only the listing could have said it.
    const listed: ListedFile = { size: stat.size, mtimeMs: Math.trunc(stat.mtimeMs), contentHash: 'f'.repeat(64) };
    expect((await analyzeFile(file, 'Kicks/bd_haus.flac', listed)).contentHash).toBe(listed.contentHash);

    const actual = sha256Hex(readFileSync(file));
    expect((await analyzeFile(file, 'Kicks/bd_haus.flac')).contentHash).toBe(actual);
    // Touched since the listing: hashed again.
    utimesSync(file, stat.atime, new Date(stat.mtimeMs + 5_000));
    expect((await analyzeFile(file, 'Kicks/bd_haus.flac', listed)).contentHash).toBe(actual);
    // Rewritten with other bytes at the listed time: the size tells.
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.alloc(16)]));
    utimesSync(file, stat.atime, stat.mtime);
    expect((await analyzeFile(file, 'Kicks/bd_haus.flac', listed)).contentHash).toBe(sha256Hex(readFileSync(file)));
  });
});
