import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openLibraryDatabase } from '../../../electron/services/library/database';
import { importFolders } from '../../../electron/services/library/import';
import { searchSamples } from '../../../electron/services/library/search';
import { encodeWav } from '../../../src/codecs/wav-writer';
import { repoRoot } from '../../support/paths';
import { tempDir } from '../../support/temp-dir';

/** An analyze worker that stalls on files named *stall* (support/stalling-analyze-worker.ts). */
function startStallingAnalyzer(): Worker {
  const entry = pathToFileURL(path.join(import.meta.dirname, 'support/stalling-analyze-worker.ts')).href;
  return new Worker(path.join(repoRoot, 'electron/workers/bootstrap.mjs'), { workerData: { entry, input: null } });
}

const tone = (seconds: number) => Float32Array.from({ length: Math.round(44_100 * seconds) }, (_, n) => 0.5 * Math.sin((2 * Math.PI * 220 * n) / 44_100));

describe('a file that stalls the decoder', () => {
  it('is abandoned after its time limit with a reason, and the import goes on', async () => {
    const dir = tempDir();
    const pack = path.join(dir, 'Stall Pack');
    mkdirSync(pack);
    for (const name of ['kick_a.wav', 'stall_here.wav', 'kick_b.wav', 'kick_c.wav']) {
      writeFileSync(path.join(pack, name), encodeWav({ sampleRate: 44_100, channels: [tone(0.3)] }, { bitDepth: 16 }));
    }
    const db = openLibraryDatabase(':memory:');
    try {
      const result = await importFolders(db, [pack], { workers: 1, startAnalyzer: startStallingAnalyzer, analysisTimeLimitMs: () => 3_000 });
      expect(result).toMatchObject({ found: 4, indexed: 3, cancelled: false });
      expect(result.failed).toEqual([{ path: path.join(pack, 'stall_here.wav'), reason: expect.stringMatching(/took longer than 3 s \(its decoder stalled\), so it was skipped/) }]);
      expect(searchSamples(db, {}).rows.map((row) => row.name).sort()).toEqual(['kick_a.wav', 'kick_b.wav', 'kick_c.wav']);
    } finally {
      db.close();
    }
  }, 60_000);
});
