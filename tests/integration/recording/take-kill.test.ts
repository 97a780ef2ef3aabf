/**
 * A take killed mid-recording (SIGKILL of the writer, as a crash would) keeps its audio up to at
 * least the last checkpoint — one second — and, once the journal has mended it on the next start,
 * opens in an independent reader (ffmpeg) with every sample as it was recorded.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { TakeJournal } from '../../../electron/services/recording/take-journal';
import { tempDir } from '../../support/temp-dir';
import { takeSample } from './support/take-signal';

describe('a take killed while recording', () => {
  const dir = tempDir('glowroom-take-kill-');
  let recorder: string;

  beforeAll(async () => {
    recorder = path.join(dir, 'record-loop.mjs');
    await build({ entryPoints: [path.join(import.meta.dirname, 'support/record-loop.ts')], bundle: true, platform: 'node', format: 'esm', outfile: recorder, logLevel: 'warning' });
  });

  it('keeps everything up to the last second, readable by ffmpeg sample for sample', async () => {
    const journalFile = path.join(dir, 'recordings.json');
    const takes = path.join(dir, 'Audio');
    const child = spawn(process.execPath, [recorder, takes, journalFile], { stdio: ['ignore', 'pipe', 'inherit'] });
    let saved = 0;
    for await (const line of createInterface({ input: child.stdout })) {
      const match = /^saved (\d+)$/.exec(line);
      if (match) saved = Number(match[1]);
      // Kill after three checkpoints, at a moment unrelated to the checkpoints.
      if (saved >= 3 * 48_000) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 50));
        child.kill('SIGKILL');
        break;
      }
    }
    await new Promise((resolve) => child.once('exit', resolve));

    const [take] = await new TakeJournal(journalFile).recover();
    expect(take, 'the journal names the take').toBeDefined();
    if (!take) return;
    expect(take.frames).toBeGreaterThanOrEqual(saved);

    const pcm = execFileSync('ffmpeg', ['-v', 'error', '-i', take.path, '-f', 'f32le', '-acodec', 'pcm_f32le', '-'], { maxBuffer: 256 * 1024 * 1024 });
    const samples = new Float32Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 4);
    expect(samples.length).toBe(take.frames * 2);
    for (let i = 0; i < samples.length; i++) {
      const expected = takeSample(Math.floor(i / 2), i % 2);
      if (samples[i] !== expected) expect.fail(`sample ${i} is ${samples[i]}, recorded ${expected}`);
    }
  });
});
