import { encodeWav } from '../../src/codecs/wav-writer';
import { expect, importFolder, samplePack, test } from './fixtures';

test('clips move, trim, split, duplicate and delete with the mouse and keys, each one undo step', async ({ app }) => {
  await importFolder(app, samplePack);
  await app.getByRole('searchbox', { name: 'Search samples' }).fill('garzul');
  await app.getByRole('listbox', { name: 'Samples' }).getByRole('option', { name: /garzul/ }).dblclick();
  const clip = app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav');
  await expect(clip).toHaveCount(1);
  const undo = app.getByRole('button', { name: /^Undo/ });

  // 8 s at 120 BPM = 16 beats = 4 bars; 28 px per beat.
  const box = await clip.boundingBox();
  if (!box) throw new Error('clip not laid out');
  expect(Math.round(box.width)).toBe(16 * 28);

  // Drag the body two bars to the right, snapped to the beat grid.
  await app.mouse.move(box.x + 100, box.y + 30);
  await app.mouse.down();
  await app.mouse.move(box.x + 100 + 8 * 28 + 5, box.y + 30, { steps: 8 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Clip');
  const moved = await clip.boundingBox();
  expect(Math.round((moved?.x ?? 0) - box.x)).toBe(8 * 28);

  // Trim the end back by one bar.
  const end = (moved?.x ?? 0) + (moved?.width ?? 0) - 2;
  await app.mouse.move(end, box.y + 40);
  await app.mouse.down();
  await app.mouse.move(end - 4 * 28, box.y + 40, { steps: 6 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Trim Clip');
  expect(Math.round((await clip.boundingBox())?.width ?? 0)).toBe(12 * 28);

  // Split at the playhead (bar 4 = beat 12), then duplicate and delete with keys.
  await app.getByRole('group', { name: 'Ruler' }).click({ position: { x: 12 * 28 + 2, y: 10 } });
  await clip.click();
  await app.keyboard.press('s');
  await expect(undo).toHaveAccessibleName('Undo Split Clip');
  await expect(app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav')).toHaveCount(2);
  await app.keyboard.press('Control+d');
  await expect(app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav')).toHaveCount(3);
  await app.keyboard.press('Delete');
  await expect(undo).toHaveAccessibleName('Undo Delete Clip');
  await expect(app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav')).toHaveCount(2);
  await app.screenshot({ path: 'test-results/screens/arrange.png' });

  // Undo walks back through every step to the clip as it was added.
  for (const label of ['Delete Clip', 'Duplicate Clip', 'Split Clip', 'Trim Clip', 'Move Clip']) {
    await expect(undo).toHaveAccessibleName(`Undo ${label}`);
    await undo.click();
  }
  await expect(app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav')).toHaveCount(1);
  expect(await clip.boundingBox()).toEqual(box);
});

test('the ruler sets a loop range that L toggles, and ? lists the shortcuts', async ({ app }) => {
  const ruler = app.getByRole('group', { name: 'Ruler' });
  const loop = app.getByRole('button', { name: 'Loop', exact: true });
  await expect(loop).toBeDisabled();
  const box = await ruler.boundingBox();
  if (!box) throw new Error('ruler not laid out');
  await app.mouse.move(box.x + 4 * 28 + 3, box.y + 10);
  await app.mouse.down();
  await app.mouse.move(box.x + 8 * 28 + 3, box.y + 10, { steps: 5 });
  await app.mouse.up();
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await app.keyboard.press('l');
  await expect(loop).toHaveAttribute('aria-pressed', 'false');
  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByText('Split at the playhead')).toBeVisible();
  await app.screenshot({ path: 'test-results/screens/shortcuts.png' });
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});

test('library rows drag onto a lane at the snapped beat, or under the tracks for a new track', async ({ app }) => {
  await importFolder(app, samplePack);
  const search = app.getByRole('searchbox', { name: 'Search samples' });
  const samples = app.getByRole('listbox', { name: 'Samples' });
  await search.fill('bd_klub');
  await samples.getByRole('option', { name: /bd_klub_48k/ }).dragTo(app.getByLabel('New track drop zone'), { targetPosition: { x: 2 * 28 + 3, y: 20 } });
  const lane = app.getByRole('listbox', { name: 'Track bd_klub_48k' });
  await expect(lane.getByLabel('Clip bd_klub_48k.wav')).toHaveCount(1);

  await search.fill('sn_dolf');
  await samples.getByRole('option', { name: /sn_dolf/ }).dragTo(lane, { targetPosition: { x: 6 * 28 + 10, y: 30 } });
  const snare = lane.getByLabel('Clip sn_dolf.aiff');
  await expect(snare).toHaveCount(1);
  const laneBox = await lane.boundingBox();
  const snareBox = await snare.boundingBox();
  // Dropped at beat 6.36 → snapped to beat 6 on the default beat grid.
  expect(Math.round((snareBox?.x ?? 0) - (laneBox?.x ?? 0))).toBe(6 * 28);
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Add sn_dolf.aiff');
});

test('a rubber band selects clips across tracks; the time signature redraws bars, not clips', async ({ app }) => {
  await importFolder(app, samplePack);
  const search = app.getByRole('searchbox', { name: 'Search samples' });
  const samples = app.getByRole('listbox', { name: 'Samples' });
  for (const name of ['amen_break', 'garzul']) {
    await search.fill(name);
    await samples.getByRole('option', { name: new RegExp(name) }).dblclick();
  }
  const amen = app.getByLabel('Clip amen_break_137bpm.wav');
  const garzul = app.getByLabel('Clip garzul_120bpm_Cmin_96k.wav');
  await expect(garzul).toHaveCount(1);
  const amenBox = await amen.boundingBox();
  const garzulBox = await garzul.boundingBox();
  if (!amenBox || !garzulBox) throw new Error('clips not laid out');
  // From empty lane space right of the amen clip, down-left across both clips.
  await app.mouse.move(amenBox.x + amenBox.width + 40, amenBox.y + 10);
  await app.mouse.down();
  await app.mouse.move(amenBox.x + 10, garzulBox.y + 20, { steps: 5 });
  await app.mouse.up();
  await expect(amen).toHaveAttribute('aria-selected', 'true');
  await expect(garzul).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Delete');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Delete 2 Clips');
  await app.getByRole('button', { name: /^Undo/ }).click();

  const before = await garzul.boundingBox();
  await app.getByRole('combobox', { name: 'Time signature' }).selectOption('3/4');
  await expect(app.getByRole('button', { name: /^Undo/ })).toHaveAccessibleName('Undo Set Time Signature');
  expect(await garzul.boundingBox()).toEqual(before);
  await expect(app.getByRole('timer', { name: 'Position in bars and beats' })).toHaveText('1.1.1');
});

test('audio files dropped from the operating system are kept beside the project; damaged ones are refused', async ({ app }) => {
  const tone = Float32Array.from({ length: 9600 }, (_, i) => 0.25 * Math.sin(i / 9));
  const wav = Buffer.from(encodeWav({ sampleRate: 48_000, channels: [tone, tone] }, { bitDepth: 24 })).toString('base64');
  const drop = async (name: string, base64: string) => {
    const dataTransfer = await app.evaluateHandle(
      ([fileName, data]) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], fileName, { type: 'audio/wav' }));
        return transfer;
      },
      [name, base64] as const,
    );
    const zone = app.getByLabel('New track drop zone');
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  };

  await drop('dropped tone.wav', wav);
  await expect(app.getByLabel('Clip dropped tone.wav')).toHaveCount(1);
  await expect(app.getByRole('contentinfo')).toContainText('Added dropped tone.wav on a new track.');

  await drop('broken.wav', Buffer.from('RIFF....WAVEjunk').toString('base64'));
  await expect(app.getByRole('alert')).toContainText('broken.wav');
  await expect(app.getByLabel(/^Clip broken/)).toHaveCount(0);
});
