import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { samplePeakDbfs } from '../../src/analysis/levels';
import { decodeWav } from '../../src/codecs/wav';
import { encodeWav } from '../../src/codecs/wav-writer';
import { chooseInFileBrowser, expect, importFolder, loudestMeterReading, samplePack, settledPeakHold, test } from './fixtures';

test('a sample auditions on the preview channel at the preview volume', async ({ app }) => {
  const file = path.join(samplePack, 'Drums/Kicks/bd_klub_48k.wav');
  const fileDb = samplePeakDbfs(decodeWav(await readFile(file)).channels);
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('klub');
  await expect(app.getByRole('slider', { name: 'Preview volume' })).toHaveAttribute('aria-valuetext', '−6 dB');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /bd_klub_48k\.wav/ }).click();
  expect(await loudestMeterReading(app, 300)).toBeGreaterThan(-60);
  // A 48 kHz file on the 48 kHz engine plays sample for sample, 6 dB down on the preview channel.
  expect(Math.abs((await settledPeakHold(app)) - (fileDb - 6))).toBeLessThanOrEqual(0.05);
  await expect(app.getByRole('button', { name: 'Stop preview' })).toBeDisabled();
  await expect(app.getByLabel(/^Clip /)).toHaveCount(0);
});

test('a sample added to the timeline plays through the worklet at its own level', async ({ app }) => {
  const file = path.join(samplePack, 'Drums/Kicks/bd_klub_48k.wav');
  const fileDb = samplePeakDbfs(decodeWav(await readFile(file)).channels);
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('klub');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /bd_klub_48k\.wav/ }).dblclick();
  await expect(app.getByRole('listbox', { name: 'Track bd_klub_48k' })).toBeVisible();
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Stop preview' })).toBeDisabled();

  await app.getByRole('button', { name: 'Play', exact: true }).click();
  expect(Math.abs((await settledPeakHold(app)) - fileDb)).toBeLessThanOrEqual(0.05);
  await expect(app.getByRole('timer', { name: 'Position in time' })).not.toHaveText('0:00.000');
  await app.screenshot({ path: 'test-results/screens/shell-playing.png' });
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('a generated −12 dBFS sine reads −12 dBFS on the master meter; Space plays and stops', async ({ app }) => {
  const folder = path.join(process.env['GLOWROOM_HOME'] ?? '', 'generated');
  mkdirSync(folder, { recursive: true });
  const rate = 48_000;
  const amplitude = 10 ** (-12 / 20);
  const tone = Float32Array.from({ length: rate * 2 }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / rate));
  writeFileSync(path.join(folder, 'sine_440_minus12.wav'), encodeWav({ sampleRate: rate, channels: [tone, tone] }, { bitDepth: 32, float: true }));

  await importFolder(app, folder);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('sine_440');
  await expect(app.getByRole('listbox', { name: 'Samples' }).getByRole('option')).toHaveCount(1);
  const list = app.getByRole('listbox', { name: 'Samples' });
  await list.focus();
  await list.press('ArrowDown');
  await expect(app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /sine_440_minus12\.wav/ })).toHaveAttribute('aria-selected', 'true');
  await app.getByRole('button', { name: 'Stop preview' }).click();
  await expect(app.getByRole('button', { name: 'Stop preview' })).toBeDisabled();
  await list.press('Enter');
  await expect(app.getByLabel('Clip sine_440_minus12.wav')).toBeVisible();
  await app.getByRole('region', { name: 'Timeline' }).click();
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const loudest = await loudestMeterReading(app, 500);
  const held = await settledPeakHold(app);
  expect(Math.abs(loudest - -12)).toBeLessThan(0.05);
  expect(Math.abs(held - -12)).toBeLessThanOrEqual(0.05);
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Play', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('the metronome clicks on the beat when switched on', async ({ app }) => {
  const metronome = app.getByRole('button', { name: 'Metronome' });
  await app.getByRole('button', { name: 'Play', exact: true }).click();
  expect(await loudestMeterReading(app, 300)).toBe(-120);
  await metronome.click();
  await expect(metronome).toHaveAttribute('aria-pressed', 'true');
  expect(await loudestMeterReading(app, 700)).toBeGreaterThan(-12);
  await app.getByRole('button', { name: 'Stop', exact: true }).click();
});

test('damaged and missing files are refused with a clear message and not added; a misnamed file is added with a note', async ({ app, tempDir }) => {
  // A copy, so the import is new whatever other tests imported into the shared library before.
  const broken = path.join(tempDir, 'broken');
  cpSync(path.join(samplePack, '_broken'), broken, { recursive: true });
  await app.getByRole('button', { name: 'Import folder…' }).click();
  await chooseInFileBrowser(app, 'Import a folder of samples', broken, 'Import');
  const alert = app.getByRole('alert');
  // The misnamed MP3 is new (with a note) only if no earlier test imported the whole pack.
  await expect(alert).toContainText(/Imported: [01] new, [01] already in the library(; 1 with a note)?\. Could not use 4 files\./, { timeout: 30_000 });
  await app.getByRole('button', { name: /^Show all [45]$/ }).click();
  const details = app.getByRole('region', { name: 'Message details' });
  await expect(details).toContainText('empty.wav: empty.wav is empty (0 bytes): not an audio file.');
  if (/with a note/.test((await alert.textContent()) ?? '')) await expect(details).toContainText('misnamed_mp3.wav holds MP3 audio although it is named .wav; it was opened as MP3');
  // Added (by an earlier import of the pack, too, perhaps under another path to it).
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('misnamed');
  await expect(app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /misnamed_mp3\.wav/ }).first()).toBeVisible();
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('empty');
  await expect(app.getByRole('listbox', { name: 'Samples' })).toHaveCount(0);
  await expect(app.getByLabel(/^Clip /)).toHaveCount(0);

  // A folder that is not there cannot be picked: the file browser says so and stays open.
  await app.getByRole('button', { name: 'Import folder…' }).click();
  const browser = app.getByRole('dialog', { name: 'Import a folder of samples' });
  await browser.getByRole('textbox', { name: 'Location' }).fill('/no/such/folder');
  await browser.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(browser.getByRole('alert')).toHaveText('There is no folder /no/such/folder. Choose one that exists.');
  await app.screenshot({ path: 'test-results/screens/shell-error.png' });
});

test('collections: make one, drag a sample onto it, and filter by it', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('button', { name: 'New collection' }).click();
  const name = `Keepers ${Date.now() % 100_000}`;
  await app.getByRole('textbox', { name: 'New collection name' }).fill(name);
  await app.getByRole('textbox', { name: 'New collection name' }).press('Enter');
  const chip = app.getByRole('button', { name: new RegExp(`^Collection ${name} \\(0\\)`) });
  await expect(chip).toBeVisible();
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('bd_haus');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /bd_haus/ }).dragTo(chip);
  const filled = app.getByRole('button', { name: new RegExp(`^Collection ${name} \\(1\\)`) });
  await expect(filled).toBeVisible();
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('');
  await filled.click();
  await expect(app.getByRole('listbox', { name: 'Samples' }).getByRole('option')).toHaveCount(1);
  await expect(app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /bd_haus/ })).toBeVisible();
  await filled.click();
});
