import type { Page } from '@playwright/test';
import { chooseInFileBrowser, expect, screens, test } from './fixtures';

const shots = `${screens}/beats`;

/** How many notes of note clips the arrangement canvas drew last. */
async function notesDrawn(app: Page): Promise<number> {
  return Number(await app.locator('.arrangement-canvas').getAttribute('data-notes'));
}

test('A new user: Add instrument… ▸ Drum Machine opens the step sequencer with the factory kit, clicked steps play; linked copies and Make Unique', async ({ app }) => {
  const undo = app.getByRole('button', { name: /^Undo/ });
  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('drums');
  await expect(undo).toHaveAccessibleName('Undo Add Drum Machine Track');
  const editor = app.getByRole('region', { name: 'Beat editor' });
  await expect(editor).toBeVisible();

  // The pads are the factory kit already: the first steps clicked make sound.
  await editor.getByRole('tab', { name: 'Pads' }).click();
  await expect(editor.getByRole('button', { name: 'Pad 1 Kick' })).toBeVisible();
  await editor.getByRole('tab', { name: 'Steps' }).click();
  const kick = editor.getByRole('row', { name: 'Kick', exact: true });
  const snare = editor.getByRole('row', { name: 'Snare', exact: true });
  for (const step of [1, 5, 9, 13]) await kick.getByRole('gridcell', { name: `Kick step ${step}`, exact: true }).click();
  for (const step of [5, 13]) await snare.getByRole('gridcell', { name: `Snare step ${step}`, exact: true }).click();
  await expect.poll(() => notesDrawn(app)).toBe(6);

  await app.getByRole('button', { name: 'Play', exact: true }).click();
  const master = app.getByRole('meter', { name: 'Master level' });
  await expect.poll(async () => Number(await master.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(-40);
  await app.screenshot({ path: `${shots}/add-drums-playing.png` });
  await app.getByRole('button', { name: 'Stop', exact: true }).click();

  // Ctrl+D: a linked copy (same pattern), marked as linked; a step edits both.
  const clips = app.getByRole('option', { name: 'Clip Drums 1' });
  await clips.first().click();
  await app.keyboard.press('Control+d');
  await expect(clips).toHaveCount(2);
  await expect.poll(() => notesDrawn(app)).toBe(12);
  await kick.getByRole('gridcell', { name: 'Kick step 3', exact: true }).click();
  await expect.poll(() => notesDrawn(app)).toBe(14);

  // Make Unique from the copy's menu: one undo step; then a step edits only the clip in the editor.
  await clips.nth(1).click({ button: 'right' });
  const menu = app.getByRole('menu', { name: 'Clip' });
  await app.screenshot({ path: `${shots}/clip-menu.png` });
  await menu.getByRole('menuitem', { name: /Make Unique/ }).click();
  await expect(menu).toHaveCount(0);
  await expect(undo).toHaveAccessibleName('Undo Make Clip Unique');
  await kick.getByRole('gridcell', { name: 'Kick step 7', exact: true }).click();
  await expect.poll(() => notesDrawn(app)).toBe(15);
  await app.screenshot({ path: `${shots}/made-unique.png` });

  // Undo the step and Make Unique: linked again (the step is gone from both). U makes the copy
  // unique again; a second U has nothing left to break off and says so.
  await undo.click();
  await undo.click();
  await expect.poll(() => notesDrawn(app)).toBe(14);
  await clips.nth(1).click();
  await app.keyboard.press('u');
  await expect(undo).toHaveAccessibleName('Undo Make Clip Unique');
  await app.keyboard.press('u');
  await expect(app.getByRole('contentinfo')).toContainText('Nothing to make unique');
});

test('A new synth takes a factory preset and a new sampler a sample, from their tab in the beat editor; the sampler sounds', async ({ app }) => {
  const undo = app.getByRole('button', { name: /^Undo/ });
  const editor = app.getByRole('region', { name: 'Beat editor' });
  const master = app.getByRole('meter', { name: 'Master level' });

  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('synth');
  await expect(editor).toBeVisible();
  await editor.getByRole('tab', { name: 'Synth' }).click();
  await editor.getByRole('combobox', { name: 'Presets of the Synth' }).selectOption({ label: '808 bass (glide)' });
  await expect(undo).toHaveAccessibleName(/Undo Load .*808 bass \(glide\)/);
  await app.screenshot({ path: `${shots}/synth-tab.png` });
  await editor.getByRole('button', { name: /Close the Synth editor/ }).click();
  await expect(editor.getByRole('tab', { name: 'Piano roll' })).toHaveAttribute('aria-selected', 'true');

  await app.getByRole('combobox', { name: 'Add instrument track' }).selectOption('sampler');
  await editor.getByRole('tab', { name: 'Sampler' }).click();
  await expect(editor).toContainText('No sample yet');
  await editor.getByRole('button', { name: 'Choose sample…' }).click();
  const chime = `${process.cwd()}/native-assets/factory/Vocal-ish FX/elec_chime.flac`;
  await chooseInFileBrowser(app, 'Import a sample or a zip pack', chime, 'Import');
  await expect(undo).toHaveAccessibleName('Undo Load elec_chime.flac into the Sampler');
  await expect(editor).toContainText('elec_chime.flac');
  const root = editor.getByRole('spinbutton', { name: 'Root key (MIDI note)' });
  await root.fill('95');
  await root.press('Enter');
  await expect(undo).toHaveAccessibleName('Undo Change Sampler Root Key');

  // The waveform's markers: a focused marker moves with the arrow keys, a drag is one undo step.
  await editor.getByRole('button', { name: 'Loop of Sampler', exact: true }).click();
  const loopStart = editor.getByRole('slider', { name: 'Loop start', exact: true });
  await loopStart.focus();
  await loopStart.press('ArrowRight');
  await loopStart.press('ArrowRight');
  await expect(loopStart).toHaveAttribute('aria-valuenow', '20');
  await expect(undo).toHaveAccessibleName('Undo Move Sampler Loop start');
  const start = editor.getByRole('slider', { name: 'Sample start', exact: true });
  const wave = (await editor.locator('.sampler-waveform').boundingBox())!;
  const from = (await start.boundingBox())!;
  await app.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await app.mouse.down();
  for (let step = 1; step <= 5; step++) await app.mouse.move(from.x + from.width / 2 + step, from.y + from.height / 2);
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Sampler Sample start');
  expect(Number(await start.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(Number(await start.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(20);
  expect(wave.width).toBeGreaterThan(300);
  await app.screenshot({ path: `${shots}/sampler-tab.png` });
  await app.getByRole('button', { name: /^Undo/ }).click();
  await expect(undo).toHaveAccessibleName('Undo Move Sampler Loop start');

  // The sampler sounds: a key of the piano roll auditions through it and the master meter moves.
  await editor.getByRole('tab', { name: 'Piano roll' }).click();
  await editor.getByLabel('Keyboard').getByTitle('B6', { exact: true }).click();
  await expect.poll(async () => Number(await master.getAttribute('aria-valuenow')), { timeout: 10_000 }).toBeGreaterThan(-50);
});
