import { existsSync } from 'node:fs';
import path from 'node:path';
import { measureLoudness } from '../../src/analysis/loudness/loudness-meter';
import { decodeAudio } from '../../src/codecs/decode';
import { readFile } from 'node:fs/promises';
import { addSampleFromLibrary, expect, importFolder, samplePack, test } from './fixtures';

test('Export normalises for streaming, writes the file and shows the loudness report', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');

  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('WAV 24-bit');
  await dialog.getByRole('combobox', { name: 'Loudness target' }).selectOption('streaming');
  await dialog.getByRole('textbox', { name: 'artist' }).fill('Night Owl');
  const out = path.join(process.env['GLOWROOM_HOME'] ?? '', 'garzul mix.wav');
  await dialog.getByRole('textbox', { name: 'Export file path' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();

  const report = dialog.getByRole('region', { name: 'Loudness report' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toContainText('On target');
  await expect(report).toContainText(/Spotify will (leave this as it is|turn this (down|up) by 0\.\d dB)/);
  await app.screenshot({ path: 'test-results/screens/export-report.png' });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // Measured independently on the written file: within ±0.5 LU of −14 LUFS, true peak ≤ −1 dBTP.
  expect(existsSync(out)).toBe(true);
  const audio = await decodeAudio(await readFile(out), 'garzul mix.wav');
  const loudness = measureLoudness(audio.channels, audio.sampleRate);
  expect(Math.abs(loudness.integratedLufs - -14)).toBeLessThanOrEqual(0.5);
  expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
});

test('Export of the selected clips is exactly their span long', async ({ app }) => {
  await importFolder(app, samplePack);
  // Loops follow the song's tempo when placed (the default; an earlier test may have switched it off).
  await app.getByRole('checkbox', { name: 'Warp loops to the project tempo' }).check();
  const clip = await addSampleFromLibrary(app, 'amen', 'amen_break_137bpm.wav');
  await clip.click();
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'What to export' }).selectOption('selection');
  await dialog.getByRole('combobox', { name: 'Loudness target' }).selectOption('off');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('WAV 32-bit float');
  const out = path.join(process.env['GLOWROOM_HOME'] ?? '', 'amen selection.wav');
  await dialog.getByRole('textbox', { name: 'Export file path' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('region', { name: 'Loudness report' })).toBeVisible({ timeout: 60_000 });
  const audio = await decodeAudio(await readFile(out), 'amen selection.wav');
  // The clip lasts the file's 77,321 frames at 44.1 kHz played at its own 137 BPM, so that many
  // beats; warped to the song's 120 BPM and rendered at 48 kHz.
  const beats = (77_321 / 44_100) * (137 / 60);
  expect(audio.channels[0]?.length).toBe(Math.round((beats * 60 * 48_000) / 120));
});

test('Choosing stems shows, at the loudness target, that stems are written unnormalised', async ({ app }) => {
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  const loudness = dialog.getByRole('combobox', { name: 'Loudness target' });
  const note = dialog.getByRole('note');
  await expect(note).toHaveCount(0);
  await dialog.getByRole('checkbox', { name: 'Also stems, one file per track or bus into the master' }).check();
  await expect(note).toHaveText('Stems are written at mix level, unnormalised, so they sum to the mix; the loudness target applies to the mix file only.');
  await expect(loudness).toHaveAccessibleDescription(/Stems are written at mix level, unnormalised/);
  await app.screenshot({ path: 'test-results/screens/export-stems.png' });
  await dialog.getByRole('checkbox', { name: 'Also stems, one file per track or bus into the master' }).uncheck();
  await expect(note).toHaveCount(0);
});

test('A 15 s clip starts at the chosen bar with the chosen fades, shortened to the song with a note before and after', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'What to export' }).selectOption('clip-15');
  await dialog.getByRole('combobox', { name: 'Loudness target' }).selectOption('off');
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('WAV 32-bit float');
  // The 8 s loop from bar 1: 8 s left, not 15; the dialog says so before anything is exported.
  const note = dialog.getByRole('note');
  const startBar = dialog.getByRole('spinbutton', { name: 'Clip starts at bar' });
  await expect(note).toHaveText('The song has only 8.0 s left from the clip’s start, so the 15 s clip is shortened to 8.0 s.');
  await expect(startBar).toHaveAccessibleDescription(/shortened to 8\.0 s/);
  // Bar 2 at 120 BPM in 4/4 is 2 s in: 6 s of the loop are left.
  await startBar.fill('2');
  const shortened = 'The song has only 6.0 s left from the clip’s start, so the 15 s clip is shortened to 6.0 s.';
  await expect(note).toHaveText(shortened);
  // Past the song's end there is nothing to export: said, and Export is off.
  await startBar.fill('5');
  await expect(note).toHaveText('The clip starts where the song has already ended: choose an earlier start bar.');
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();
  await startBar.fill('2');
  await dialog.getByRole('spinbutton', { name: 'Clip fade in (ms)' }).fill('500');
  await dialog.getByRole('spinbutton', { name: 'Clip fade out (ms)' }).fill('0');
  await app.screenshot({ path: 'test-results/screens/export-short-clip-note.png' });
  const out = path.join(process.env['GLOWROOM_HOME'] ?? '', 'garzul hook.wav');
  await dialog.getByRole('textbox', { name: 'Export file path' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const report = dialog.getByRole('region', { name: 'Loudness report' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toContainText(shortened);
  await expect(report).toContainText('6.0 s of audio');
  const audio = await decodeAudio(await readFile(out), 'garzul hook.wav');
  const left = audio.channels[0] ?? new Float32Array();
  // Never padded with silence: exactly the 6 s left, sounding to the end.
  expect(left.length).toBe(6 * audio.sampleRate);
  const rms = (from: number, to: number) => {
    let sum = 0;
    for (let i = Math.round(from * audio.sampleRate); i < Math.round(to * audio.sampleRate); i++) sum += (left[i] ?? 0) ** 2;
    return Math.sqrt(sum / ((to - from) * audio.sampleRate));
  };
  expect(rms(0, 0.02)).toBeLessThan(rms(0.6, 1.6) / 10);
  expect(rms(5, 6)).toBeGreaterThan(0.01);
});

test('A stem over 0 dBFS is named in the report with its peak, and the float WAV is offered', async ({ app }) => {
  await importFolder(app, samplePack);
  const clip = await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  // The loop peaks at −0.9 dBFS; +24 dB of clip gain takes its stem far over 0 dBFS.
  await clip.dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await editor.getByRole('slider', { name: 'Clip gain' }).press('End');
  await expect(editor.getByRole('slider', { name: 'Clip gain' })).toHaveAttribute('aria-valuetext', '+24.0 dB');
  await app.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  await app.getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('WAV 24-bit');
  await dialog.getByRole('combobox', { name: 'Loudness target' }).selectOption('streaming');
  await dialog.getByRole('checkbox', { name: 'Also stems, one file per track or bus into the master' }).check();
  await dialog.getByRole('textbox', { name: 'Export file path' }).fill(path.join(process.env['GLOWROOM_HOME'] ?? '', 'loud.wav'));
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const report = dialog.getByRole('region', { name: 'Loudness report' });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report.getByRole('note').filter({ hasText: /^Stem “/ })).toHaveText(
    /^Stem “.+” peaks at \+2\d\.\d dBFS and clips in this 24-bit WAV file: export as WAV 32-bit float to keep the peaks, or turn the channel down by 2\d\.\d dB\.$/,
  );
  await app.screenshot({ path: 'test-results/screens/export-loud-stem-report.png' });
  await dialog.getByRole('button', { name: 'Export again as WAV 32-bit float' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('WAV 32-bit float');
  await expect(dialog.getByRole('checkbox', { name: 'Also stems, one file per track or bus into the master' })).toBeChecked();
});
