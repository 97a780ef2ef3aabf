/**
 * The atomic-save promise under fire: a process saving a large project over and over is killed
 * with SIGKILL at random moments, 100 times. After every kill the project must open and be
 * exactly the old or the new version — byte for byte — and so must its `.bak`.
 *
 * SIGKILL stops the process between any two instructions, but what it already handed the kernel
 * stays; a power cut is covered by the fsyncs, which no test here can pull the plug on.
 */
import { spawn } from 'node:child_process';
import { existsSync, watch, promises as fs } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeProject } from '../../../src/model/parse-project';
import { backupPathOf, openProject, saveProject } from '../../../electron/services/projects/project-files';
import { tempDir } from '../../support/temp-dir';
import { largeProject } from './support/projects';

const kills = 100;
const clips = 2_000;

describe('saving while being killed', () => {
  const dir = tempDir('glowroom-kill-');
  let saver: string;

  // The saver runs as plain Node from a bundle made once: starting it through tsx costs ~0.6 s,
  // a hundred times over; the bundle starts in a tenth of that and runs the very same code.
  beforeAll(async () => {
    saver = path.join(dir, 'save-loop.mjs');
    await build({ entryPoints: [path.join(import.meta.dirname, 'support/save-loop.ts')], bundle: true, platform: 'node', format: 'esm', outfile: saver, logLevel: 'warning' });
  });

  it(`never leaves a mixed or broken project (${kills} SIGKILLs)`, { timeout: 90_000 }, async () => {
    const file = path.join(dir, 'Long night.glowroom');
    const versions = [serializeProject(largeProject(clips, 'A')), serializeProject(largeProject(clips, 'B'))];
    // B then A, so that the file is A and a .bak exists before the first kill.
    await saveProject(file, largeProject(clips, 'B'));
    await saveProject(file, largeProject(clips, 'A'));
    const seen = { A: 0, B: 0, midSave: 0 };
    const started = performance.now();
    for (let round = 0; round < kills; round++) {
      // After 0–2 completed saves: even rounds kill anywhere in the next save (most of it is
      // serializing), odd rounds aim at its file work — 0–3 ms after its temporary file appears.
      const moment = round % 2 === 0 ? { delayMs: Math.random() * 40 } : { afterTempFile: true, delayMs: Math.random() * 3 };
      await runAndKill(saver, file, round % 3, moment);
      const opened = await openProject(file);
      const onDisk = await fs.readFile(file, 'utf8');
      expect(versions, `round ${round}: the file is neither version`).toContain(onDisk);
      expect(serializeProject(opened.project)).toBe(onDisk);
      seen[onDisk === versions[0] ? 'A' : 'B']++;
      expect(versions, `round ${round}: the .bak is neither version`).toContain(await fs.readFile(backupPathOf(file), 'utf8'));
      // A kill inside a save leaves its temporary file; count and sweep them.
      const strays = (await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'));
      if (strays.length > 0) seen.midSave++;
      await Promise.all(strays.map((name) => fs.rm(path.join(dir, name))));
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`kill test: ${kills} kills in ${seconds.toFixed(1)} s; file was A ${seen.A}×, B ${seen.B}×; ${seen.midSave} kills landed inside a save`);
    // The kills must have caught the file at both versions, or the saver never got to save.
    // (Kills inside the write itself are a few in a hundred: most of a save is serializing.)
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);
  });
});

interface KillMoment {
  /** Start the delay when the next save creates its temporary file, not when the last one ended. */
  readonly afterTempFile?: boolean;
  readonly delayMs: number;
}

/**
 * Starts the saver, waits until it has completed `saves` saves (counting saves rather than
 * milliseconds keeps the kills spread over both versions however busy the machine is), then
 * waits for `moment` and SIGKILLs it.
 */
async function runAndKill(saver: string, file: string, saves: number, moment: KillMoment): Promise<void> {
  const dir = path.dirname(file);
  const watcher = watch(dir);
  const child = spawn(process.execPath, [saver, file, String(clips)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  try {
    let completed = 0;
    await new Promise<void>((resolve, reject) => {
      if (saves === 0) resolve();
      child.stdout.on('data', (chunk: Buffer) => {
        completed += chunk.toString().split('\n').length - 1;
        if (completed >= saves) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the saver exited (${code}) after ${completed} saves`)));
    });
    if (moment.afterTempFile) {
      // A temporary file that still exists: the save in progress is writing. (Events about the
      // previous save's temporary files arrive too, but those are gone by now.)
      await new Promise<void>((resolve) =>
        watcher.on('change', (_event, name) => {
          if (String(name).endsWith('.tmp') && existsSync(path.join(dir, String(name)))) resolve();
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, moment.delayMs));
  } finally {
    watcher.close();
    child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
}
