/** What the recording tests share: the loopback's rate and delay, finding clicks in a take, saving, and finding a take's file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AudioClip, Project } from '../../src/model/project-schema';
import { expect, fileMenu } from './fixtures';

export const rate = 48_000;
/** The cable's own delay; the page's MediaStream path adds its own on top, which calibration finds. */
export const cableSeconds = 0.0125;

/** Frames where a sound starts after at least 50 ms of quiet. */
export function onsets(samples: Float32Array): number[] {
  const found: number[] = [];
  let quiet = rate;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i] as number) > 0.01) {
      if (quiet >= rate * 0.05) found.push(i);
      quiet = 0;
    } else quiet++;
  }
  return found;
}

/** Saves the project as `file` (Save As…, so a project saved before goes to the new file) and reads it back. */
export async function saveAs(app: Page, file: string): Promise<Project> {
  await fileMenu(app, 'Save As…');
  const dialog = app.getByRole('dialog', { name: 'Save project as' });
  await dialog.getByRole('textbox', { name: 'Location' }).fill(file);
  await dialog.getByRole('button', { name: /^(Save|Replace)$/ }).click();
  await expect(app.getByRole('contentinfo')).toContainText(`Saved ${file}`);
  return JSON.parse(readFileSync(file, 'utf8')) as Project;
}

/** Where the take of `clip` is (sources are kept relative to the project file). */
export function takePathOf(saved: Project, clip: AudioClip, file: string): string {
  const source = saved.sources[clip.source];
  if (!source) throw new Error('the take has no source');
  return path.isAbsolute(source.path) ? source.path : path.resolve(path.dirname(file), source.path);
}


/** Chooses the loopback cable as the input and measures the round trip through it. */
export async function calibrateLoopback(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Audio input' }).click();
  const panel = app.getByRole('dialog', { name: 'Recording input' });
  await panel.getByRole('combobox', { name: 'Input device' }).selectOption({ label: 'Loopback cable' });
  await panel.getByRole('button', { name: 'Measure latency (loopback)' }).click();
  await expect(panel.getByRole('status', { name: 'Recording latency' })).toHaveText(/Latency [\d.]+ ms \(measured\)/, { timeout: 10_000 });
  await app.keyboard.press('Escape');
}

/** Milliseconds from a timeline frame to the nearest beat at 120 BPM (24,000 frames a beat). */
export function offBeatMs(timelineFrame: number): number {
  return (Math.abs(timelineFrame - Math.round(timelineFrame / 24_000) * 24_000) / rate) * 1000;
}

/** Drags across the ruler from beat `from` to beat `to` (28 px a beat at the default zoom), with Shift for the punch range. */
export async function dragRuler(app: Page, from: number, to: number, shift = false): Promise<void> {
  const box = await app.getByRole('group', { name: 'Ruler' }).boundingBox();
  if (!box) throw new Error('ruler not laid out');
  if (shift) await app.keyboard.down('Shift');
  await app.mouse.move(box.x + from * 28 + 3, box.y + 10);
  await app.mouse.down();
  await app.mouse.move(box.x + to * 28 + 3, box.y + 10, { steps: 5 });
  await app.mouse.up();
  if (shift) await app.keyboard.up('Shift');
}
