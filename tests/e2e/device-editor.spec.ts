import { dragEqBandTo } from './eq-drag';
import { bandPowerDb, exportSong } from './exported-audio';
import { addSampleFromLibrary, expect, importFolder, samplePack, screens, test } from './fixtures';

test('an EQ cut made in the mixer’s EQ editor is in the exported file', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const track = 'garzul_120bpm_Cmin_96k';
  const dry = await exportSong(app, 'dry.wav');

  // Add an EQ to the track in the mixer and open its editor from the insert slot.
  await app.locator('body').press('F9');
  const mixer = app.getByRole('region', { name: 'Mixer' });
  await mixer.getByRole('combobox', { name: `Add an insert to ${track}` }).selectOption('eq');
  await mixer.getByRole('button', { name: `Open EQ on ${track}` }).click();
  const editor = app.getByRole('dialog', { name: `EQ on ${track}` });
  await expect(editor).toBeVisible();

  // Drag band 3 (2 kHz) straight down to about −18 dB: one undo step, the readout follows.
  await dragEqBandTo(app, editor, 'p3', -18);
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Change EQ Band 3');
  const gain = Number.parseFloat(((await editor.locator('output[data-param="p3GainDb"]').textContent()) ?? '').replace('−', '-'));
  expect(gain).toBeLessThan(-16);
  expect(gain).toBeGreaterThan(-20);
  await app.screenshot({ path: `${screens}/device-eq.png` });

  const cut = await exportSong(app, 'cut.wav');
  // Measured on the files: 1.9–2.1 kHz falls by about the cut against the 100–250 Hz band, which stays (within the bell's skirt).
  const drop = bandPowerDb(cut, 1900, 2100) - bandPowerDb(cut, 100, 250) - (bandPowerDb(dry, 1900, 2100) - bandPowerDb(dry, 100, 250));
  expect(drop).toBeLessThan(-14);
  expect(Math.abs(bandPowerDb(cut, 100, 250) - bandPowerDb(dry, 100, 250))).toBeLessThan(0.5);
});

test('the compressor’s editor: presets, sidechain from another track, a gain-reduction meter', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  await addSampleFromLibrary(app, 'amen', 'amen_break_137bpm.wav');
  const pad = 'garzul_120bpm_Cmin_96k';
  const drums = 'amen_break_137bpm';
  await app.locator('body').press('F9');
  const mixer = app.getByRole('region', { name: 'Mixer' });
  await mixer.getByRole('combobox', { name: `Add an insert to ${pad}` }).selectOption('compressor');
  await mixer.getByRole('button', { name: `Open Compressor on ${pad}` }).click();
  const editor = app.getByRole('dialog', { name: `Compressor on ${pad}` });
  await editor.getByRole('combobox', { name: 'Presets of Compressor' }).selectOption('Sidechain pump');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Load Preset “Sidechain pump”');
  await expect(editor.locator('output[data-param="ratio"]')).toHaveText('10.0:1');
  await editor.getByRole('combobox', { name: 'Sidechain of Compressor' }).selectOption({ label: drums });
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Change Compressor Sidechain');

  // Knob: a drag previews and commits one step; double-click goes back to the default.
  const threshold = editor.getByRole('slider', { name: 'Threshold of Compressor' });
  await threshold.dblclick();
  await expect(editor.locator('output[data-param="thresholdDb"]')).toHaveText('−18.0 dB');

  await app.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(async () => Number.parseFloat(((await editor.getByTestId('gain-reduction').textContent()) ?? '0').replace('−', '-')), { timeout: 10_000 }).toBeLessThan(-1);
  await app.screenshot({ path: `${screens}/device-compressor.png` });
  await app.getByRole('button', { name: 'Stop', exact: true }).click();

  // A user preset: saved in the data folder, listed under "Yours", loaded back as one step.
  await editor.getByRole('button', { name: 'Save preset' }).click();
  await editor.getByRole('textbox', { name: 'Name of the new Compressor preset' }).fill('Pad duck');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('contentinfo')).toContainText('Saved the Compressor preset “Pad duck”.');
  await editor.getByRole('combobox', { name: 'Presets of Compressor' }).selectOption('Vocal');
  await expect(editor.locator('output[data-param="ratio"]')).toHaveText('4.0:1');
  await editor.getByRole('combobox', { name: 'Presets of Compressor' }).selectOption({ label: 'Pad duck' });
  await expect(editor.locator('output[data-param="ratio"]')).toHaveText('10.0:1');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Load Preset “Pad duck”');

  // Every other editor draws its controls from the catalog.
  for (const type of ['reverb', 'delay', 'saturation', 'bitcrusher'] as const) {
    await mixer.getByRole('combobox', { name: `Add an insert to ${drums}` }).selectOption(type);
  }
  for (const name of ['Reverb', 'Delay', 'Saturation', 'Bitcrusher']) {
    await mixer.getByRole('button', { name: `Open ${name} on ${drums}` }).click();
    await expect(app.getByRole('dialog', { name: `${name} on ${drums}` })).toBeVisible();
    await app.screenshot({ path: `${screens}/device-${name.toLowerCase()}.png` });
  }
});
