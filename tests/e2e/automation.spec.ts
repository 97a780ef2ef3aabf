import { addSampleFromLibrary, expect, importFolder, samplePack, test } from './fixtures';

test('automation lane: show it, click points in on the grid, drag, select, copy, paste, curve, delete — each one undo step', async ({ app }) => {
  await importFolder(app, samplePack);
  await addSampleFromLibrary(app, 'garzul', 'garzul_120bpm_Cmin_96k.wav');
  const trackName = 'garzul_120bpm_Cmin_96k';
  const undo = app.getByRole('button', { name: /^Undo/ });

  await app.getByRole('button', { name: `Show automation of ${trackName}` }).click();
  const picker = app.getByRole('combobox', { name: `Automated parameter of ${trackName}` });
  await expect(picker).toHaveValue(/\/gainDb$/);
  const lane = app.getByRole('group', { name: `Volume automation of ${trackName}` });
  const box = await lane.boundingBox();
  if (!box) throw new Error('not laid out');
  const points = lane.getByRole('button', { name: /^Point at beat/ });

  // Click adds a point, on the beat grid (28 px a beat): near beat 1 at the top, beat 4 low, beat 8 in the middle.
  await lane.click({ position: { x: 30, y: 4 } });
  await expect(undo).toHaveAccessibleName('Undo Add Automation Point');
  await lane.click({ position: { x: 4 * 28 + 5, y: box.height - 10 } });
  await lane.click({ position: { x: 8 * 28 - 3, y: box.height / 2 } });
  await expect(points).toHaveCount(3);
  await expect(points.nth(0)).toHaveAccessibleName(/^Point at beat 1\.00: 24\.0 dB, Linear/);
  await expect(points.nth(1)).toHaveAccessibleName(/^Point at beat 4\.00/);

  // Drag the middle point two beats right: it lands on beat 6.
  const middle = await points.nth(1).boundingBox();
  if (!middle) throw new Error('no point');
  await app.mouse.move(middle.x + middle.width / 2, middle.y + middle.height / 2);
  await app.mouse.down();
  await app.mouse.move(middle.x + middle.width / 2 + 2 * 28 + 3, middle.y + middle.height / 2, { steps: 5 });
  await app.mouse.up();
  await expect(undo).toHaveAccessibleName('Undo Move Automation Point');
  await expect(points.nth(1)).toHaveAccessibleName(/^Point at beat 6\.00/);

  // Curve from the point's menu.
  await points.nth(1).click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Hold (step)' }).click();
  await expect(undo).toHaveAccessibleName('Undo Change Automation Curve');
  await expect(points.nth(1)).toHaveAccessibleName(/Hold \(step\)$/);

  // Rubber band over the first two, copy, paste at beat 12 (click there first: the paste position).
  await app.mouse.move(box.x + 2, box.y + 1);
  await app.mouse.down();
  await app.mouse.move(box.x + 7 * 28, box.y + box.height - 1, { steps: 6 });
  await app.mouse.up();
  await expect(lane.locator('.automation-point.is-selected')).toHaveCount(2);
  await app.keyboard.press('Control+c');
  await lane.click({ position: { x: 12 * 28, y: box.height / 2 } });
  await expect(points).toHaveCount(4);
  await app.keyboard.press('Control+v');
  await expect(undo).toHaveAccessibleName('Undo Paste 2 Automation Points');
  await expect(points).toHaveCount(5);
  await app.screenshot({ path: '/tmp/shots/automation-lane.png' });

  // Delete the pasted pair; undo brings them back.
  await app.keyboard.press('Delete');
  await expect(undo).toHaveAccessibleName('Undo Delete 2 Automation Points');
  await expect(points).toHaveCount(3);
  await undo.click();
  await expect(points).toHaveCount(5);

  // "Show automated" lists the volume first; hiding the lane gives the clips back.
  await expect(picker.locator('optgroup[label="Automated"] option')).toHaveText(['Volume']);
  await app.getByRole('button', { name: `Show automation of ${trackName}` }).click();
  await expect(lane).toHaveCount(0);
});
