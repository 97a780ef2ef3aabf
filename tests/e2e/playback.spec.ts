import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeWav } from '../../src/codecs/wav';
import { encodeWav } from '../../src/codecs/wav-writer';
import { expect, importFolder, loudestMeterReading, samplePack, settledPeakHold, test } from './fixtures';

function peakDbfs(channels: readonly Float32Array[]): number {
  let peak = 0;
  for (const channel of channels) for (const x of channel) peak = Math.max(peak, Math.abs(x));
  return 20 * Math.log10(peak);
}

test('a WAV from the sample pack plays through the worklet at its own level', async ({ app }) => {
  const file = path.join(samplePack, 'Drums/Kicks/bd_klub_48k.wav');
  const expectedDb = peakDbfs(decodeWav(await readFile(file)).channels);

  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('klub');
  await app.getByRole('option', { name: /bd_klub_48k\.wav/ }).click();
  await expect(app.getByRole('status')).toContainText('Cued bd_klub_48k.wav');
  await expect(app.getByLabel('Clip bd_klub_48k.wav')).toBeVisible();

  await app.getByRole('button', { name: 'Play' }).click();
  expect(await loudestMeterReading(app, 300)).toBeGreaterThan(-60);
  // A 48 kHz file on the 48 kHz engine plays sample for sample: the peak hold shows the file's own peak.
  expect(Math.abs((await settledPeakHold(app)) - expectedDb)).toBeLessThanOrEqual(0.05);
  await expect(app.getByRole('timer', { name: 'Position in time' })).not.toHaveText('0:00.000');
  await app.screenshot({ path: 'test-results/screens/shell-playing.png' });

  await app.getByRole('button', { name: 'Stop' }).click();
  await expect(app.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('a generated −12 dBFS sine reads −12 dBFS on the master meter', async ({ app }) => {
  const folder = path.join(process.env['GLOWROOM_HOME'] ?? '', 'generated');
  mkdirSync(folder, { recursive: true });
  const rate = 48_000;
  const amplitude = 10 ** (-12 / 20);
  const tone = Float32Array.from({ length: rate * 2 }, (_, i) => amplitude * Math.sin((2 * Math.PI * 440 * i) / rate));
  writeFileSync(path.join(folder, 'sine_440_minus12.wav'), encodeWav({ sampleRate: rate, channels: [tone, tone] }, { bitDepth: 32, float: true }));

  await importFolder(app, folder);
  await app.getByRole('option', { name: /sine_440_minus12\.wav/ }).click();
  await expect(app.getByLabel('Clip sine_440_minus12.wav')).toBeVisible();
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'true');
  expect(Math.abs((await loudestMeterReading(app, 500)) - -12)).toBeLessThan(0.05);
  expect(Math.abs((await settledPeakHold(app)) - -12)).toBeLessThanOrEqual(0.05);
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');
});

test('damaged and missing files are refused with a clear message', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('_broken empty');
  await app.getByRole('option', { name: /empty\.wav/ }).click();
  await expect(app.getByRole('alert')).toContainText('empty.wav is empty (0 bytes): not an audio file.');

  await app.getByRole('searchbox', { name: 'Search samples' }).fill('readme-not-audio');
  await app.getByRole('option', { name: /readme-not-audio\.wav/ }).click();
  await expect(app.getByRole('alert')).toContainText('readme-not-audio.wav');
  await expect(app.getByLabel(/^Clip /)).toHaveCount(0);

  await app.getByRole('textbox', { name: 'Folder or file to import' }).fill('/no/such/folder');
  await app.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.getByRole('alert')).toContainText('/no/such/folder: No such file or folder.');
  await app.screenshot({ path: 'test-results/screens/shell-error.png' });
});
