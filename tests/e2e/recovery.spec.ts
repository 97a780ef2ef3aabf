import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addSampleFromLibrary, clearRecovery, expect, importFolder, samplePack, test } from './fixtures';

const home = () => process.env['GLOWROOM_HOME'] ?? '';

/** The clips in the arrangement by their labels, in order. */
async function clipLabels(page: Page): Promise<string[]> {
  return (await page.locator('[aria-label^="Clip "]').evaluateAll((clips) => clips.map((clip) => clip.getAttribute('aria-label') ?? ''))).sort();
}

/** How many clips the recovery files on disk hold (null: there is no recovery file). */
function clipsInRecovery(): number | null {
  const folder = path.join(home(), 'recovery');
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => name.endsWith('.glowroom-recovery'));
  } catch {
    return null;
  }
  if (files.length !== 1) return files.length === 0 ? null : -files.length;
  const text = readFileSync(path.join(folder, files[0] ?? ''), 'utf8');
  const project = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { tracks: { clips: unknown[] }[] };
  return project.tracks.reduce((sum, track) => sum + track.clips.length, 0);
}

test('edit, undo all, four edits, autosave, crash: Recover brings back those edits under the saved name', async ({ page }) => {
  clearRecovery();
  await page.clock.install();
  const url = process.env['GLOWROOM_URL'] ?? '';
  await page.goto(url);
  await importFolder(page, samplePack);
  await addSampleFromLibrary(page, 'bd_klub', 'bd_klub_48k.wav');
  const file = path.join(home(), 'Recovery night.glowroom');
  await page.keyboard.press('Control+s');
  const saveAs = page.getByRole('dialog', { name: 'Save project as' });
  await saveAs.getByRole('textbox', { name: 'Location' }).fill(file);
  await saveAs.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Project name')).toHaveText('Recovery night');

  // Three edits, secured by autosave; then all undone.
  await addSampleFromLibrary(page, 'bd_boom', 'bd_boom.flac');
  await addSampleFromLibrary(page, 'bd_haus', 'bd_haus.flac');
  await addSampleFromLibrary(page, 'bd_tek', 'bd_tek.mp3');
  await page.clock.fastForward(31_000);
  await expect.poll(clipsInRecovery).toBe(4);
  const undo = page.getByRole('button', { name: /^Undo/ });
  for (let i = 0; i < 3; i += 1) await undo.click();
  await expect(page.getByLabel('Project name')).toHaveText('Recovery night');
  await expect.poll(clipsInRecovery).toBeNull();

  // Four new edits, then wait for autosave.
  await addSampleFromLibrary(page, 'hat_closed', 'hat_closed.wav');
  await addSampleFromLibrary(page, 'sn_generic', 'sn_generic.flac');
  const tempo = page.getByRole('spinbutton', { name: 'Tempo' });
  await tempo.fill('97');
  await tempo.press('Enter');
  await addSampleFromLibrary(page, 'perc_bell', 'perc_bell.flac');
  await page.clock.fastForward(31_000);
  await expect.poll(clipsInRecovery).toBe(4);
  const before = await clipLabels(page);
  expect(before).toEqual(['Clip bd_klub_48k.wav', 'Clip hat_closed.wav', 'Clip perc_bell.flac', 'Clip sn_generic.flac']);

  // The crash, and the next start.
  await page.goto('about:blank');
  await page.goto(url);
  const dialog = page.getByRole('dialog', { name: 'Recover unsaved work' });
  await expect(dialog).toContainText('“Recovery night”');
  await dialog.getByRole('button', { name: 'Recover' }).click();
  await expect.poll(() => clipLabels(page)).toEqual(before);
  await expect(page.getByRole('spinbutton', { name: 'Tempo' })).toHaveAttribute('aria-valuetext', '97 BPM');
  await expect(page.getByLabel('Project name')).toContainText('Recovery night');
  await expect(page.getByLabel('Project name')).toContainText('•');
  expect(await page.title()).toBe('• Recovery night — Glowroom');

  // Leave nothing behind for the tests that follow.
  clearRecovery();
});
