import { expect, importFolder, samplePack, test } from './fixtures';

test('Slice to Sampler: a loop chopped in the waveform editor becomes a sampler track and its note clip in one step; the clip menu offers it too', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('garzul');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /garzul/ }).dblclick();
  const clips = app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav');
  await expect(clips).toHaveCount(1);
  const undo = app.getByRole('button', { name: /^Undo/ });
  const slicesTrack = app.getByText('garzul_120bpm_Cmin_96k slices', { exact: true });

  // 16 beats chopped on quarter notes: 16 pieces, selected; Slice to sampler takes them.
  await clips.dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await editor.getByRole('button', { name: 'Chop every 1/4 note' }).click();
  await expect(clips).toHaveCount(16);
  await editor.getByRole('button', { name: 'Slice to sampler' }).click();
  await expect(undo).toHaveAccessibleName('Undo Slice to Sampler');
  await editor.getByRole('button', { name: 'Close editor' }).click();
  await expect(slicesTrack.first()).toBeVisible();
  await expect(clips).toHaveCount(16);
  await app.screenshot({ path: 'test-results/screens/slice-to-sampler.png' });

  // One undo step takes the track away again; the clip menu makes it anew.
  await app.keyboard.press('Control+z');
  await expect(slicesTrack).toHaveCount(0);
  // All 16 pieces selected (Ctrl+A), the menu slices them; one piece alone would be cut at its transients.
  await clips.first().click();
  await app.keyboard.press('Control+a');
  await clips.first().click({ button: 'right' });
  await app.getByRole('menu', { name: 'Clip' }).getByRole('menuitem', { name: 'Slice to Sampler' }).click();
  await expect(undo).toHaveAccessibleName('Undo Slice to Sampler');
  await expect(slicesTrack.first()).toBeVisible();

  // The sampler shows the loop with its 16 slices.
  await app.getByLabel('Clip garzul_120bpm_Cmin_96k slices').dblclick();
  const beats = app.getByRole('region', { name: 'Beat editor' });
  await beats.getByRole('tab', { name: 'Sampler' }).click();
  await expect(beats.getByRole('slider', { name: 'Sample start', exact: true })).toBeVisible();
  await expect(beats.locator('.sampler-waveform-slice')).toHaveCount(16);
  await app.screenshot({ path: 'test-results/screens/slice-to-sampler-tab.png' });
});
