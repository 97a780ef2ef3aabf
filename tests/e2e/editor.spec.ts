import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { measureLoudness } from '../../src/analysis/loudness/loudness-meter';
import { decodeAudio } from '../../src/codecs/decode';
import { expect, importFolder, samplePack, test } from './fixtures';

const samplePackFile = (relative: string) => path.join(samplePack, relative);

test('double-click opens the waveform editor: zoom, set the clip to a selection, chop 1/8, undo', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('garzul');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /garzul/ }).dblclick();
  const clips = app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav');
  await expect(clips).toHaveCount(1);
  // 8 s at 120 BPM = 16 beats at 28 px per beat.
  const before = await clips.boundingBox();
  expect(Math.round(before?.width ?? 0)).toBe(16 * 28);

  await clips.dblclick();
  const editor = app.getByRole('dialog', { name: 'Waveform editor' });
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('heading', { name: 'garzul_120bpm_Cmin_96k.wav' })).toBeVisible();
  const wave = editor.getByRole('img', { name: /^Waveform of garzul/ });
  await expect(wave.locator('canvas').first()).toBeVisible();
  await expect(editor.getByLabel('Zoom level')).toHaveText('100 %');

  await editor.getByRole('button', { name: 'Zoom in' }).click();
  await expect(editor.getByLabel('Zoom level')).toHaveText('200 %');

  // At 200 % the view shows the first 4 s: drag from 1 s to 3 s.
  const box = await wave.boundingBox();
  if (!box) throw new Error('waveform not laid out');
  await app.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 10 });
  await app.mouse.up();
  const readout = editor.locator('output[aria-label="Selection"]');
  await expect(readout).toContainText(/^Selection /);
  const [from, to] = [...((await readout.textContent()) ?? '').matchAll(/(\d+\.\d+) s/g)].map((m) => Number(m[1]));
  expect(from).toBeCloseTo(1, 1);
  expect(to).toBeCloseTo(3, 1);
  await app.screenshot({ path: 'test-results/screens/editor.png' });

  await editor.getByRole('button', { name: 'Set clip to selection' }).click();
  // 2 s of source at 120 BPM = 4 beats, starting 2 beats in.
  await expect.poll(async () => Math.round((await clips.boundingBox())?.width ?? 0)).toBeGreaterThan(4 * 28 - 3);
  const trimmed = await clips.boundingBox();
  expect(Math.abs((trimmed?.width ?? 0) - 4 * 28)).toBeLessThan(3);
  expect(Math.abs((trimmed?.x ?? 0) - (before?.x ?? 0) - 2 * 28)).toBeLessThan(3);

  // Level and fades: normalize to a peak, then to a loudness measured on the decoded audio.
  const gainSlider = editor.getByRole('slider', { name: 'Clip gain' });
  await editor.getByRole('button', { name: 'Normalize' }).click();
  await expect(gainSlider).not.toHaveAttribute('aria-valuetext', '0.0 dB');
  await editor.getByRole('combobox', { name: 'Normalize to' }).selectOption({ label: 'Loudness −14 LUFS' });
  await editor.getByRole('button', { name: 'Normalize' }).click();
  const result = editor.getByRole('status', { name: 'Normalize result' });
  await expect(result).toHaveText(/^−?\d+\.\d LUFS \(integrated\): gain [+−]\d+\.\d dB$/);
  const [, lufs, sign, gain] = /^(−?\d+\.\d) LUFS.*gain ([+−])(\d+\.\d) dB$/.exec((await result.textContent()) ?? '') ?? [];
  const measured = Number((lufs ?? '').replace('−', '-'));
  const gainDb = (sign === '−' ? -1 : 1) * Number(gain);
  expect(measured + gainDb).toBeCloseTo(-14, 0);
  // The same stretch of the file, decoded and measured here, reads the same loudness.
  const audio = await decodeAudio(await readFile(samplePackFile('Loops/garzul_120bpm_Cmin_96k.wav')), 'garzul_120bpm_Cmin_96k.wav');
  const stretch = audio.channels.map((channel) => channel.subarray(Math.round((from ?? 0) * audio.sampleRate), Math.round((to ?? 0) * audio.sampleRate)));
  expect(Math.abs(measureLoudness(stretch, audio.sampleRate).integratedLufs - measured)).toBeLessThanOrEqual(0.15);
  await expect(gainSlider).toHaveAttribute('aria-valuetext', `${sign}${gain} dB`);
  await editor.getByLabel('Fade in (ms)').fill('20');
  await editor.getByLabel('Fade in (ms)').press('Enter');
  await expect(editor.getByLabel('Fade in (ms)')).toHaveValue('20');

  // The selection was drawn by hand, so the clip is about 4 beats: one piece per eighth note,
  // the last one possibly a sliver.
  const eighths = Math.ceil((trimmed?.width ?? 0) / 14 - 1 / 64);
  expect([8, 9]).toContain(eighths);
  await editor.getByRole('button', { name: 'Chop every 1/8 note' }).click();
  await expect(clips).toHaveCount(eighths);
  await app.screenshot({ path: 'test-results/screens/editor-chopped.png' });

  // The chop is one undo step.
  await app.keyboard.press('Control+z');
  await expect(clips).toHaveCount(1);
  expect(Math.abs(((await clips.boundingBox())?.width ?? 0) - 4 * 28)).toBeLessThan(3);

  await editor.getByRole('button', { name: 'Close editor' }).click();
  await expect(editor).toBeHidden();
});
